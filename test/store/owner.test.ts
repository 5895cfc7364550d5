import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { claimDatabase } from '../../src/store/owner.ts';
import { BIN, runConsole, tempDbPath } from '../helpers/console.ts';

/**
 * Two processes on one database would serve stale caches (issue 16, item 8): the second Podium
 * is refused with a clear message, and a crashed first one leaves no claim behind.
 */
describe('one Podium per database', () => {
  it('GIVEN a claimed database WHEN it is claimed again THEN the second claim is refused until the first is released', () => {
    const path = tempDbPath();
    const first = claimDatabase(path);
    expect(first.ok).toBe(true);
    const second = claimDatabase(path);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error).toMatch(/another Podium is already running on .*p\.db/);
    if (first.ok) first.value.release();
    const third = claimDatabase(path);
    expect(third.ok).toBe(true);
    if (third.ok) third.value.release();
  });

  it('GIVEN a running console WHEN a second one starts on the same file THEN it exits with a clear error; AND after the first is killed THEN the next one starts', async () => {
    const db = tempDbPath();
    const first = spawn(process.execPath, [BIN, 'console', '--json', '--db', db], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PODIUM_LANG: 'en' },
    });
    first.stdin.write('kubectl run web --image=nginx\n');
    await once(first.stdout, 'data');
    const refused = runConsole('kubectl get po\n', ['--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^podium: another Podium is already running on .*; stop it first/);
    expect(refused.lines).toEqual([]);
    first.kill('SIGKILL');
    await once(first, 'exit');
    const next = runConsole('kubectl get po -o name\n', ['--db', db]);
    expect(next.status).toBe(0);
    expect(next.lines[0]?.text).toBe('pod/web');
  });
});
