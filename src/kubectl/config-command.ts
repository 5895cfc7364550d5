import { type ConfigResult, currentContext, getContexts, setContext, useContext } from './config-contexts.ts';
import { configView, viewText } from './config-view.ts';
import { kubectlError, renderError } from './errors.ts';
import { flagBool, parseFlags } from './flags.ts';
import type { Kubeconfig } from './kubeconfig.ts';
import type { TemplateFiles } from './printers/template-output.ts';

/**
 * `kubectl config SUBCOMMAND` over the member's kubeconfig: the subcommands that read it or
 * choose within it. Those that would write other entries (set-cluster, set-credentials,
 * delete-context, rename-context, set, unset) are left to the chat's "not available" answer (null).
 * `context` is the global `--context`, which `view --minify` honours; `files` are where `view -o
 * jsonpath-file=F` reads F.
 */
export function configCommand(
  words: readonly string[],
  config: Kubeconfig,
  context: string | null,
  files: TemplateFiles,
): ConfigResult | null {
  const [sub, ...rest] = words;
  switch (sub) {
    case undefined:
      // cmdutil.DefaultSubCommandRun: the help, on stderr, and exit status 1.
      return { output: '', error: CONFIG_HELP };
    case 'current-context': {
      const line = parseFlags(rest, [], 'config current-context');
      if (!line.ok) return { output: '', error: renderError(line.error) };
      return flagBool(line.value, 'help') ? { output: simpleHelp(sub), error: null } : currentContext(config);
    }
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
      const printed = configView(rest, config, context, files);
      const { text, ok } = viewText(printed);
      // The note is for a token shown: a raw view that prints none (`-o jsonpath={.kind}`) needs none.
      const raw = printed.ok && printed.value.raw && text.includes('REDACTED');
      return ok
        ? { output: text, error: null, ...(raw ? { note: 'rawToken' } : {}) }
        : { output: '', error: text };
    }
    default:
      return other(sub, rest);
  }
}

/** The subcommands that write entries of their own, which a sandbox's kubeconfig has no room for. */
const WRITERS = [
  'delete-cluster',
  'delete-context',
  'delete-user',
  'rename-context',
  'set',
  'set-cluster',
  'set-credentials',
  'unset',
];

/** `config --help`, a flag before any subcommand, a writer (the chat says why not), or kubectl's unknown command. */
function other(sub: string, rest: readonly string[]): ConfigResult | null {
  if (WRITERS.includes(sub)) return { output: '', error: null, unsimulated: `config ${sub}` };
  if (!sub.startsWith('-'))
    return {
      output: '',
      error: renderError(kubectlError('usage', { message: `unknown command "${sub}"`, verb: 'config' })),
    };
  const line = parseFlags([sub, ...rest], [], 'config');
  if (!line.ok) return { output: '', error: renderError(line.error) };
  // A subcommand after global flags (`config -n x view`) is cobra's to find; left to the chat.
  return flagBool(line.value, 'help') ? { output: CONFIG_HELP, error: null } : null;
}

const SIMPLE_HELP = {
  'current-context': ['Display the current-context.', 'Display the current-context'],
  'get-clusters': [
    'Display clusters defined in the kubeconfig.',
    'List the clusters that kubectl knows about',
  ],
  'get-users': ['Display users defined in the kubeconfig.', 'List the users that kubectl knows about'],
} as const;

/** The --help of a subcommand with no options of its own. */
function simpleHelp(sub: keyof typeof SIMPLE_HELP): string {
  const [title, example] = SIMPLE_HELP[sub];
  return `${title}\n\nExamples:\n  # ${example}\n  kubectl config ${sub}\n\nUsage:\n  kubectl config ${sub} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).`;
}

/** `kubectl config get-clusters|get-users` (get_clusters.go, get_users.go): NAME and the names, sorted; arguments are ignored. */
function names(
  sub: 'get-clusters' | 'get-users',
  words: readonly string[],
  entries: readonly { name: string }[],
): ConfigResult {
  const line = parseFlags(words, [], `config ${sub}`);
  if (!line.ok) return { output: '', error: renderError(line.error) };
  if (flagBool(line.value, 'help')) return { output: simpleHelp(sub), error: null };
  const sorted = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { output: ['NAME', ...sorted].join('\n'), error: null };
}

/** `kubectl config --help`, as kubectl 1.33 prints it. */
const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;
