import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/quiz/random.ts';
import { openDatabase } from '../../src/store/db.ts';
import { type LabRun, labStore } from '../../src/store/labs.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * A member's lab run in progress is kept per connection (asked on every kubectl command): what it
 * answers must be what SQLite holds, whichever connection wrote it, and however its transaction ended.
 */
const members = ['alice', 'bob', 'carol'].map((user) => ({
  platform: 'console' as const,
  scope: 'test',
  user,
}));

function open(path: string) {
  const db = openDatabase(path);
  if (!db.ok) throw new Error(db.error);
  return db.value;
}

/** What SQLite holds now, read afresh. */
function fresh(db: ReturnType<typeof open>, user: string): LabRun | undefined {
  const row = db
    .prepare(
      "SELECT id, lab_id, started_at, hints_used, checks_run FROM lab_runs WHERE platform = 'console' AND scope = 'test' AND user_id = ? AND finished_at IS NULL AND stopped_at IS NULL",
    )
    .get(user) as
    | { id: number; lab_id: string; started_at: number; hints_used: number; checks_run: number }
    | undefined;
  return row === undefined
    ? undefined
    : {
        id: row.id,
        labId: row.lab_id,
        startedAt: row.started_at,
        hintsUsed: row.hints_used,
        checksRun: row.checks_run,
      };
}

describe('lab run in progress, kept per connection', () => {
  it('GIVEN 600 seeded writes through two connections, some rolled back THEN each connection answers what SQLite holds', () => {
    const path = tempDbPath('podium-lab-runs-');
    const dbs = [open(path), open(path)];
    // The project's seeded generator: every bit of its output is usable (an LCG's low bits, taken
    // modulo n, repeat: a test drawing with them never drew some characters).
    const next = createRandom('lab-active-cache').int;
    let differences = 0;
    for (let step = 0; step < 600; step++) {
      const db = dbs[next(2)] ?? dbs[0];
      if (db === undefined) throw new Error('db');
      const store = labStore(db);
      const key = members[next(members.length)] ?? members[0];
      if (key === undefined) throw new Error('key');
      const write = () => {
        const run = store.active(key);
        const op = next(5);
        if (run === undefined) store.start(key, `lab${next(3)}`, step);
        else if (op === 0) store.useHint(run);
        else if (op === 1) store.checked(run, next(3) === 0, step);
        else if (op === 2) store.stop(run, step);
        else store.checked(run, false, step);
      };
      if (next(4) === 0) {
        try {
          db.transaction(() => {
            write();
            for (const m of members)
              if (JSON.stringify(store.active(m)) !== JSON.stringify(fresh(db, m.user))) differences++;
            throw new Error('rolled back');
          })();
        } catch {
          // rolled back on purpose
        }
      } else write();
      for (const other of dbs)
        for (const m of members)
          if (JSON.stringify(labStore(other).active(m)) !== JSON.stringify(fresh(other, m.user)))
            differences++;
    }
    for (const db of dbs) db.close();
    expect(differences).toBe(0);
  });

  it('GIVEN a kept run WHEN a caller changes the object it was given THEN the next answer is unchanged', () => {
    const db = open(tempDbPath('podium-lab-runs-'));
    const store = labStore(db);
    const key = members[0] ?? { platform: 'console' as const, scope: 'test', user: 'alice' };
    store.start(key, 'lab1', 1);
    const run = store.active(key);
    if (run === undefined) throw new Error('no run');
    run.hintsUsed = 99;
    expect(store.active(key)?.hintsUsed).toBe(0);
    db.close();
  });
});
