import { describe, expect, it } from 'vitest';
import {
  correlate,
  freshState,
  type Raw,
  type Tagged,
  tagged,
  uncorrelated,
} from '../../src/cluster/lifecycle/correlator.ts';
import { createRandom } from '../../src/quiz/random.ts';

/**
 * A young pod's first kubelet events are written without the correlator's maps (`uncorrelated`)
 * when they have fewer than ten keys and fit the burst. For seeded lists of events (the same event
 * again, many messages of one reason, seconds to an hour apart), they must be what the correlator
 * writes, and exactly the lists of ten keys or more than 25 events must be left to it.
 */

const event = (type: 'Normal' | 'Warning', reason: string, message: string, container: string): Tagged =>
  tagged(type, reason, message, `spec.containers{${container}}`);

const POOL: Tagged[] = [
  event('Normal', 'Pulling', 'Pulling image "busybox"', 'a'),
  event('Normal', 'Pulled', 'Successfully pulled image "busybox" in 1.2s', 'a'),
  event('Normal', 'Pulled', 'Container image "busybox" already present on machine', 'a'),
  event('Normal', 'Created', 'Created container: a', 'a'),
  event('Normal', 'Started', 'Started container a', 'a'),
  event('Normal', 'Created', 'Created container: b', 'b'),
  event('Normal', 'Started', 'Started container b', 'b'),
  event('Warning', 'BackOff', 'Back-off restarting failed container a in pod p_default(u)', 'a'),
  event('Warning', 'Failed', 'Error: ErrImagePull', 'b'),
  event('Normal', 'Pulling', 'Pulling image "busybox"', 'b'),
  // Pulls of other durations: one reason with more than ten messages, which the correlator combines.
  ...Array.from({ length: 12 }, (_, i) =>
    event('Normal', 'Pulled', `Successfully pulled image "busybox" in ${i + 2}s`, 'a'),
  ),
];

describe('few kubelet events', () => {
  it('GIVEN 5,000 seeded lists of up to 30 events WHEN written without the correlator THEN they equal what it writes (and lists of ten keys or more than 25 events are left to it)', () => {
    const random = createRandom('correlator-few');
    let differences = 0;
    let written = 0;
    for (let i = 0; i < 5000; i++) {
      const raw: Raw[] = [];
      let at = 1_736_935_200_123 + random.int(1000);
      const length = random.int(31);
      // Some lists draw from fewer events, so that long ones repeat them.
      const pool = POOL.slice(0, 2 + random.int(POOL.length - 1));
      for (let j = 0; j < length; j++) {
        at += random.pick([0, 1, 999, 1_000, 10_000, 300_000, 700_000, 3_600_000]);
        raw.push({ at, event: random.pick(pool) });
      }
      const few = uncorrelated(raw);
      const keys = new Set(raw.map((r) => r.event.key)).size;
      if ((length > 25 || keys >= 10) !== (few === undefined)) differences++;
      if (few === undefined) continue;
      written++;
      const fresh = [...correlate(raw, freshState()).written.values()];
      if (JSON.stringify(few) !== JSON.stringify(fresh)) differences++;
    }
    expect(differences).toBe(0);
    expect(written).toBeGreaterThan(2500);
  });
});
