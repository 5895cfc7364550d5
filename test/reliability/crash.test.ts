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
 * write would show up as a state no prefix produces.
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

function runUntilKilled(db: string, input: string, killAfter: number): Promise<number> {
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
      if (acked >= killAfter) child.kill('SIGKILL');
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
