import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Crash safety: a console process runs a stream of writes and is killed with SIGKILL at a
 * random moment. Every write it acknowledged (printed a JSON line for) must be in the database,
 * and the database must equal the state after some whole prefix of the commands: nothing half
 * applied, integrity intact. `delete po --all` touches many rows in one transaction, so a torn
 * write would show up as a state no prefix produces. The second case makes every transaction
 * large (25 pods created by one manifest, 25 deleted by one selector) and kills at a random
 * time, not only right after an acknowledgement.
 */
const BIN = new URL('../../bin/podium.js', import.meta.url).pathname;

function workload(length: number): { lines: string[]; states: string[][] } {
  const lines: string[] = [];
  const states: string[][] = [[]];
  let pods: string[] = [];
  for (let i = 0; lines.length < length; i++) {
    if (i % 7 === 6) {
      lines.push('kubectl delete po --all');
      pods = [];
    } else {
      lines.push(`kubectl run p${i} --image=nginx`);
      pods = [...pods, `p${i}`];
    }
    states.push([...pods].sort());
  }
  return { lines, states };
}

/** 25-pod manifests and 25-pod deletes: create b0, create b1, delete b0, create b2, delete b1, ... */
const BATCH = 25;

function batchWorkload(length: number): { lines: string[]; states: string[][] } {
  const lines: string[] = [];
  const states: string[][] = [[]];
  const live = new Map<number, string[]>();
  const create = (k: number) => {
    const names = Array.from({ length: BATCH }, (_, j) => `b${k}-${j}`);
    const docs = names.map(
      (name) =>
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    batch: b${k}\nspec:\n  containers:\n  - name: web\n    image: nginx`,
    );
    lines.push(`kubectl create -f -\n\`\`\`yaml\n${docs.join('\n---\n')}\n\`\`\``);
    live.set(k, names);
  };
  create(0);
  states.push([...live.values()].flat().sort());
  for (let k = 1; lines.length < length; k++) {
    create(k);
    states.push([...live.values()].flat().sort());
    lines.push(`kubectl delete po -l batch=b${k - 1}`);
    live.delete(k - 1);
    states.push([...live.values()].flat().sort());
  }
  return { lines: lines.slice(0, length), states: states.slice(0, length + 1) };
}

/** Kills the console `extraMs` after its `killAfter`-th acknowledgement (0: at once). */
function runUntilKilled(db: string, input: string, killAfter: number, extraMs = 0): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'console', '--json', '--user', 'crash', '--db', db], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let acked = 0;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      acked += parts.length;
      if (acked >= killAfter && !child.killed) {
        if (extraMs === 0) child.kill('SIGKILL');
        else setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', () => resolve(acked));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

function podsIn(path: string): { pods: string[]; integrity: string } {
  const db = new BetterSqlite3(path, { readonly: false });
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  const pods = (
    db
      .prepare("SELECT name FROM objects WHERE kind = 'Pod' AND namespace = 'default' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
  db.close();
  return { pods: pods.sort(), integrity };
}

describe('crash safety (SIGKILL mid-stream)', () => {
  it('GIVEN a console killed at random moments WHEN restarted THEN every acknowledged write is there and nothing is half applied', async () => {
    const { lines, states } = workload(400);
    const killPoints = fc.sample(fc.integer({ min: 5, max: 350 }), { seed: 42, numRuns: 6 });
    const ackedAtKill: number[] = [];
    for (const killAfter of killPoints) {
      const db = join(mkdtempSync(join(tmpdir(), 'podium-crash-')), 'c.db');
      const acked = await runUntilKilled(db, `${lines.join('\n')}\n`, killAfter);
      ackedAtKill.push(acked);
      const { pods, integrity } = podsIn(db);
      expect(integrity).toBe('ok');
      const prefixes = states
        .map((s, i) => ({ i, s }))
        .filter(({ s }) => JSON.stringify(s) === JSON.stringify(pods));
      expect(
        prefixes.some(({ i }) => i >= acked),
        `state after kill at ${acked} acks matches no prefix >= acked`,
      ).toBe(true);
    }
    // The kills must really land mid-stream, or this test proves nothing.
    expect(ackedAtKill.filter((a) => a < lines.length).length).toBeGreaterThan(3);
  }, 180_000);
});

describe('crash safety with large transactions (SIGKILL at random times)', () => {
  it('GIVEN 25-pod creates and deletes WHEN the console is killed at random times THEN each transaction is all there or not at all, and every acknowledged one is there', async () => {
    const { lines, states } = batchWorkload(60);
    const kills = fc.sample(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 60 })), {
      seed: 16,
      numRuns: 6,
    });
    const ackedAtKill: number[] = [];
    for (const [killAfter, extraMs] of kills) {
      const db = join(mkdtempSync(join(tmpdir(), 'podium-crash-')), 'c.db');
      const acked = await runUntilKilled(db, `${lines.join('\n')}\n`, killAfter, extraMs);
      ackedAtKill.push(acked);
      const { pods, integrity } = podsIn(db);
      expect(integrity).toBe('ok');
      // All or nothing per transaction: every batch is whole or absent.
      const batches = new Map<string, number>();
      for (const pod of pods) {
        const batch = pod.split('-')[0] ?? '';
        batches.set(batch, (batches.get(batch) ?? 0) + 1);
      }
      expect(
        [...batches.values()].every((n) => n === BATCH),
        `torn batch: ${[...batches]}`,
      ).toBe(true);
      const matching = states.flatMap((s, i) => (JSON.stringify(s) === JSON.stringify(pods) ? [i] : []));
      expect(
        matching.some((i) => i >= acked),
        `state after kill at ${acked} acks matches no prefix >= acked`,
      ).toBe(true);
    }
    expect(ackedAtKill.filter((a) => a < lines.length).length).toBeGreaterThan(3);
  }, 300_000);
});
