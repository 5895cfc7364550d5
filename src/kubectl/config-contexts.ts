import { formatTable } from './printers/table.ts';

/**
 * `kubectl config get-contexts [NAME]`, `current-context` and `set-context --namespace`, as
 * kubectl prints them from a kubeconfig in which every context is a sandbox (its cluster is
 * "podium", its user the member). A name that is not there prints the header and then kubectl's
 * error. Contexts are the sandboxes a member can see: `set-context` only changes the namespace of
 * one of them, and never makes a new one.
 */
export interface Contexts {
  current: string;
  others: readonly string[];
  /** The namespace each context names, when it names one. */
  namespaces: ReadonlyMap<string, string>;
}

export type ConfigResult = {
  output: string;
  error: string | null;
  /** What `set-context` writes: the context's namespace ('' clears it). */
  set?: { context: string; namespace: string };
  /** `set-context` named a context the member cannot see (kubectl would create one). */
  unknownContext?: string;
};

export function configCommand(words: readonly string[], contexts: Contexts): ConfigResult | null {
  const [sub, ...rest] = words;
  if (sub === 'current-context' && rest.length === 0) return { output: contexts.current, error: null };
  if (sub === 'set-context') return setContext(rest, contexts);
  if (sub !== 'get-contexts') return null;
  const names = rest.filter((w) => !w.startsWith('-'));
  const nameOnly = rest.includes('-o=name') || rest.join(' ').includes('-o name');
  const all = [contexts.current, ...contexts.others].sort();
  const wanted = names.length === 0 ? all : names.filter((n) => all.includes(n));
  const missing = names.find((n) => !all.includes(n));
  if (nameOnly)
    return {
      output: wanted.join('\n'),
      error: missing === undefined ? null : `error: context ${missing} not found`,
    };
  const rows = wanted.map((n) => [
    n === contexts.current ? '*' : '',
    n,
    'podium',
    n,
    contexts.namespaces.get(n) ?? '',
  ]);
  const output = formatTable([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]);
  return { output, error: missing === undefined ? null : `error: context ${missing} not found` };
}

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
 * `kubectl config set-context [NAME | --current] --namespace=NS` (kubectl 1.33's create_context.go:
 * its checks in its order). --cluster and --user would point a context elsewhere, which a
 * sandbox's context cannot: those lines are left to the "not simulated" answer (null).
 */
function setContext(words: readonly string[], contexts: Contexts): ConfigResult | null {
  const names: string[] = [];
  let current = false;
  let namespace: string | undefined;
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
    } else if (flag === '--namespace') {
      if (value !== undefined) namespace = value;
      else if (i + 1 < words.length) namespace = words[++i];
      else return fail(`error: flag needs an argument: --namespace\n${SET_CONTEXT_USAGE}`);
    } else if (flag === '--cluster' || flag === '--user' || flag === '--help' || flag === '-h') return null;
    else if (!flag.startsWith('--'))
      return fail(`error: unknown shorthand flag: '${flag.charAt(1)}' in ${flag}\n${SET_CONTEXT_USAGE}`);
    else return fail(`error: unknown flag: ${flag}\n${SET_CONTEXT_USAGE}`);
  }
  // cobra prints the command's help first, then the error.
  if (names.length > 1) return fail(`${SET_CONTEXT_HELP}error: Unexpected args: [${names.join(' ')}]`);
  const name = names[0] ?? '';
  if (name !== '' && current) return fail('error: you cannot specify both a context name and --current');
  if (name === '' && !current) return fail('error: you must specify a non-empty context name or --current');
  const context = current ? contexts.current : name;
  if (context !== contexts.current && !contexts.others.includes(context))
    return { output: '', error: null, unknownContext: context };
  const output = `Context "${context}" modified.`;
  return namespace === undefined
    ? { output, error: null }
    : { output, error: null, set: { context, namespace } };
}
