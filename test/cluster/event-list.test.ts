import { describe, expect, it } from 'vitest';
import { type CoreEvent, eventObject, listEvents } from '../../src/cluster/event-list.ts';
import { at, boundPod, container, createThrough, seededCluster } from './lifecycle-fixtures.ts';

/** The API's events are objects: each has its own name, as the recorder gives it. */
describe('listEvents names', () => {
  it('GIVEN a started kubia pod WHEN its events are listed THEN every name is its own, the UnixNano of its first sighting in hex', () => {
    const { cluster } = createThrough(seededCluster(), 'kubia', [container('kubia', 'luksa/kubia')]);
    const events = listEvents({ ...cluster, now: at(10_000) }, 'default').filter(
      (e) => e.involvedObject.name === 'kubia',
    );
    // Pulled, Created and Started come in the same millisecond.
    expect(events.filter((e) => e.first === at(3_000))).toHaveLength(3);
    expect(new Set(events.map((e) => e.name)).size).toBe(events.length);
    for (const e of events) {
      const nanos = BigInt(`0x${e.name.slice('kubia.'.length)}`);
      expect(nanos / 1_000_000n).toBe(BigInt(e.first));
    }
  });

  it('GIVEN the seeded nodes WHEN their join events are listed THEN no two share a name', () => {
    const pod = boundPod([{ name: 'bb' }]);
    const events = listEvents({ ...seededCluster(), pods: [pod], now: at(60_000) }, null);
    expect(events.length).toBeGreaterThan(10);
    expect(new Set(events.map((e) => e.name)).size).toBe(events.length);
  });
});

describe('eventObject', () => {
  it('GIVEN kube-proxy`s Starting event, which has no message THEN the API writes none (omitempty), and the other fields it always writes', () => {
    const events = listEvents({ ...seededCluster(), now: at(60_000) }, 'default');
    const starting = events.find((e) => e.reason === 'Starting' && e.source === 'kube-proxy');
    expect(starting).toBeDefined();
    const json = eventObject(starting as CoreEvent);
    expect(Object.keys(json)).not.toContain('message');
    expect(json).toMatchObject({ eventTime: null, reportingInstance: starting?.host, reason: 'Starting' });
    const kubelet = events.find((e) => e.reason === 'Starting' && e.source === 'kubelet') as CoreEvent;
    expect(eventObject(kubelet).message).toBe('Starting kubelet.');
  });
});
