import { applyToCluster, type Change } from '../cluster/changes.ts';
import type { Cluster, Labels, ObjectMeta } from '../cluster/model.ts';
import { resourceVersionPrecondition } from '../cluster/preconditions.ts';
import { scheduleWaiting } from '../cluster/scheduler.ts';
import type { Status } from '../cluster/status.ts';
import type { Selection, Visit } from './builder.ts';
import { DRY_RUN_FLAG, type DryRun } from './dry-run-flag.ts';
import { type KubectlError, kubectlError, renderError } from './errors.ts';
import { type FlagSpec, flagBool, flagString, type ParsedLine } from './flags.ts';
import type { Pairs } from './pairs.ts';
import { documentOf, printObjects } from './printers/objects.ts';
import {
  printedTemplate,
  printFlagsOf,
  type TemplateFiles,
  templateFormat,
  templatePrinter,
  withTemplate,
} from './printers/template-output.ts';
import type { AnyObject } from './query.ts';
import { qualifiedName, type ResourceInfo } from './resources.ts';
import { fromStatus } from './status-error.ts';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, allowMissingKeysOf } from './template-keys-flag.ts';
import { type OutputLine, stderr, stdout } from './verb.ts';

/**
 * What `kubectl label` and `kubectl annotate` share: the dry-run flag, the per-object errors that
 * kubectl collects while it visits objects (ContinueOnError) and prints at the end, the `-o`
 * printers, `--list`, and writing an updated object back (a node label lets pending pods schedule).
 */

/** What kubectl puts after the line of an object a dry run changed. */
export const dryRunSuffix = (dryRun: DryRun) =>
  dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';

/** An error found while visiting one object; kubectl prints it differently alone or with others. */
export type ObjectError =
  | { kind: 'client'; message: string }
  | { kind: 'server'; status: Status }
  | { kind: 'notFound'; resource: string; name: string }
  | { kind: 'invalid'; objectKind: string; name: string; causes: string[] };

/**
 * One error prints as usual (`error: ...`, `The Pod "x" is invalid: ...`). Several are a flattened
 * aggregate, which kubectl prints one per line with no `error: ` prefix and API errors in their
 * `Error from server (Reason): message` form (KC `cmdutil.MultipleErrors`).
 */
export function renderObjectErrors(errors: readonly ObjectError[]): OutputLine[] {
  if (errors.length === 1 && errors[0] !== undefined) return [stderr(renderError(asKubectlError(errors[0])))];
  return errors.map((e) => {
    if (e.kind === 'client') return stderr(e.message);
    if (e.kind === 'server' && e.status.reason === 'Invalid')
      return stderr(`Error from server (Invalid): ${e.status.message}`);
    if (e.kind === 'notFound' || e.kind === 'server') return stderr(renderError(asKubectlError(e)));
    const body = e.causes.length === 1 ? (e.causes[0] ?? '') : `[${e.causes.join(', ')}]`;
    return stderr(`Error from server (Invalid): ${e.objectKind} "${e.name}" is invalid: ${body}`);
  });
}

function asKubectlError(e: ObjectError): KubectlError {
  switch (e.kind) {
    case 'client':
      return kubectlError('plain', { message: e.message });
    case 'notFound':
      return kubectlError('notFound', { resource: e.resource, name: e.name });
    case 'server':
      return fromStatus(e.status);
    case 'invalid':
      return kubectlError('invalid', { kind: e.objectKind, name: e.name, causes: e.causes });
  }
}

const LABEL_OUTPUT_FORMATS = ['json', 'name', 'yaml'];

/**
 * PrintFlags.ToPrinter for label/annotate: null when `-o` names a printer it has, else its error.
 * `files`: where a `-file` template format reads its file.
 */
export function outputFormatError(format: string, files: TemplateFiles): string | null {
  if (format === '' || LABEL_OUTPUT_FORMATS.includes(format)) return null;
  const template = templateFormat(format);
  if (template === null) return printerError(format);
  const printer = templatePrinter(template.format, template.template, files);
  return printer.ok ? null : printer.error;
}

/**
 * PrintFlags' `-o` joined with `--template` (withTemplate: `-o jsonpath --template={.x}`, or
 * `--template` alone as go-template); a format carrying its own template beside `--template`
 * matches no printer, and `formatError` is kubectl's error for it.
 */
export function printFormatOf(line: ParsedLine): { format: string; formatError: string | null } {
  const { asked, template, clash } = printFlagsOf(line);
  if (clash) return { format: asked, formatError: printerError(asked) };
  return { format: withTemplate(asked, template), formatError: null };
}

