import { type CoreEvent, eventObject, isoSeconds } from '../../cluster/event-list.ts';
import { goSorted } from '../../go/sort.ts';
import { goTrimSpace } from '../../go/strings.ts';
import { kubectlTabWriter, type TabWriter } from '../../go/tabwriter.ts';
import type { JsonValue } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';
import { humanDuration } from './duration.ts';
import { goJsonInOrder, goYaml } from './go-yaml.ts';
import { objectFormatsError } from './object-printer.ts';
import { sortKeys } from './objects.ts';
import { type TemplateFiles, templateFormat, templatePrinter } from './template-output.ts';

/**
 * What `kubectl events` prints (kubectl/pkg/cmd/events, the same in 1.33 and 1.34): its own
 * table, not the server's (LAST SEEN, TYPE, REASON, OBJECT as `Kind/name`, MESSAGE; NAMESPACE
 * first with -A), or with `-o` the typed EventList (or, watching, each Event) through PrintFlags'
 * printer. Everything goes through kubectl's tab writer, templates' output included. Run ignores
 * what the printer returns: `-o name` refuses a list and prints nothing, and a template that
 * fails prints only what it wrote (the go-template's debugging text), with exit code 0.
 */
export interface EventsPrinter {
  /** Run: the events sorted by when they were last seen, printed once. */
  list(events: readonly CoreEvent[], now: number): string;
  /** runWatch: each event as the watch brings it, printed and flushed on its own. */
  watch(events: readonly CoreEvent[], now: number): string;
}

export interface EventsPrinterOptions {
  noHeaders: boolean;
  allNamespaces: boolean;
  allowMissingKeys: boolean;
  /** Where a `-file` template format reads its file. */
  files: TemplateFiles;
}

/** PrintObj of one object: the EventList (`list`) or one Event, and the events it holds. */
type PrintObj = (
  object: JsonValue,
  events: readonly CoreEvent[],
  list: boolean,
  w: TabWriter,
  now: number,
) => void;

/** PrintFlags.ToPrinter for `-o FORMAT` (no table formats), or the EventPrinter without one. */
export function eventsPrinter(format: string, opts: EventsPrinterOptions): Result<EventsPrinter, string> {
  const printObj = printObjFor(format, opts);
  if (!printObj.ok) return printObj;
  const print = printObj.value;
  return ok({
    list(events, now) {
      const w = kubectlTabWriter();
      const sorted = goSorted(events, (a, b) => lastSeen(a) < lastSeen(b));
      print(eventList(sorted), sorted, true, w, now);
      w.flush();
      return w.text;
    },
    watch(events, now) {
      const w = kubectlTabWriter();
      for (const e of events) {
        print(typedEvent(e), [e], false, w, now);
        w.flush();
      }
      return w.text;
    },
  });
}

function printObjFor(format: string, opts: EventsPrinterOptions): Result<PrintObj, string> {
  if (format === '') return ok(tablePrinter(opts));
  if (format === 'json') return ok((object, _e, _l, w) => w.write(`${goJsonInOrder(object)}\n`));
  if (format === 'yaml') {
    let printed = 0;
    return ok((object, _e, _l, w) => {
      if (printed++ > 0) w.write('---\n');
      w.write(goYaml(sortKeys(object) as JsonValue));
    });
  }
  // NamePrinter refuses a typed list ("list types are not supported by name printing").
  if (format === 'name')
    return ok((_o, events, list, w) => {
      for (const e of list ? [] : events) w.write(`event/${e.name}\n`);
    });
  const template = templateFormat(format);
  if (template === null) return err(objectFormatsError(format));
  const printer = templatePrinter(template.format, template.template, opts.files, opts.allowMissingKeys);
  if (!printer.ok) return printer;
  // The template printers see the object as encoding/json wrote it, back as maps.
  return ok((object, _e, _l, w) =>
    w.write(printer.value.print(JSON.parse(JSON.stringify(object)), goJsonInOrder(object, 0)).text),
  );
}

