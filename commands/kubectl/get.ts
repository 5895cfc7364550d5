import { selectorArgsError } from '../../src/kubectl/builder.ts';
import { type KubectlError, kubectlError, type SandboxNote } from '../../src/kubectl/errors.ts';
import { byFields } from '../../src/kubectl/field-selection.ts';
import { flagBool, flagList, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { getEvents } from '../../src/kubectl/get-events.ts';
import { getLineFromFiles } from '../../src/kubectl/manifest-get.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import type { LabelColumns } from '../../src/kubectl/printers/labels.ts';
import { metadataTable } from '../../src/kubectl/printers/metadata-table.ts';
import { namespaceTable, nodeTable } from '../../src/kubectl/printers/nodes.ts';
import { isObjectFormat, OUTPUT_FORMATS_ERROR, printObjects } from '../../src/kubectl/printers/objects.ts';
import {
  genericPrinter,
  printedLines,
  printsServerTable,
  sortedAsKubectl,
  sortObjects,
} from '../../src/kubectl/printers/output.ts';
import { podTable } from '../../src/kubectl/printers/pods.ts';
import { serviceTable } from '../../src/kubectl/printers/services.ts';
import { formatTable } from '../../src/kubectl/printers/table.ts';
import { printFlagsOf, withTemplate } from '../../src/kubectl/printers/template-output.ts';
import { type AnyObject, findObject, listObjects, selectorOf } from '../../src/kubectl/query.ts';
import { qualifiedName, resolveResource } from '../../src/kubectl/resources.ts';
import { parseTargets, type Target } from '../../src/kubectl/targets.ts';
import {
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
  allowMissingKeysOf,
} from '../../src/kubectl/template-keys-flag.ts';
import {
  type KubectlVerb,
  type OutputLine,
  outcome,
  stderr,
  stdout,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok, type Result } from '../../src/result.ts';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

export const get: KubectlVerb = {
  name: 'get',
  short: 'Display one or many resources',
  help: `Display one or many resources.

Examples:
  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List pods with their labels, or with some labels as columns
  kubectl get pods --show-labels
  kubectl get pods -L creation_method,env

  # List pods selected by a label selector
  kubectl get pods -l 'env in (prod,dev)'

  # List a single pod in YAML output format
  kubectl get pod kubia -o yaml

  # Print the names of all pods, one per line, or only those that are Running
  kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}'
  kubectl get pods --field-selector=status.phase=Running

  # List pods with chosen columns, sorted by node
  kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName

Options:
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces.
    --allow-missing-template-keys=true: If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.
    --chunk-size=500: Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.
    -L, --label-columns=[]: Accepts a comma separated list of labels that are going to be presented as columns.
    --field-selector='': Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.
    -f, --filename=[]: Filename, directory, or URL to files identifying the resource to get from a server.
    --ignore-not-found=false: If the requested object does not exist the command will return exit code 0.
    --no-headers=false: When using the default or custom-column output format, don't print headers.
    --output-watch-events=false: Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.
    -o, --output='': Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].
    --sort-by='': If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.
    --server-print=true: If true, have the server return the appropriate table output. Supports extension APIs and CRDs.
    --show-kind=false: If present, list the resource type for the requested object(s).
    --show-labels=false: When printing, show all labels as the last column.
    --show-managed-fields=false: If true, keep the managedFields when printing objects in JSON or YAML format.
    --subresource='': If specified, gets the subresource of the requested object.
    --template='': Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

Usage:
  kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]`,
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'label-columns', short: 'L', type: 'list' },
    { name: 'show-labels', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    // Lists come whole from the simulated server, so chunks change nothing kubectl prints.
    { name: 'chunk-size', type: 'int' },
    { name: 'server-print', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'output-watch-events', type: 'bool' },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
  ],
  run(ctx, given) {
    const fromFiles = flagList(given, 'filename').length > 0 ? getLineFromFiles(ctx, given) : ok(given);
    if (!fromFiles.ok) return fromFiles;
    const line = fromFiles.value;
    const { asked, template, clash } = printFlagsOf(line);
    if (clash) return err(kubectlError('plain', { message: OUTPUT_FORMATS_ERROR(asked) }));
    // get's PrintFlags complete its custom-columns formats with --template too (kubectl 1.33).
    const format =
      template !== '' && (asked === 'custom-columns' || asked === 'custom-columns-file')
        ? `${asked}=${template}`
        : withTemplate(asked, template);
    // kubectl's order: Complete (a type is required), Validate (--show-labels), then the printer.
    if (line.args.length === 0) return err(kubectlError('rawText', { text: NO_TYPE }));
    if (flagBool(line, 'show-labels') && format !== '' && format !== 'wide')
      return err(
        kubectlError('plain', { message: `--show-labels option cannot be used with ${format} printer` }),
      );
    if (flagBool(line, 'output-watch-events') && !watching(line))
      return err(
        kubectlError('plain', {
          message: '--output-watch-events option can only be used with --watch or --watch-only',
        }),
      );
    const generic = genericPrinter(
      format,
      flagBool(line, 'no-headers'),
      allowMissingKeysOf(line),
      ctx.cluster.files,
    );
    if (!generic.ok) return err(kubectlError('plain', { message: generic.error }));
    // The Builder checks names against -l before it looks up types (`get -l env in (a) po`).
    const argsError = selectorArgsError(
      line.args,
      flagString(line, 'selector'),
      false,
      flagString(line, 'field-selector'),
    );
    if (argsError !== null) return err(argsError);
    const parsed = parseTargets(line.args, 'get');
    if (!parsed.ok) return parsed;
    const { targets, unsimulated } = parsed.value;
    const subresource = subresourceError(line, targets);
    if (subresource !== null) return subresource;
    if (targets.length > 0 && targets.every((t) => isCoreEvents(t) && t.names.length === 0)) {
      const events = getEvents(ctx.cluster, line, namespaceOf(ctx.cluster, line), format);
      if (!events.ok) return events;
      const watched = watchLines(line);
      if (watched?.only === true)
        return ok({ ...outcome(watched.warnings), notes: [{ key: 'watchOnlySnapshot' }] });
      const said =
        watched === null
          ? events.value
          : { ...events.value, output: [...watched.warnings, ...events.value.output] };
      const notes = [
        ...(watched !== null ? [{ key: 'watchSnapshot' } as const] : []),
        ...managedFieldsNote(line, format),
      ];
      return ok(notes.length === 0 ? said : { ...said, notes });
    }
    const hasNames = targets.some((t) => t.names.length > 0);
    const allNs = flagBool(line, 'all-namespaces');
    const namespace = namespaceOf(ctx.cluster, line);
    if (allNs && targets.some((t) => t.resource.namespaced && t.names.length > 0)) {
      return err(
        kubectlError('plain', { message: 'a resource cannot be retrieved by name across all namespaces' }),
      );
    }
    const ignoreNotFound = flagBool(line, 'ignore-not-found');
    const output: OutputLine[] = [];
    const found: { target: Target; objects: AnyObject[] }[] = [];
    let failed = false;
    for (const target of targets) {
      const selector = selectorOf(line, target.resource.type);
      if (!selector.ok) return selector;
      if (target.names.length === 0) {
        const listed = listObjects(
          ctx.cluster,
          target.resource,
          allNs || !target.resource.namespaced ? null : namespace,
          selector.value,
        );
        const selected = byFields(ctx.cluster, line, target.resource, listed);
        if (!selected.ok) return selected;
        found.push({ target, objects: selected.value });
        continue;
      }
      const objects: AnyObject[] = [];
      for (const name of target.names) {
        const object = findObject(ctx.cluster, target.resource, namespace, name);
        if (object !== undefined) objects.push(object);
        else if (!ignoreNotFound) {
          output.push(
            stderr(`Error from server (NotFound): ${qualifiedName(target.resource)} "${name}" not found`),
          );
          failed = true;
        }
      }
      found.push({ target, objects });
    }
    // kubectl prints a bare object only when one was named (`get po kubia`); lists stay Lists.
    const singleItemImplied = targets.length === 1 && targets[0]?.names.length === 1;
    const sortBy = flagString(line, 'sort-by') ?? '';
    if (sortBy !== '') {
      const printer = { table: printsServerTable(line, format), bare: singleItemImplied };
      const sort = (objects: readonly AnyObject[]) => sortObjects(objects, ctx.cluster, sortBy);
      for (const entry of found) {
        const sorted = sortedAsKubectl(entry.objects, sort, printer);
        if (!sorted.ok) return err(kubectlError('plain', { message: sorted.error }));
        entry.objects = [...sorted.value];
      }
    }
    const total = found.reduce((n, f) => n + f.objects.length, 0);
    const watched = watchLines(line);
    const warnings = watched?.warnings ?? [];
    if (watched?.only === true) {
      // The snapshot is what --watch-only leaves out: only errors are said.
      const said = outcome([...warnings, ...output], [], failed ? 1 : 0);
      return ok({ ...said, notes: [{ key: 'watchOnlySnapshot' }] });
    }
    // -w prints what is there now and then would wait; the chat says why it stops.
    const watchNote: SandboxNote[] = watched === null ? [] : [{ key: 'watchSnapshot' }];
    if (generic.value !== null) {
      // printGeneric: no "No resources found" here, whatever the format (`-o name` prints nothing).
      const objects = found.flatMap((f) => f.objects);
      if (objects.length === 0 && hasNames && format !== 'name' && !format.startsWith('custom-columns'))
        return ok(outcome(output, [], failed ? 1 : 0));
      const printed = generic.value(objects, ctx.cluster, singleItemImplied);
      const { text, error } = printedLines(printed);
      const done = outcome(
        [...warnings, ...text, ...output, ...error],
        [],
        failed || printed.error !== null ? 1 : 0,
      );
      const notes = [...watchNote, ...(objects.length > 0 ? managedFieldsNote(line, format) : [])];
      return ok(notes.length === 0 ? done : { ...done, notes });
    }
    // Kinds are shown when several types were asked for (cli-runtime's MultipleTypesRequested:
    // `get all`, `get po,ns`, `get po/a svc/b`, even if only one type has objects: a fresh
    // cluster's `get all` prints `service/kubernetes`), or when what was found has several kinds
    // (get.go multipleGVKsRequested). Checked with kubectl 1.33 against Podium's API door.
    const kinds =
      new Set(found.filter((f) => f.objects.length > 0).map((f) => qualifiedName(f.target.resource))).size +
      unsimulated.length;
    const prefixKind = kinds > 1 || multipleTypesRequested(line.args) || flagBool(line, 'show-kind');
    const printed = print(ctx, line, found, prefixKind, allNs, format);
    // A watch says nothing of an empty list: it waits for something to appear.
    if (total === 0 && !hasNames && !ignoreNotFound && watched === null) {
      const scoped = targets.every((t) => t.resource.namespaced) && !allNs;
      output.push(stderr(scoped ? `No resources found in ${namespace} namespace.` : 'No resources found'));
    }
    const done = outcome([...warnings, ...printed, ...output], [], failed ? 1 : 0);
    return ok(watchNote.length === 0 ? done : { ...done, notes: watchNote });
  },
};

