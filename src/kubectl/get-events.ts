import {
  type CoreEvent,
  EVENT_FIELDS,
  type EventField,
  eventField,
  eventObject,
  listEvents,
} from '../cluster/event-list.ts';
import type { Cluster } from '../cluster/model.ts';
import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import { eventTable } from './printers/events.ts';
import { goJson, goYaml } from './printers/go-yaml.ts';
import { sortKeys } from './printers/objects.ts';
import { formatTable } from './printers/table.ts';
import { type Outcome, outcome, stderr, stdout } from './verb.ts';

/**
 * `kubectl get events`: the API's event list for the namespace (or all with -A), filtered by
 * `--field-selector` on the server, printed as the server's Event table or as objects. `-w` prints
 * what is there now; the chat layer says why it does not keep watching.
 */
interface FieldRequirement {
  field: EventField;
  value: string;
  equal: boolean;
}

const MAX_REQUIREMENTS = 16;

/** fields.ParseSelector: `k=v`, `k==v`, `k!=v`, comma-separated; the server checks the keys. */
function parseFieldSelector(text: string): Result<FieldRequirement[], string> {
  const out: FieldRequirement[] = [];
  const parts = text.split(',').filter((p) => p !== '');
  for (const part of parts.slice(0, MAX_REQUIREMENTS)) {
    const m = /^([^=!]*)(==|=|!=)(.*)$/.exec(part);
    if (m === null) return err(`invalid selector: '${text}'; can't understand '${part}'`);
    const key = (m[1] ?? '').trim();
    if (!(EVENT_FIELDS as readonly string[]).includes(key)) return err(`field label not supported: ${key}`);
    out.push({ field: key as EventField, value: m[3] ?? '', equal: m[2] !== '!=' });
  }
  return ok(out);
}

export function getEvents(
  cluster: Cluster,
  line: ParsedLine,
  namespace: string,
  format: string,
): Result<Outcome, KubectlError> {
  const allNs = flagBool(line, 'all-namespaces');
  const selectorText = flagString(line, 'field-selector') ?? '';
  const parsed = parseFieldSelector(selectorText);
  if (!parsed.ok) {
    const subject = goQuote('/v1, Resource=events');
    const text = `Error from server (BadRequest): Unable to find ${subject} that match label selector "", field selector ${goQuote(selectorText)}: ${parsed.error}`;
    return err(kubectlError('rawText', { text }));
  }
  const events = listEvents(cluster, allNs ? null : namespace).filter((e) =>
    parsed.value.every((r) => (eventField(e, r.field) === r.value) === r.equal),
  );
  if (format === 'yaml' || format === 'json') return ok(outcome([stdout(printList(events, format))]));
  if (events.length === 0)
    return ok(
      outcome([stderr(allNs ? 'No resources found' : `No resources found in ${namespace} namespace.`)]),
    );
  if (format === 'name') return ok(outcome([stdout(events.map((e) => `event/${e.name}`).join('\n'))]));
  const rows = eventTable(events, cluster.now, { wide: format === 'wide', withNamespace: allNs });
  return ok(outcome([stdout(formatTable(flagBool(line, 'no-headers') ? rows.slice(1) : rows))]));
}

function printList(events: readonly CoreEvent[], format: 'yaml' | 'json'): string {
  const list = sortKeys({
    apiVersion: 'v1',
    items: events.map(eventObject),
    kind: 'List',
    metadata: { resourceVersion: '' },
  });
  return format === 'json' ? goJson(list) : goYaml(list).trimEnd();
}
