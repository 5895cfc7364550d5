import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src/cluster/event-list.ts';
import { eventsPrinter, interval, typedEvent } from '../../../src/kubectl/printers/event-printer.ts';

const T = Date.UTC(2025, 0, 15, 10, 0, 0);

const event = (over: Partial<CoreEvent>): CoreEvent => ({
  type: 'Normal',
  reason: 'Pulling',
  source: 'kubelet',
  message: 'Pulling image "nginx"',
  count: 1,
  first: T,
  last: T,
  name: 'web.181ad55c99df4000',
  namespace: 'default',
  involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
  host: 'node01',
  fieldPath: 'spec.containers{web}',
  ...over,
});

describe("kubectl events' printer (event_printer.go)", () => {
  it.each([
    [event({}), T + 65_000, '65s'],
    // Ages are read from whole-second timestamps, as the API sends them.
    [event({ first: T + 900 }), T + 2_500, '2s'],
    [event({ count: 3, first: T, last: T + 5 * 60_000 }), T + 10 * 60_000, '5m (x3 over 10m)'],
    [event({ count: 2, first: T, last: T + 50_000 }), T + 200_000, '2m30s (x2 over 3m20s)'],
  ])('GIVEN %o at %d THEN LAST SEEN reads %s', (e, now, text) => {
    expect(interval(e, now)).toBe(text);
  });

  it('GIVEN an event THEN the typed Event keeps corev1.Event`s field order and leaves an empty message out', () => {
    expect(Object.keys(typedEvent(event({})) as object)).toEqual([
      'kind',
      'apiVersion',
      'metadata',
      'involvedObject',
      'reason',
      'message',
      'source',
      'firstTimestamp',
      'lastTimestamp',
      'count',
      'type',
      'eventTime',
      'reportingComponent',
      'reportingInstance',
    ]);
    const quiet = typedEvent(event({ message: '', source: 'kube-proxy' })) as Record<string, object>;
    expect(Object.keys(quiet)).not.toContain('message');
    expect(Object.keys(quiet.involvedObject ?? {})).toEqual([
      'kind',
      'namespace',
      'name',
      'apiVersion',
      'fieldPath',
    ]);
  });

  it('GIVEN events THEN the table is sorted by last sighting (whole seconds), and a terminal escape is printed harmlessly', () => {
    const printer = eventsPrinter('', {
      noHeaders: true,
      allNamespaces: false,
      allowMissingKeys: true,
      files: [],
    });
    if (!printer.ok) throw new Error(printer.error);
    const text = printer.value.list(
      [
        event({ reason: 'B', last: T + 1_000 }),
        event({ reason: 'A', last: T }),
        event({ reason: 'C', message: 'red \x1b[31m\rdone' }),
      ],
      T + 2_000,
    );
    expect(text).toBe(
      [
        '2s    Normal   A     Pod/web   Pulling image "nginx"',
        '2s    Normal   C     Pod/web   red ^[[31m\\rdone',
        '2s    Normal   B     Pod/web   Pulling image "nginx"',
        '',
      ].join('\n'),
    );
  });
});
