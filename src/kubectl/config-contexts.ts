import { renderError } from './errors.ts';
import { type FlagSpec, flagBool, flagString, parseFlags } from './flags.ts';
import type { KubeContext, Kubeconfig } from './kubeconfig.ts';
import { formatTable } from './printers/table.ts';

/**
 * `kubectl config get-contexts [NAME]`, `current-context`, `use-context` and `set-context`, as
 * kubectl prints them from the member's kubeconfig (src/kubectl/kubeconfig.ts). A name that is
 * not there prints the header and then kubectl's error. Contexts are the sandboxes a member can
 * see: `set-context` only changes the namespace of one of them and never makes a new one, and
 * `use-context` only chooses among them.
 */
export type ConfigResult = {
  output: string;
  error: string | null;
  /** What `set-context` writes: the context's namespace ('' clears it). */
  set?: { context: string; namespace: string };
  /** What `use-context` writes: the member's current context. */
  use?: string;
  /** `set-context` named a context the member cannot see (kubectl would create one). */
  unknownContext?: string;
  /** Where the sandbox's kubeconfig cannot do what kubectl's would: the chat says why. */
  note?: 'rawToken' | 'fixedContext';
  /** A subcommand that would write entries of its own (`config set-cluster`): the chat says why not. */
  unsimulated?: string;
};

export const currentContext = (config: Kubeconfig): ConfigResult => ({
  output: config.currentContext,
  error: null,
});

/**
 * `kubectl config get-contexts [NAME...] [-o name] [--no-headers]` (get_contexts.go): the named
 * (or all) contexts sorted; each name not there is an error after the table, kubectl's aggregate
 * of several printed one a line without `error: `.
 */
