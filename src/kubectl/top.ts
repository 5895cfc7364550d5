import { parseFieldTerms } from '../cluster/field-selector.ts';
import { parseSelector } from '../cluster/labels/selector.ts';
import { API_VERSIONS } from '../cluster/openapi/discovery.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { type FlagSpec, flagString, type ParsedLine } from './flags.ts';
import { type Outcome, outcome, stderr } from './verb.ts';

/**
 * `kubectl top pod|node` (kubectl 1.33 pkg/cmd/top): its checks in its order. Complete refuses a
 * second name; Validate a --sort-by other than cpu or memory and a name given with a selector;
 * Run parses the selectors, then asks discovery for metrics.k8s.io, which a cluster without
 * metrics-server (the sandbox) does not serve: "Metrics API not available".
 */
export type TopKind = 'pod' | 'node';

export interface TopCommand {
  kind: TopKind;
  /** The subcommand's name as cobra names it in messages: `top pod`. */
  name: string;
  flags: readonly FlagSpec[];
  help: string;
}

const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
const COMMON: readonly FlagSpec[] = [
  SELECTOR,
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'use-protocol-buffers', type: 'bool' },
];

const POD: TopCommand = {
  kind: 'pod',
  name: 'top pod',
  flags: [
    ...COMMON,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'containers', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'sum', type: 'bool' },
  ],
  help: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.

Aliases:
pod, pods, po

Examples:
  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel

Options:
    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.

    --containers=false:
	If present, print usage of containers within a pod.

    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    --no-headers=false:
	If present, print output without headers.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.

    --sort-by='':
	If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.

    --sum=false:
	Print the sum of the resource usage

    --use-protocol-buffers=true:
	Enables using protocol-buffers to access Metrics API.

Usage:
  kubectl top pod [NAME | -l label] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`,
};

const NODE: TopCommand = {
  kind: 'node',
  name: 'top node',
  flags: [...COMMON, { name: 'show-capacity', type: 'bool' }],
  help: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.

Aliases:
node, nodes, no

Examples:
  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME

Options:
    --no-headers=false:
	If present, print output without headers

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.

    --show-capacity=false:
	Print node resources based on Capacity instead of Allocatable(default) of the nodes.

    --sort-by='':
	If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.

    --use-protocol-buffers=true:
	Enables using protocol-buffers to access Metrics API.

Usage:
  kubectl top node [NAME | -l label] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`,
};

const ALIASES: Readonly<Record<string, TopCommand>> = {
  pod: POD,
  pods: POD,
  po: POD,
  node: NODE,
  nodes: NODE,
  no: NODE,
};

/** The subcommand a `top` line names (cobra finds it by the first word that is not a flag). */
export function topCommand(words: readonly string[]): TopCommand | undefined {
  const word = words.find((w) => !w.startsWith('-'));
  return word === undefined ? undefined : ALIASES[word];
}

/** Whether kubectl gets as far as building a client: a known subcommand with at most one name. */
export const topBuildsClient = (args: readonly string[]): boolean =>
  args[0] !== undefined && ALIASES[args[0]] !== undefined && args.length <= 2;

/** The API group and versions kubectl's top reads (metricsutil: SupportedMetricsAPIVersions). */
const METRICS_VERSIONS = ['metrics.k8s.io/v1beta1'];

/**
 * What `kubectl top pod|node` prints here: kubectl's own error at the first check that fails. A
 * cluster that served metrics.k8s.io would get a table; the sandbox serves none, so `top` ends at
 * discovery, as it does on a cluster without metrics-server.
 */
export function runTop(command: TopCommand, line: ParsedLine): Result<never, KubectlError> {
  const names = line.args.slice(1);
  const usage = `${command.kind} [NAME | -l label]`;
  if (names.length > 1) return err(kubectlError('usage', { message: usage, verb: command.name }));
  const sortBy = flagString(line, 'sort-by') ?? '';
  const plain = (message: string) => err(kubectlError('plain', { message }));
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory')
    return plain('--sort-by accepts only cpu or memory');
  const labels = flagString(line, 'selector') ?? '';
  const fields = command.kind === 'pod' ? (flagString(line, 'field-selector') ?? '') : '';
  if (names.length === 1 && (labels !== '' || fields !== ''))
    return plain(`only one of NAME or ${command.kind === 'pod' ? 'selector' : '--selector'} can be provided`);
  if (labels !== '') {
    const parsed = parseSelector(labels);
    if (!parsed.ok) return plain(parsed.error.message);
  }
  if (fields !== '') {
    const parsed = parseFieldTerms(fields);
    if (!parsed.ok) return plain(parsed.error);
  }
  if (!METRICS_VERSIONS.some((v) => API_VERSIONS.includes(v))) return plain('Metrics API not available');
  // Discovery here is the v1.34 list of a cluster without metrics-server; were it to serve the
  // Metrics API, the sandbox would still have no usage to show.
  return err(kubectlError('notSimulated', { verb: command.name }));
}

/**
 * `kubectl top` with no subcommand (cmdutil.DefaultSubCommandRun): its help on stderr and exit
 * status 1, or its error for a word that names no subcommand.
 */
export function topWithout(line: ParsedLine): Result<Outcome, KubectlError> {
  const [word] = line.args;
  if (word === undefined) return ok(outcome([stderr(TOP_HELP)], [], 1));
  return err(kubectlError('usage', { message: `unknown command "${word}"`, verb: 'top' }));
}

export const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;
