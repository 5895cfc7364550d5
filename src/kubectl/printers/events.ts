import type { CoreEvent } from '../../cluster/event-list.ts';
import { humanDuration } from './duration.ts';

/**
 * The server's Event table (pkg/printers/internalversion printEvent): LAST SEEN, TYPE, REASON,
 * OBJECT (`kind/name`), MESSAGE; `-o wide` adds SUBOBJECT, SOURCE (`component, host`), FIRST SEEN,
 * COUNT and NAME at their column positions; `-A` puts NAMESPACE first.
 */
export function eventTable(
  events: readonly CoreEvent[],
  now: number,
  opts: { wide: boolean; withNamespace: boolean },
): string[][] {
  const header = opts.wide
    ? [
        'LAST SEEN',
        'TYPE',
        'REASON',
        'OBJECT',
        'SUBOBJECT',
        'SOURCE',
        'MESSAGE',
        'FIRST SEEN',
        'COUNT',
        'NAME',
      ]
    : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = events.map((e) => {
    const last = humanDuration(now - e.last);
    const target = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
    const message = e.message.trim();
    if (!opts.wide) return [last, e.type, e.reason, target, message];
    const source = e.host === '' ? e.source : `${e.source}, ${e.host}`;
    return [
      last,
      e.type,
      e.reason,
      target,
      e.fieldPath ?? '',
      source,
      message,
      humanDuration(now - e.first),
      String(e.count),
      e.name,
    ];
  });
  const table = [header, ...rows];
  return opts.withNamespace
    ? table.map((row, i) => [i === 0 ? 'NAMESPACE' : (events[i - 1]?.namespace ?? ''), ...row])
    : table;
}
