import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenReplies } from './walkthrough-script.ts';

/**
 * The course-notes walkthrough replayed through the real console binary (`--json`), as a member
 * would type it. Time is real here, so where the golden script jumps the clock the member waits
 * with `kubectl wait`; what does not depend on time must equal the golden transcript.
 */
const BIN = new URL('../../bin/podium.js', import.meta.url).pathname;
const GOLDEN = new URL('../golden/', import.meta.url).pathname;

interface Line {
  input: string;
  ok: boolean;
  text: string;
}

function script(): string {
  return readFileSync(join(GOLDEN, 'walkthrough.cmds'), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .map((l) =>
      l.startsWith('#! advance') ? 'kubectl wait --for=condition=Ready pod --all --timeout=20s' : l,
    )
    .join('\n');
}

const names = (table: string) =>
  table
    .split('\n')
    .slice(1)
    .map((r) => r.split(/\s+/)[0])
    .sort();

describe('course-notes walkthrough through `podium console --json`', () => {
  it('GIVEN the walkthrough typed into the console THEN every reply agrees with the golden transcript', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'podium-walk-')), 'w.db');
    const run = spawnSync(process.execPath, [BIN, 'console', '--json', '--user', 'alice', '--db', db], {
      input: `${script()}\n`,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PODIUM_LANG: 'en' },
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => !l.input.startsWith('kubectl wait'));
    const golden = goldenReplies();
    expect(lines.map((l) => l.input.split('\n')[0])).toEqual(golden.map((g) => g.command));
    lines.forEach((line, i) => {
      const want = golden[i];
      if (want === undefined) return;
      const command = want.command;
      expect(line.ok, command).toBe(want.ok);
      if (/^kubectl get po .*-l/.test(command) && want.ok)
        expect(names(line.text), command).toEqual(names(want.text));
      else if (/^(kubectl (run|create|label|annotate|delete|port-forward)|curl)/.test(command)) {
        expect(line.text, command).toBe(want.text);
      }
    });
  });
});