/**
 * cli-runtime's MultipleTypesRequested: `all` alone, more than one type in a lone argument's comma
 * list (`get po,svc`; `get po,svc web` is decided by what is found), or more than one type among
 * `TYPE/NAME` arguments. A list's types are compared as resolved (`po,pods` is one), `TYPE/NAME`
 * types as typed.
 */
export function multipleTypesRequested(args: readonly string[]): boolean {
  if (args.length === 1 && args[0] === 'all') return true;
  const tuples = args.filter((a) => a.includes('/'));
  // A comma list counts only alone (`get po,ns`); followed by names (`get ns,po web`), only
  // what is found decides (kubectl 1.33 against Podium's API door).
  const kinds =
    tuples.length > 0
      ? tuples.map((a) => a.slice(0, a.indexOf('/')))
      : args.length === 1
        ? (args[0] ?? '').split(',').map((word) => {
            // A list names each type once however it is spelt (`get po,pods` shows no kinds).
            const resource = resolveResource(word);
            return resource === undefined ? word : qualifiedName(resource);
          })
        : [];
  return new Set(kinds).size > 1;
}

function print(
  ctx: VerbContext,
  line: ParsedLine,
  found: { target: Target; objects: AnyObject[] }[],
  prefixKind: boolean,
  allNs: boolean,
  format: string,
): OutputLine[] {
  if (found.every((f) => f.objects.length === 0)) return [];
  if (isObjectFormat(format))
    return [
      stdout(
        printObjects(
          found.flatMap((f) => f.objects),
          format,
          ctx.cluster,
        ),
      ),
    ];
  // One literal, not a spread of shared options: `{ ...o, more }` costs microseconds on Node 20.
  const opts = {
    keys: flagList(line, 'label-columns'),
    showLabels: flagBool(line, 'show-labels'),
    wide: format === 'wide',
    withNamespace: allNs,
  };
  const serverPrint = line.flags.get('server-print') !== false;
  const tables: string[] = [];
  for (const { target, objects: objs } of sameKindTogether(found)) {
    if (objs.length === 0) continue;
    let rows = serverPrint
      ? tableOf(objs, ctx.cluster.now, opts)
      : metadataTable(
          objs.map((o) => o.metadata),
          ctx.cluster.now,
          { ...opts, withNamespace: allNs && target.resource.namespaced },
        );
    if (prefixKind)
      rows = rows.map((r, i) =>
        i === 0 ? r : prefixName(r, target.resource.singular, allNs && target.resource.namespaced),
      );
    if (flagBool(line, 'no-headers')) rows = rows.slice(1);
    const table = formatTable(rows);
    tables.push(
      flagBool(line, 'output-watch-events') ? asWatchEvents(table, !flagBool(line, 'no-headers')) : table,
    );
  }
  return [stdout(tables.join('\n\n'))];
}

