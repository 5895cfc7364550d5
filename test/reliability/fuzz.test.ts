import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import type { Pod } from '../../src/cluster/model.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';
import { hostileLine, hostileManifest } from './fuzz-inputs.ts';

/**
 * Every hostile message gets a reply (success or a kubectl-style error), no exception escapes
 * dispatch (an escaped one is logged as "command failed"), a failed command changes nothing,
 * and at the end the database and the model's invariants hold.
 */
function invariants(t: ReturnType<typeof testApp>): void {
  expect(String(t.app.db.pragma('integrity_check', { simple: true }))).toBe('ok');
  const rows = t.app.db
    .prepare("SELECT sandbox_id, kind, body FROM objects WHERE kind IN ('Pod', 'Node')")
    .all() as {
    sandbox_id: number;
    kind: string;
    body: string;
  }[];
  const bySandbox = new Map<
    number,
    { pods: Pod[]; nodes: { metadata: { name: string; labels: Record<string, string> } }[] }
  >();
  for (const row of rows) {
    const entry = bySandbox.get(row.sandbox_id) ?? { pods: [], nodes: [] };
    if (row.kind === 'Pod') entry.pods.push(JSON.parse(row.body) as Pod);
    else entry.nodes.push(JSON.parse(row.body));
    bySandbox.set(row.sandbox_id, entry);
  }
  for (const { pods, nodes } of bySandbox.values()) {
    const ips = pods
      .filter((p) => p.spec.hostNetwork !== true && p.sim.podIP !== undefined)
      .map((p) => p.sim.podIP);
    expect(new Set(ips).size).toBe(ips.length);
    for (const pod of pods) {
      if (pod.spec.nodeName === undefined) continue;
      const node = nodes.find((n) => n.metadata.name === pod.spec.nodeName);
      expect(node, `${pod.metadata.name} is on a node that exists`).toBeDefined();
      for (const [k, v] of Object.entries(pod.spec.nodeSelector)) {
        if (pod.metadata.namespace !== 'kube-system') expect(node?.metadata.labels[k]).toBe(v);
      }
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The output says that some of the command happened (kubectl keeps a partial success). */
const reportsDone = (reply: Reply): boolean =>
  replyText(reply)
    .split('\n')
    .some((l) => / (created|configured|deleted|labeled|annotated|unchanged)$/.test(l));

const escaped = (t: ReturnType<typeof testApp>) => t.logs.filter((l) => l.includes('command failed'));

describe('fuzz (seeded)', () => {
  it('GIVEN 10,000 generated and mutated kubectl lines THEN each gets a reply, failures change nothing, invariants hold', () => {
    const t = testApp();
    const lines = fc.sample(hostileLine, { seed: 7, numRuns: 10_000 });
    lines.forEach((line, i) => {
      const user = i % 3 === 0 ? 'bob' : 'alice';
      const before = dumpDatabase(t.app.db, REPLY_TABLES);
      const reply = t.send(user, line);
      expect(reply.blocks.length).toBeGreaterThan(0);
      // Every line: a failure changes nothing, unless its output reports what it did do
      // (kubectl keeps the part that succeeded: `delete po a nope` deletes a).
      if (!reply.ok && !reportsDone(reply)) expect(dumpDatabase(t.app.db, REPLY_TABLES), line).toBe(before);
      if (i % 50 === 0) t.advance(7_000);
    });
    expect(escaped(t)).toEqual([]);
    invariants(t);
  }, 400_000);

  it('GIVEN 1,000 generated and mutated manifests THEN each gets a reply, failures change nothing, invariants hold', () => {
    const t = testApp();
    const docs = fc.sample(hostileManifest, { seed: 11, numRuns: 1_000 });
    docs.forEach((doc, i) => {
      const verb = i % 2 === 0 ? 'create' : 'apply';
      const before = dumpDatabase(t.app.db, REPLY_TABLES);
      const reply = t.send('alice', `kubectl ${verb} -f -\n\`\`\`yaml\n${doc}\n\`\`\``);
      expect(reply.blocks.length).toBeGreaterThan(0);
      if (!reply.ok && !reportsDone(reply)) expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
    });
    expect(escaped(t)).toEqual([]);
    invariants(t);
  }, 120_000);
});
