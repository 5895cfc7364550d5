import { type ConfigResult, currentContext, getContexts, setContext, useContext } from './config-contexts.ts';
import { configView, viewText } from './config-view.ts';
import { renderError } from './errors.ts';
import { flagBool, parseFlags } from './flags.ts';
import type { Kubeconfig } from './kubeconfig.ts';

/**
 * `kubectl config SUBCOMMAND` over the member's kubeconfig: the subcommands that read it or
 * choose within it. Those that would write other entries (set-cluster, set-credentials,
 * delete-context, rename-context, set, unset) are left to the chat's "not available" answer (null).
 * `context` is the global `--context`, which `view --minify` honours.
 */
export function configCommand(
  words: readonly string[],
  config: Kubeconfig,
  context: string | null,
): ConfigResult | null {
  const [sub, ...rest] = words;
  switch (sub) {
    case 'current-context':
      return rest.length === 0 ? currentContext(config) : null;
    case 'get-contexts':
      return getContexts(rest, config);
    case 'set-context':
      return setContext(rest, config);
    case 'use-context':
    case 'use':
      return useContext(rest, config);
    case 'get-clusters':
      return names('get-clusters', rest, config.clusters);
    case 'get-users':
      return names('get-users', rest, config.users);
    case 'view': {
      const printed = configView(rest, config, context);
      const { text, ok } = viewText(printed);
      const raw = printed.ok && printed.value.raw;
      return ok
        ? { output: text, error: null, ...(raw ? { note: 'rawToken' } : {}) }
        : { output: '', error: text };
    }
    default:
      return null;
  }
}

const LISTS_HELP = {
  'get-clusters': [
    'Display clusters defined in the kubeconfig.',
    'List the clusters that kubectl knows about',
  ],
  'get-users': ['Display users defined in the kubeconfig.', 'List the users that kubectl knows about'],
} as const;

/** `kubectl config get-clusters|get-users` (get_clusters.go, get_users.go): NAME and the names, sorted; arguments are ignored. */
function names(
  sub: keyof typeof LISTS_HELP,
  words: readonly string[],
  entries: readonly { name: string }[],
): ConfigResult {
  const line = parseFlags(words, [], `config ${sub}`);
  if (!line.ok) return { output: '', error: renderError(line.error) };
  if (flagBool(line.value, 'help')) {
    const [title, example] = LISTS_HELP[sub];
    return {
      output: `${title}\n\nExamples:\n  # ${example}\n  kubectl config ${sub}\n\nUsage:\n  kubectl config ${sub} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).`,
      error: null,
    };
  }
  const sorted = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { output: ['NAME', ...sorted].join('\n'), error: null };
}