/** event_printer.go: the header before the first event, then one line per event. */
function tablePrinter(opts: EventsPrinterOptions): PrintObj {
  let headed = opts.noHeaders;
  return (_o, events, _l, w, now) => {
    if (!headed) {
      w.write(`${opts.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      headed = true;
    }
    for (const e of events) {
      const { kind, name } = e.involvedObject;
      const cells = [
        interval(e, now),
        escapeTerminal(e.type),
        escapeTerminal(e.reason),
        `${escapeTerminal(kind)}/${escapeTerminal(name)}`,
      ];
      const namespace = opts.allNamespaces ? `${e.namespace}\t` : '';
      w.write(`${namespace}${cells.join('\t')}\t${escapeTerminal(goTrimSpace(e.message))}\n`);
    }
  };
}

/**
 * LAST SEEN: the age of the first sighting, or for a repeated event `5m (x3 over 10m)`. Ages are
 * read from the timestamps as the API sends them (whole seconds); eventTime is always null here.
 */
export function interval(e: CoreEvent, now: number): string {
  const first = humanDuration(now - wire(e.first));
  if (e.count <= 1) return first;
  return `${humanDuration(now - wire(e.last))} (x${e.count} over ${first})`;
}

/** The events' sort key (SortableEvents): lastTimestamp, as sent. */
const lastSeen = (e: CoreEvent): number => wire(e.last);
const wire = (ms: number): number => Date.parse(isoSeconds(ms));

/** The EventList kubectl builds: its items only (no list metadata), in the order given. */
const eventList = (events: readonly CoreEvent[]): JsonValue => ({
  kind: 'EventList',
  apiVersion: 'v1',
  metadata: {},
  items: events.map(typedEvent),
});

/** printers.EscapeTerminal: what could drive a terminal (ESC, CR) printed harmlessly. */
const escapeTerminal = (text: string): string => text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/**
 * The server's Event decoded into client-go's corev1.Event and encoded again: fields in struct
 * order, the omitempty ones left out when empty (an empty message is not printed), reportingComponent
 * and reportingInstance always.
 */
export function typedEvent(e: CoreEvent): JsonValue {
  const json = eventObject(e) as Record<string, JsonValue>;
  const field = (name: string) => json[name] ?? null;
  return fields([
    ['kind', field('kind'), 'omitempty'],
    ['apiVersion', field('apiVersion'), 'omitempty'],
    ['metadata', inOrder(field('metadata'), META), 'always'],
    ['involvedObject', inOrder(field('involvedObject'), REFERENCE), 'always'],
    ['reason', field('reason'), 'omitempty'],
    ['message', field('message'), 'omitempty'],
    ['source', inOrder(field('source'), SOURCE), 'always'],
    ['firstTimestamp', field('firstTimestamp'), 'always'],
    ['lastTimestamp', field('lastTimestamp'), 'always'],
    ['count', field('count'), 'omitempty'],
    ['type', field('type'), 'omitempty'],
    ['eventTime', field('eventTime'), 'always'],
    ['reportingComponent', field('reportingComponent') ?? '', 'always'],
    ['reportingInstance', field('reportingInstance') ?? '', 'always'],
  ]);
}

/** ObjectMeta's fields that an event carries, in struct order (all omitempty). */
const META = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'];
/** ObjectReference and EventSource, in struct order (all omitempty). */
const REFERENCE = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
const SOURCE = ['component', 'host'];

function inOrder(value: JsonValue, names: readonly string[]): JsonValue {
  const object = (value ?? {}) as Record<string, JsonValue>;
  return fields(names.map((name) => [name, object[name] ?? null, 'omitempty'] as const));
}

function fields(entries: readonly (readonly [string, JsonValue, 'omitempty' | 'always'])[]): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const [name, value, rule] of entries) {
    const empty = value === null || value === '' || value === 0;
    if (rule === 'always' || !empty) out[name] = value;
  }
  return out;
}