export function getContexts(words: readonly string[], config: Kubeconfig): ConfigResult {
  const line = parseFlags(words, GET_CONTEXTS_FLAGS, 'config get-contexts');
  if (!line.ok) return { output: '', error: renderError(line.error) };
  if (flagBool(line.value, 'help')) return { output: GET_CONTEXTS_HELP, error: null };
  const output = flagString(line.value, 'output');
  if (output !== undefined && output !== 'name')
    return {
      output: '',
      error: `error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
    };
  const names = line.value.args.slice(0, 64);
  const known = new Map(config.contexts.map((c) => [c.name, c]));
  const wanted = (names.length === 0 ? [...known.keys()] : names.filter((n) => known.has(n))).sort();
  const missing = names.filter((n) => !known.has(n)).map((n) => `context ${n} not found`);
  const error =
    missing.length === 0 ? null : missing.length === 1 ? `error: ${missing[0]}` : missing.join('\n');
  if (output === 'name') return { output: wanted.join('\n'), error };
  const rows = wanted.map((n) => {
    const c = known.get(n);
    return [n === config.currentContext ? '*' : '', n, c?.cluster ?? '', c?.user ?? '', c?.namespace ?? ''];
  });
  const header = flagBool(line.value, 'no-headers')
    ? []
    : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
  return { output: formatTable([...header, ...rows]), error };
}

const GET_CONTEXTS_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
];

const GET_CONTEXTS_HELP = `Display one or many contexts from the kubeconfig file.

Examples:
  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context

Options:
    --no-headers=false:
	When using the default or custom-column output format, don't print headers (default print headers).

    -o, --output='':
	Output format. One of: (name).

Usage:
  kubectl config get-contexts [(-o|--output=)name)] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`;

const SET_CONTEXT_USAGE = "See 'kubectl config set-context --help' for usage.";

/** `kubectl config set-context --help`, as kubectl 1.33 prints it. */
const SET_CONTEXT_HELP = `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.

Examples:
  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin

Options:
    --cluster='':
	cluster for the context entry in kubeconfig

    --current=false:
	Modify the current context

    --namespace='':
	namespace for the context entry in kubeconfig

    --user='':
	user for the context entry in kubeconfig

Usage:
  kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/**
 * `kubectl config set-context [NAME | --current] [--namespace=NS] [--cluster=C] [--user=U]`
 * (kubectl 1.33's create_context.go: its checks in its order). A sandbox's context cannot point at
 * another cluster or user: --cluster and --user are taken only when they name what the context
 * already names, and otherwise refused with a note (nothing changes).
 */
export function setContext(words: readonly string[], config: Kubeconfig): ConfigResult {
  const names: string[] = [];
  let current = false;
  const values = new Map<string, string>();
  const fail = (error: string): ConfigResult => ({ output: '', error });
  for (let i = 0; i < words.length && i < 64; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-') || word === '-') {
      names.push(word);
      continue;
    }
    const [flag = '', value] = word.split(/=(.*)/s, 2);
    if (flag === '--current') {
      if (value !== undefined && value !== 'true' && value !== 'false')
        return fail(
          `error: invalid argument "${value}" for "--current" flag: strconv.ParseBool: parsing "${value}": invalid syntax\n${SET_CONTEXT_USAGE}`,
        );
      current = value !== 'false';
    } else if (flag === '--namespace' || flag === '--cluster' || flag === '--user') {
      if (value !== undefined) values.set(flag, value);
      else if (i + 1 < words.length) values.set(flag, words[++i] ?? '');
      else return fail(`error: flag needs an argument: ${flag}\n${SET_CONTEXT_USAGE}`);
    } else if (flag === '--help' || flag === '-h') return { output: SET_CONTEXT_HELP.trimEnd(), error: null };
    else if (!flag.startsWith('--'))
      return fail(`error: unknown shorthand flag: '${flag.charAt(1)}' in ${flag}\n${SET_CONTEXT_USAGE}`);
    else return fail(`error: unknown flag: ${flag}\n${SET_CONTEXT_USAGE}`);
  }
  // cobra prints the command's help first, then the error.
  if (names.length > 1) return fail(`${SET_CONTEXT_HELP}error: Unexpected args: [${names.join(' ')}]`);
  const name = names[0] ?? '';
  if (name !== '' && current) return fail('error: you cannot specify both a context name and --current');
  if (name === '' && !current) return fail('error: you must specify a non-empty context name or --current');
  const context = current ? config.currentContext : name;
  const entry = config.contexts.find((c) => c.name === context);
  if (entry === undefined) return { output: '', error: null, unknownContext: context };
  if (!keeps(entry, values.get('--cluster'), values.get('--user')))
    return { output: '', error: null, note: 'fixedContext' };
  const output = `Context "${context}" modified.`;
  const namespace = values.get('--namespace');
  return namespace === undefined
    ? { output, error: null }
    : { output, error: null, set: { context, namespace } };
}

/** Whether --cluster and --user (when given; '' leaves a field as it is) name what the context names. */
const keeps = (entry: KubeContext, cluster: string | undefined, user: string | undefined): boolean =>
  (cluster === undefined || cluster === '' || cluster === entry.cluster) &&
  (user === undefined || user === '' || user === entry.user);

const USE_CONTEXT_HELP = `Set the current-context in a kubeconfig file.

Aliases:
use-context, use

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube

Usage:
  kubectl config use-context CONTEXT_NAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl config use-context NAME` (use.go): one of the member's contexts, or kubectl's error. */
export function useContext(words: readonly string[], config: Kubeconfig): ConfigResult {
  const line = parseFlags(words, [], 'config use-context');
  if (!line.ok) return { output: '', error: renderError(line.error) };
  if (flagBool(line.value, 'help')) return { output: USE_CONTEXT_HELP.trimEnd(), error: null };
  const names = line.value.args;
  if (names.length !== 1)
    return { output: '', error: `${USE_CONTEXT_HELP}error: Unexpected args: [${names.join(' ')}]` };
  const name = names[0] ?? '';
  if (!config.contexts.some((c) => c.name === name))
    return { output: '', error: `error: no context exists with the name: "${name}"` };
  return { output: `Switched to context "${name}".`, error: null, use: name };
}