/**
 * `-w --output-watch-events`: what is there now, each row as an ADDED event, in a first column
 * kubectl gives the width of its longest event type (checked with kubectl 1.33 through the door).
 */
function asWatchEvents(table: string, header: boolean): string {
  return table
    .split('\n')
    .map((row, i) => `${(header && i === 0 ? 'EVENT' : 'ADDED').padEnd(11)}${row}`)
    .join('\n');
}

/**
 * One table for a run of targets of the same type (`get pods,po,pod web`: three rows under one
 * header), as kubectl prints a header only when the kind changes.
 */
function sameKindTogether(
  found: readonly { target: Target; objects: AnyObject[] }[],
): { target: Target; objects: AnyObject[] }[] {
  const runs: { target: Target; objects: AnyObject[] }[] = [];
  for (const entry of found) {
    const last = runs.at(-1);
    if (last !== undefined && qualifiedName(last.target.resource) === qualifiedName(entry.target.resource))
      last.objects = [...last.objects, ...entry.objects];
    else runs.push({ target: entry.target, objects: entry.objects });
  }
  return runs;
}

/** Rows of one type's table (the objects of one target are all of its kind). */
function tableOf(
  objects: readonly AnyObject[],
  now: number,
  opts: LabelColumns & { wide: boolean; withNamespace: boolean },
): string[][] {
  const of = <K extends AnyObject['kind']>(kind: K) =>
    objects.filter((o): o is Extract<AnyObject, { kind: K }> => o.kind === kind);
  switch (objects[0]?.kind) {
    case 'Pod':
      return podTable(of('Pod'), now, opts);
    case 'Service':
      return serviceTable(of('Service'), now, opts);
    case 'Node':
      return nodeTable(of('Node'), now, opts);
    default:
      return namespaceTable(of('Namespace'), now, opts);
  }
}

