import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/model.ts';
import { testApp } from '../helpers/app.ts';

/** curl with many URLs: a cap per command (said in words), a ring of recent requests per pod. */
function forwarded() {
  const t = testApp();
  t.say('alice', 'kubectl run kubia --image=luksa/kubia --port=8080');
  t.advance(30_000);
  t.say('alice', 'kubectl port-forward kubia 8888:8080');
  return t;
}

const storedPod = (t: ReturnType<typeof testApp>): { pod: Pod; bytes: number } => {
  const row = t.app.db.prepare("SELECT body FROM objects WHERE kind = 'Pod' AND name = 'kubia'").get() as {
    body: string;
  };
  return { pod: JSON.parse(row.body) as Pod, bytes: row.body.length };
};

describe('curl with many URLs', () => {
  it('GIVEN 8,000 URLs in one curl THEN the first 100 are fetched, the member is told, and the pod keeps its 100 latest requests', () => {
    const t = forwarded();
    const reply = t.send('alice', `curl -s ${'localhost:8888 '.repeat(8_000)}`);
    expect(reply.ok).toBe(true);
    expect(reply.blocks[0]?.text).toBe("You've hit kubia\n".repeat(100).trimEnd());
    expect(reply.blocks[1]).toEqual({
      kind: 'text',
      text: 'Only the first 100 of your 8000 URLs were fetched: the sandbox fetches at most 100 per command. Send the rest in another message.',
    });
    const first = storedPod(t);
    expect(first.pod.sim.requests).toHaveLength(100);
    t.send('alice', `curl -s ${'localhost:8888 '.repeat(8_000)}`);
    const second = storedPod(t);
    expect(second.pod.sim.requests).toHaveLength(100);
    expect(second.bytes).toBe(first.bytes);
    const logs = t.say('alice', 'kubectl logs kubia').split('\n');
    expect(logs).toHaveLength(101);
    expect(logs[0]).toBe('Kubia server starting...');
  });

  it('GIVEN 8,000 URLs through kubectl exec THEN the cap holds there too and is said after the output', () => {
    const t = forwarded();
    t.say('alice', 'kubectl run c --image=curlimages/curl -- sleep 3600');
    t.advance(30_000);
    const ip = storedPod(t).pod.sim.podIP ?? '';
    const reply = t.send('alice', `kubectl exec c -- curl -s ${`${ip}:8080 `.repeat(8_000)}`);
    expect(reply.blocks.at(-1)?.text).toContain('Only the first 100 of your 8000 URLs');
    expect(storedPod(t).pod.sim.requests).toHaveLength(100);
  });
});
