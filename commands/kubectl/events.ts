import { listEvents } from '../../src/cluster/event-list.ts';
import { coreEventField, matchesFields } from '../../src/cluster/field-selector.ts';
import { kubectlError, type SandboxNote } from '../../src/kubectl/errors.ts';
import { eventsFor } from '../../src/kubectl/event-for.ts';
import { flagBool, flagList, flagString } from '../../src/kubectl/flags.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { invalidNamespace } from '../../src/kubectl/namespace-path.ts';
import { eventsPrinter } from '../../src/kubectl/printers/event-printer.ts';
import { OBJECT_PRINTER_FLAGS, objectFormatsError } from '../../src/kubectl/printers/object-printer.ts';
import { printFlagsOf, withTemplate } from '../../src/kubectl/printers/template-output.ts';
import { allowMissingKeysOf } from '../../src/kubectl/template-keys-flag.ts';
import { type KubectlVerb, type OutputLine, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

/**
 * `kubectl events` (kubectl/pkg/cmd/events, unchanged from 1.33 to 1.34): the core/v1 events of
 * the namespace (or all, with -A), narrowed by `--for` on the server and by `--types` in the
 * client, printed by kubectl's own EventPrinter sorted by last sighting, or with `-o` as an
 * EventList. Arguments are ignored, as cobra passes them to a command that reads none. `-w`
 * prints what the watch sends first (every event, in the server's order) and the chat layer says
 * why it does not keep watching.
 */
export const events: KubectlVerb = {
  name: 'events',
  short: 'List events',
  help: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.

Examples:
  # List recent events in the default namespace
  kubectl events

  # List recent events in all namespaces
  kubectl events --all-namespaces

  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kubectl events --for pod/web-pod-13je7 --watch

  # List recent events in YAML format
  kubectl events -oyaml

  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal

Options:
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.
    --allow-missing-template-keys=true: If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.
    --chunk-size=500: Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.
    --for='': Filter events to only those pertaining to the specified resource.
    --no-headers=false: When using the default output format, don't print headers.
    -o, --output='': Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).
    --show-managed-fields=false: If true, keep the managedFields when printing objects in JSON or YAML format.
    --template='': Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].
    --types=[]: Output only events of given types.
    -w, --watch=false: After listing the requested events, watch for more events.

Usage:
  kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]`,
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    // pflag StringSlice: each value is read as a CSV record when the flags are parsed (flags.ts).
    { name: 'types', type: 'list' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    // kubectl lists with its default chunk size whatever this says, and the list comes whole.
    { name: 'chunk-size', type: 'int' },
    ...OBJECT_PRINTER_FLAGS,
  ],
  run(ctx, line) {
    const types = flagList(line, 'types');
    // ToOptions: the object of --for, then the printer; Validate: --types; then Run.
    const target = eventsFor(flagString(line, 'for') ?? '');
    if (!target.ok) return target;
    const { asked, template, clash } = printFlagsOf(line);
    if (clash) return err(kubectlError('plain', { message: objectFormatsError(asked) }));
    // Without -o, --template changes nothing: the events table is printed.
    const format = asked === '' ? '' : withTemplate(asked, template);
    const allNamespaces = flagBool(line, 'all-namespaces');
    const printer = eventsPrinter(format, {
      noHeaders: flagBool(line, 'no-headers'),
      allNamespaces,
      allowMissingKeys: allowMissingKeysOf(line),
      files: ctx.cluster.files,
    });
    if (!printer.ok) return err(kubectlError('plain', { message: printer.error }));
    if (types.some((t) => !isEventType(t)))
      return err(kubectlError('plain', { message: 'valid --types are Normal or Warning' }));
    const namespace = namespaceOf(ctx.cluster, line);
    const invalid = allNamespaces ? null : invalidNamespace(namespace);
    if (invalid !== null) return err(kubectlError('plain', { message: invalid }));
    const { cluster } = ctx;
    const found = listEvents(cluster, allNamespaces ? null : namespace).filter(
      (e) =>
        matchesFields(target.value.terms, (field) => coreEventField(e, field, cluster)) &&
        (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase())),
    );
    const warnings = target.value.warnings.map(stderr);
    const watching = flagBool(line, 'watch');
    if (!watching && found.length === 0) {
      const none = allNamespaces ? 'No events found.' : `No events found in ${namespace} namespace.`;
      return ok(outcome([...warnings, stderr(none)]));
    }
    const text = watching ? printer.value.watch(found, cluster.now) : printer.value.list(found, cluster.now);
    const output: OutputLine[] = [...warnings, ...(text === '' ? [] : [stdout(text.replace(/\n$/, ''))])];
    const objects = (format === 'json' || format === 'yaml') && found.length > 0;
    const notes: SandboxNote[] = [
      ...(watching ? [{ key: 'watchSnapshot' as const }] : []),
      ...(objects && flagBool(line, 'show-managed-fields') ? [{ key: 'noManagedFields' as const }] : []),
    ];
    return ok(notes.length === 0 ? outcome(output) : { ...outcome(output), notes });
  },
};

/** Validate compares as strings.EqualFold does, so `warning` passes. */
const isEventType = (t: string): boolean => ['normal', 'warning'].includes(t.toLowerCase());