function prefixName(row: string[], singular: string, withNamespace: boolean): string[] {
  const index = withNamespace ? 1 : 0;
  return row.map((cell, i) => (i === index ? `${singular}/${cell}` : cell));
}

/**
 * `--subresource`: the API's `status` of named objects, which `get` prints as it prints the
 * objects themselves; kubectl refuses it for a list, and the server knows no other subresource of
 * these types (pods' `scale` included) and none of events.
 */
function subresourceError(line: ParsedLine, targets: readonly Target[]): Result<never, KubectlError> | null {
  const subresource = flagString(line, 'subresource') ?? '';
  if (subresource === '') return null;
  if (targets.some((t) => t.names.length === 0))
    return err(
      kubectlError('plain', { message: 'subresource cannot be used when bulk resources are specified' }),
    );
  if (subresource !== 'status' || targets.some((t) => !t.resource.simulated || isCoreEvents(t)))
    return err(
      kubectlError('server', {
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      }),
    );
  return null;
}

/**
 * `--show-managed-fields` keeps `metadata.managedFields` in JSON and YAML; the sandbox's API server
 * records none (which manager set which field), so the chat says why there are none to see.
 */
const watching = (line: ParsedLine) => flagBool(line, 'watch') || flagBool(line, 'watch-only');

/**
 * `-w` and `--watch-only` (get.go watch): null when neither; else whether only changes are
 * printed (the snapshot left out) and the warning --sort-by gets, kubectl 1.33's words for each
 * (checked against Podium's API door).
 */
function watchLines(line: ParsedLine): { only: boolean; warnings: OutputLine[] } | null {
  if (!watching(line)) return null;
  // --watch-only wins over -w (no snapshot), but the warning is -w's when both are given.
  const only = flagBool(line, 'watch-only');
  const sorted = (flagString(line, 'sort-by') ?? '') !== '';
  const warning = flagBool(line, 'watch')
    ? 'warning: --watch requested, --sort-by will be ignored for watch events received'
    : 'warning: --watch-only requested, --sort-by will be ignored';
  return { only, warnings: sorted ? [stderr(warning)] : [] };
}

function managedFieldsNote(line: ParsedLine, format: string): SandboxNote[] {
  const objects = format === 'json' || format === 'yaml';
  return objects && flagBool(line, 'show-managed-fields') ? [{ key: 'noManagedFields' }] : [];
}

const isCoreEvents = (t: Target) => t.resource.type === 'events' && t.resource.group === '';
