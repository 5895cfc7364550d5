import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { loadMigrations, schemaVersion } from '../../src/store/migrate.ts';

/**
 * `fixtures/main-v3.db` was made by main at schema version 3 (before the study group), by playing
 * `fixtures/main-v3.script.txt` through `podium console --json --no-timers --user alice`: two
 * sandboxes with pods, a saved file, member and channel languages, a lab run, a practice, two live
 * quizzes (one still running). Upgrading it must keep every row of every table it had.
 */
const FIXTURE = new URL('./fixtures/main-v3.db', import.meta.url).pathname;

type Db = BetterSqlite3.Database;
const tablesOf = (db: Db) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const rowsOf = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();

describe('upgrading a database made by an earlier main', () => {
  it('GIVEN the schema-3 fixture WHEN opened by this Podium THEN it reaches the latest version and every old row is still there, unchanged', () => {
    const before = new BetterSqlite3(FIXTURE, { readonly: true });
    expect(schemaVersion(before)).toBe(3);
    const tables = tablesOf(before);
    const old = new Map(tables.map((t) => [t, rowsOf(before, t) as Record<string, unknown>[]]));
    before.close();
    expect(old.get('objects')?.length).toBeGreaterThan(0);
    expect(old.get('quiz_live_answers')?.length).toBeGreaterThan(0);

    const path = join(mkdtempSync(join(tmpdir(), 'podium-fixture-')), 'p.db');
    copyFileSync(FIXTURE, path);
    const opened = openDatabase(path);
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    const migrations = loadMigrations();
    if (!migrations.ok) throw new Error(migrations.error);
    expect(schemaVersion(db)).toBe(migrations.value.length);
    for (const table of tables) {
      const now = rowsOf(db, table) as Record<string, unknown>[];
      // Columns added since keep their defaults; the old columns keep their values.
      const projected = now.map((row) =>
        Object.fromEntries(Object.keys(old.get(table)?.[0] ?? row).map((k) => [k, row[k]])),
      );
      expect(projected, table).toEqual(old.get(table));
    }
    // The running quiz of the fixture is still live and playable after the upgrade.
    const live = db.prepare("SELECT count(*) AS n FROM quiz_sessions WHERE phase <> 'ended'").get() as {
      n: number;
    };
    expect(live.n).toBe(1);
    db.close();
  });
});
