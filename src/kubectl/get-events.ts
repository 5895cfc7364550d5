import { type CoreEvent, eventObject, isoSeconds, listEvents } from '../cluster/event-list.ts';
import { coreEventField, matchesFields, parseFieldSelector } from '../cluster/field-selector.ts';
import { matchesSelector } from '../cluster/labels/selector.ts';
import type { Cluster } from '../cluster/model.ts';
import { goTrimSpace } from '../go/strings.ts';
import type { JsonValue } from '../go/values.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import { eventTable } from './printers/events.ts';
import { goJson, goYaml } from './printers/go-yaml.ts';
import { metadataTable } from './printers/metadata-table.ts';
import { sortKeys } from './printers/objects.ts';
import { printedLines, printsServerTable, sortByField, sortedAsKubectl } from './printers/output.ts';
import { formatTable } from './printers/table.ts';
import { templateFormat, templatePrinter } from './printers/template-output.ts';
import { selectorOf } from './query.ts';
import { kubectlListError } from './selector.ts';
import { allowMissingKeysOf } from './template-keys-flag.ts';
import { type Outcome, outcome, stderr, stdout } from './verb.ts';

/**
 * `kubectl get events`: the API's event list for the namespace (or all with -A), filtered by
 * `--field-selector` on the server, printed as the server's Event table or as objects. `-w` prints
 * what is there now; the chat layer says why it does not keep watching.
 */
export function getEvents(
  cluster: Cluster,
  line: ParsedLine,
  namespace: string,
  format: string,
): Result<Outcome, KubectlError> {
  const allNs = flagBool(line, 'all-namespaces');
  const selectorText = flagString(line, 'field-selector') ?? '';
  const parsed = parseFieldSelector(goTrimSpace(selectorText), 'Event');
  if (!parsed.ok) {
    const labels = flagString(line, 'selector') ?? '';
    return err(
      kubectlError('rawText', { text: kubectlListError('events', labels, selectorText, parsed.error) }),
    );
  }
  const labels = selectorOf(line, 'events');
  if (!labels.ok) return labels;
  // Events carry no labels here: a label selector keeps them all or none, as the server's would.
  const labelled = labels.value === null || matchesSelector(labels.value, {});
  const listed = labelled
    ? listEvents(cluster, allNs ? null : namespace).filter((e) =>
        matchesFields(parsed.value, (field) => coreEventField(e, field, cluster)),
      )
    : [];
  const sorted = sortEvents(listed, line, format);
  if (!sorted.ok) return err(kubectlError('plain', { message: sorted.error }));
  const events = sorted.value;
  if (format === 'yaml' || format === 'json') return ok(outcome([stdout(printList(events, format))]));
  // printGeneric: the name and template printers say nothing of an empty list.
  if (format === 'name')
    return ok(outcome(events.length === 0 ? [] : [stdout(events.map((e) => `event/${e.name}`).join('\n'))]));
  const template = templateFormat(format);
  if (template !== null) {
    const printer = templatePrinter(
      template.format,
      template.template,
      cluster.files,
      allowMissingKeysOf(line),
    );
    if (!printer.ok) return err(kubectlError('plain', { message: printer.error }));
    const printed = printer.value.print(listDocument(events) as JsonValue);
    const { text, error } = printedLines(printed);
    return ok(outcome([...text, ...error], [], printed.error === null ? 0 : 1));
  }
  // A watch says nothing of an empty list: it waits for something to appear.
  if (events.length === 0 && flagBool(line, 'watch')) return ok(outcome([]));
  if (events.length === 0)
    return ok(
      outcome([stderr(allNs ? 'No resources found' : `No resources found in ${namespace} namespace.`)]),
    );
  // --server-print=false: kubectl's own NAME and AGE, the event's names and its first sighting.
  const rows =
    line.flags.get('server-print') === false
      ? metadataTable(
          events.map((e) => ({
            name: e.name,
            namespace: e.namespace,
            creationTimestamp: isoSeconds(e.first),
          })),
          cluster.now,
          { keys: [], showLabels: false, withNamespace: allNs },
        )
      : eventTable(events, cluster.now, { wide: format === 'wide', withNamespace: allNs });
  return ok(outcome([stdout(formatTable(flagBool(line, 'no-headers') ? rows.slice(1) : rows))]));
}

function printList(events: readonly CoreEvent[], format: 'yaml' | 'json'): string {
  const list = listDocument(events);
  return format === 'json' ? goJson(list) : goYaml(list).trimEnd();
}

/** The List kubectl prints the events as, keys sorted. */
const listDocument = (events: readonly CoreEvent[]) =>
  sortKeys({
    apiVersion: 'v1',
    items: events.map(eventObject),
    kind: 'List',
    metadata: { resourceVersion: '' },
  });

/**
 * `--sort-by` on events (`--sort-by=.lastTimestamp`, the usual way to read them in order), by
 * the rules `get` sorts the other types by. Go's sort is not stable, so events with equal keys
 * come in kubectl's order.
 */
function sortEvents(
  events: readonly CoreEvent[],
  line: ParsedLine,
  format: string,
): Result<readonly CoreEvent[], string> {
  const sortBy = flagString(line, 'sort-by') ?? '';
  if (sortBy === '') return ok(events);
  const sort = (items: readonly CoreEvent[]) =>
    sortByField(items, (e) => sortKeys(eventObject(e)) as JsonValue, sortBy);
  return sortedAsKubectl(events, sort, { table: printsServerTable(line, format), bare: false });
}
