/**
 * Every error the simulated kubectl can print, in kubectl's exact wording (see
 * shared/reference/kubectl.md). The union of codes is derived from this one table, so a code
 * without a message cannot exist. Handlers return `kubectlError(code, params)`; only `renderError`
 * turns it into text.
 */
/** What the chat layer adds after kubectl's own output where the sandbox differs from a cluster. */
export type SandboxNote =
  | { key: 'unsimulatedType'; types: string[] }
  | { key: 'unsimulatedCreate'; kind: string; apiVersion: string }
  | { key: 'watchSnapshot' }
  | { key: 'watchOnlySnapshot' }
  | { key: 'noManagedFields' }
  /** The chat has no shell: what followed a pipe or redirect was not run (src/chat/shell-cut.ts). */
  | { key: 'shellCut'; cut: string; redirect: boolean };

const seeHelp = (verb: string) => `See 'kubectl ${verb} -h' for help and examples`;
const seeUsage = (verb: string) => `See 'kubectl ${verb} --help' for usage.`;

const messages = {
  notFound: (p: { resource: string; name: string }) =>
    `Error from server (NotFound): ${p.resource} "${p.name}" not found`,
  // Any other refusal of the API server (see status-error.ts for where the message comes from).
  server: (p: { reason: string; message: string }) => `Error from server (${p.reason}): ${p.message}`,
  invalid: (p: { kind: string; name: string; causes: string[] }) =>
    p.causes.length === 1
      ? `The ${p.kind} "${p.name}" is invalid: ${p.causes[0]}`
      : `The ${p.kind} "${p.name}" is invalid: \n${p.causes.map((c) => `* ${c}`).join('\n')}`,
  // An Invalid Status naming no object (checkErr): its causes, or without them the server's message.
  invalidRequest: (p: { message: string; causes: string[] }) =>
    p.causes.length === 0
      ? `The request is invalid${p.message === '' ? '' : `: ${p.message}`}`
      : p.causes.length === 1
        ? `The request is invalid: ${p.causes[0]}`
        : `The request is invalid: \n${p.causes.map((c) => `* ${c}`).join('\n')}`,
  badRequest: (p: { message: string }) => `Error from server (BadRequest): ${p.message}`,
  forbidden: (p: { message: string }) => `Error from server (Forbidden): ${p.message}`,
  unknownCommand: (p: { command: string; suggestions: string[] }) =>
    `error: unknown command "${p.command}" for "kubectl"` +
    (p.suggestions.length > 0
      ? `\n\nDid you mean this?\n${p.suggestions.map((s) => `\t${s}`).join('\n')}`
      : ''),
  unknownFlag: (p: { flag: string; verb: string }) => `error: unknown flag: ${p.flag}\n${seeUsage(p.verb)}`,
  unknownShorthand: (p: { letter: string; arg: string; verb: string }) =>
    `error: unknown shorthand flag: '${p.letter}' in ${p.arg}\n${seeUsage(p.verb)}`,
  flagNeedsArgument: (p: { flag: string; arg: string; verb: string }) =>
    `error: flag needs an argument: ${p.flag.startsWith('--') ? p.flag : `'${p.flag.slice(1)}' in ${p.arg}`}\n${seeUsage(p.verb)}`,
  invalidFlagValue: (p: { value: string; flag: string; reason: string; verb: string }) =>
    `error: invalid argument "${p.value}" for "${p.flag}" flag: ${p.reason}\n${seeUsage(p.verb)}`,
  usage: (p: { message: string; verb: string }) => `error: ${p.message}\n${seeHelp(p.verb)}`,
  plain: (p: { message: string }) => `error: ${p.message}`,
  // cli-runtime's Builder when no resource was named (delete, wait, ...).
  noResources: () =>
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  // The RESTMapper's NoResourceMatchError names only the resource of TYPE[.VERSION][.GROUP]
  // (`get po.apps`, `get foo.v1.apps`: "po", "foo"), as kubectl 1.33 prints against Podium's door.
  unknownResourceType: (p: { type: string }) =>
    `error: the server doesn't have a resource type "${p.type.split('.')[0] || p.type}"`,
  // `explain` reports the same through cmdutil's NoMatch branch, which prints it without `error:`.
  unknownExplainType: (p: { type: string }) => `the server doesn't have a resource type "${p.type}"`,
  // cli-runtime mapper.infoForData wraps the RESTMapper's NoKindMatchError with the object's
  // metadata as written (namespace "" when the manifest has none) and the CRD hint.
  noMatchesForKind: (p: {
    kind: string;
    apiVersion: string;
    source?: string;
    name?: string;
    namespace?: string;
  }) =>
    p.source === undefined
      ? `error: no matches for kind "${p.kind}" in version "${p.apiVersion}"`
      : `error: resource mapping not found for name: "${p.name ?? ''}" namespace: "${p.namespace ?? ''}" from "${p.source}": no matches for kind "${p.kind}" in version "${p.apiVersion}"\nensure CRDs are installed first`,
  tokenize: (p: { message: string }) => `error: ${p.message}`,
  emptyCommand: () => 'error: no command given; try `kubectl get po`',
  rawText: (p: { text: string; notes?: SandboxNote[] }) => p.text,
  // A real type the sandbox does not simulate: the chat layer says so in the member's language.
  unsimulatedKind: (p: { kind: string; apiVersion: string }) =>
    `error: ${p.kind} (${p.apiVersion}) exists in Kubernetes but is not simulated in this sandbox; nothing was created`,
  // manifests: create -f, apply -f, delete -f (reference §4)
  parseManifest: (p: { source: string; message: string }) => `error: error parsing ${p.source}: ${p.message}`,
  validateManifest: (p: { source: string; message: string }) =>
    `error: error validating "${p.source}": error validating data: ${p.message}; if you choose to ignore these errors, turn validation off with --validate=false`,
  cannotBeHandled: (p: { kind: string; source?: string; verb?: string; message: string }) =>
    `Error from server (BadRequest): ${sourcePrefix(p.verb ?? 'creating', p.source)}${p.kind} in version "v1" cannot be handled as a ${p.kind}: ${p.message}`,
  namespaceMismatch: (p: { objectNamespace: string; namespace: string }) =>
    `error: the namespace from the provided object "${p.objectNamespace}" does not match the namespace "${p.namespace}". You must pass '--namespace=${p.objectNamespace}' to perform this operation.`,
  notFoundWhen: (p: { resource: string; name: string; verb: string; source: string }) =>
    `Error from server (NotFound): ${sourcePrefix(p.verb, p.source)}${p.resource} "${p.name}" not found`,
  // An Invalid error among several from one command: StandardErrorMessage, not the "The Pod" form.
  invalidFromFile: (p: { kind: string; name: string; causes: string[]; verb: string; source: string }) =>
    `Error from server (Invalid): ${sourcePrefix(p.verb, p.source)}${p.kind} "${p.name}" is invalid: ${p.causes.length === 1 ? p.causes[0] : `[${p.causes.join(', ')}]`}`,
  notSimulated: (p: { verb: string }) =>
    `error: "kubectl ${p.verb}" is not available in this sandbox, which simulates the pods chapter. Try "kubectl --help" for the commands it has.`,
  // exec, logs, port-forward, wait (reference §12)
  containerNotFound: (p: { container: string }) =>
    `error: unable to upgrade connection: container not found ("${p.container}")`,
  execCompleted: (p: { phase: string }) =>
    `error: cannot exec into a container in a completed pod; current phase is ${p.phase}`,
  commandTerminated: (p: { code: number }) => `command terminated with exit code ${p.code}`,
  logsNotFound: (p: { resource: string; name: string; namespace: string }) =>
    `error: error from server (NotFound): ${p.resource} "${p.name}" not found in namespace "${p.namespace}"`,
  containerNotValid: (p: { container: string; pod: string }) =>
    `error: container ${p.container} is not valid for pod ${p.pod}`,
  podNotRunning: (p: { phase: string }) =>
    `error: unable to forward port because pod is not running. Current status=${p.phase}`,
  waitTimeout: (p: { resource: string; name: string }) =>
    `error: timed out waiting for the condition on ${p.resource}/${p.name}`,
} satisfies Record<string, (params: never) => string>;

function sourcePrefix(verb: string, source: string | undefined): string {
  return source === undefined ? '' : `error when ${verb} "${source}": `;
}

type Messages = typeof messages;
export type ErrorCode = keyof Messages;
export type KubectlError = {
  [K in ErrorCode]: { code: K; params: Parameters<Messages[K]>[0] };
}[ErrorCode];

export function kubectlError<K extends ErrorCode>(
  code: K,
  ...params: Parameters<Messages[K]> extends [] ? [] : [Parameters<Messages[K]>[0]]
): KubectlError {
  return { code, params: params[0] } as KubectlError;
}

export function renderError(error: KubectlError): string {
  const render = messages[error.code] as (p: unknown) => string;
  return render(error.params);
}
