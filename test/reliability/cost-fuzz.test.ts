import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';
import { COST_CASES, type CostCase, hostileCostLine } from './cost-cases.ts';

/**
 * The cost fuzz (issue 16): every hostile message completes within a generous bound with bounded
 * heap growth, a failed one changes nothing, and another member still gets their answer. The
 * bounds are loose on purpose (a loaded 2-core machine); the figures themselves, against their
 * targets of 2 s and 64 MB, are in `npm run bench` (B7).
 */
const GENEROUS_MS = 15_000;
const GENEROUS_HEAP_BYTES = 512 * 1024 * 1024;

/** Some of it happened (kubectl keeps a partial success; a wait that timed out let the time pass). */
const reportsDone = (reply: Reply): boolean =>
  replyText(reply)
    .split('\n')
    .some((l) =>
      / (created|configured|deleted|labeled|annotated|unchanged)$|^error: timed out waiting/.test(l),
    );

function attack(t: ReturnType<typeof testApp>, message: string): void {
  const before = dumpDatabase(t.app.db, REPLY_TABLES);
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const reply = t.send('alice', message);
  const ms = performance.now() - start;
  const label = message.slice(0, 60);
  expect(reply.blocks.length, label).toBeGreaterThan(0);
  expect(ms, label).toBeLessThan(GENEROUS_MS);
  expect(process.memoryUsage().heapUsed - heap, label).toBeLessThan(GENEROUS_HEAP_BYTES);
  if (!reply.ok && !reportsDone(reply)) expect(dumpDatabase(t.app.db, REPLY_TABLES), label).toBe(before);
  expect(t.say('bob', 'kubectl get po'), label).toBe('No resources found in default namespace.');
  expect(
    t.logs.filter((l) => l.includes('command failed')),
    label,
  ).toEqual([]);
}

describe('cost fuzz', () => {
  it.each(COST_CASES.map((c): [string, CostCase] => [c.name, c]))(
    'GIVEN %s THEN it is answered within bounds',
    (_name, c) => {
      const t = testApp();
      c.setup(t);
      attack(t, c.message);
    },
    120_000,
  );

  it('GIVEN 40 generated long runs of hostile tokens THEN each is answered within bounds and failures change nothing', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
    t.advance(30_000);
    for (const line of fc.sample(hostileCostLine, { seed: 16, numRuns: 40 })) attack(t, line);
  }, 300_000);
});