export const printerError = (format: string) =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`;

/**
 * The success line, or the object itself with `-o yaml|json|name|jsonpath=...`; a template that
 * fails (`--allow-missing-template-keys=false` and a missing key) is the object's error.
 */
export function printUpdated(
  object: AnyObject,
  opts: Pick<UpdateOptions, 'format' | 'allowMissingKeys'>,
  operation: string,
  cluster: Cluster,
): { output: OutputLine[]; error: ObjectError | null } {
  const { format } = opts;
  const line = (output: OutputLine) => ({ output: [output], error: null });
  if (format === 'yaml' || format === 'json' || format === 'name')
    return line(stdout(printObjects([object], format, cluster)));
  const template = templateFormat(format);
  if (template !== null) {
    const printer = templatePrinter(template.format, template.template, cluster.files, opts.allowMissingKeys);
    if (!printer.ok) return line(stderr(`error: ${printer.error}`));
    const printed = printedTemplate(printer.value.print(documentOf([object], cluster, true)));
    return {
      output: printed.output,
      error: printed.error === null ? null : { kind: 'client', message: printed.error },
    };
  }
  return line(stdout(`${object.kind.toLowerCase()}/${object.metadata.name} ${operation}`));
}

/** `--list`: `k=v` lines; with several objects each gets a heading and the lines are indented. */
export function listLines(visit: Visit, map: Labels, single: boolean, what: 'labels' | 'annotations') {
  const keys = Object.keys(map).sort();
  const indent = single ? '' : ' ';
  const heading = single ? [] : [`Listing ${what} for ${visit.resource.kind}./${visit.name}:`];
  return [...heading, ...keys.map((k) => `${indent}${k}=${map[k]}`)];
}

export const sameMap = (a: Labels, b: Labels): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export function withMetadata(
  object: AnyObject,
  field: 'labels' | 'annotations',
  map: Labels,
  resourceVersion: string,
): AnyObject {
  // Copies with the keys in place (Object.assign, not `{ ...m, more }`: the build turns that into
  // property-descriptor helpers, and every label and annotate of a pod comes through here).
  const update = <M extends ObjectMeta>(m: M): M => {
    const next: M = Object.assign({}, m);
    if (field === 'labels') next.labels = map;
    else next.annotations = map;
    next.resourceVersion = resourceVersion;
    return next;
  };
  switch (object.kind) {
    case 'Pod':
      return Object.assign({}, object, { metadata: update(object.metadata) });
    case 'Node':
      return Object.assign({}, object, { metadata: update(object.metadata) });
    case 'Namespace':
      return Object.assign({}, object, { metadata: update(object.metadata) });
    case 'Service':
      return Object.assign({}, object, { metadata: update(object.metadata) });
  }
}

export function putObject(object: AnyObject): Change {
  switch (object.kind) {
    case 'Pod':
      return { op: 'putPod', pod: object };
    case 'Node':
      return { op: 'putNode', node: object };
    case 'Namespace':
      return { op: 'putNamespace', namespace: object };
    case 'Service':
      return { op: 'putService', service: object };
  }
}

/**
 * After node labels change the scheduler retries every pending pod (a `nodeSelector` may now
 * fit), seeing this command's other writes too. Binding writes the pod, so each bound pod gets
 * a new resourceVersion.
 */
export function rescheduleAfter(cluster: Cluster, changes: readonly Change[], nextVersion: () => string) {
  if (!changes.some((c) => c.op === 'putNode')) return [];
  return scheduleWaiting(applyToCluster(cluster, changes), cluster.now).map((c): Change => {
    if (c.op !== 'putPod') return c;
    return {
      op: 'putPod',
      pod: { ...c.pod, metadata: { ...c.pod.metadata, resourceVersion: nextVersion() } },
    };
  });
}

/** The flags `label` and `annotate` share, as kubectl defines them for both. */
export const METADATA_UPDATE_FLAGS: readonly FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'resource-version', type: 'string' },
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
  DRY_RUN_FLAG,
];

export interface UpdateOptions {
  overwrite: boolean;
  list: boolean;
  /** `-o` with `--template` joined (printFormatOf), and kubectl's error when they clash. */
  format: string;
  formatError: string | null;
  /** `--allow-missing-template-keys`, for `-o jsonpath|go-template`. */
  allowMissingKeys: boolean;
  dryRun: DryRun;
  /** `--resource-version`: the version the patch names, '' for none. */
  resourceVersion: string;
}

export const updateOptions = (line: ParsedLine, dryRun: DryRun): UpdateOptions => ({
  overwrite: flagBool(line, 'overwrite'),
  list: flagBool(line, 'list'),
  ...printFormatOf(line),
  allowMissingKeys: allowMissingKeysOf(line),
  dryRun,
  resourceVersion: flagString(line, 'resource-version') ?? '',
});

/**
 * label.go and annotate.go lock on a version only when one object was named (IntoSingleItemImplied):
 * checked after the objects are found, before any is visited.
 */
export function resourceVersionFlagError(line: ParsedLine, selection: Selection): string | null {
  return (flagString(line, 'resource-version') ?? '') !== '' && !selection.singleItemImplied
    ? '--resource-version may only be used with a single resource'
    : null;
}

/**
 * The server's precondition on the patch that names `--resource-version` (src/cluster), for an
 * object the command is about to write; dry-run=client and --list never reach the server.
 */
export function lockError(
  object: AnyObject,
  resource: ResourceInfo,
  opts: UpdateOptions,
): ObjectError | null {
  const locked = resourceVersionPrecondition(qualifiedName(resource), object.metadata, opts.resourceVersion);
  return locked.ok ? null : { kind: 'server', status: locked.error };
}

/** The map after the update: keys set in argument order, then removals. */
export function applyPairs(old: Labels, pairs: Pairs): Labels {
  const next: Labels = { ...old };
  for (const [key, value] of pairs.set) next[key] = value;
  for (const key of pairs.remove) delete next[key];
  return next;
}
