import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { loadMigrations, MIGRATIONS_DIR, migrate, schemaVersion } from '../../src/store/migrate.ts';

const all = () => {
  const m = loadMigrations();
  if (!m.ok) throw new Error(m.error);
  return m.value;
};

const tables = (db: BetterSqlite3.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('GIVEN an empty database WHEN opened THEN every migration applies and user_version is the latest', () => {
    const opened = openDatabase(':memory:');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(schemaVersion(opened.value)).toBe(all().length);
    expect(tables(opened.value)).toEqual(
      expect.arrayContaining(['sandboxes', 'objects', 'members', 'saved_files']),
    );
  });

  it('GIVEN a database at each previous version WHEN migrated THEN it reaches the same schema as a fresh one', () => {
    const migrations = all();
    const fresh = new BetterSqlite3(':memory:');
    migrate(fresh, migrations);
    const expected = fresh.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    for (let version = 0; version < migrations.length; version++) {
      const db = new BetterSqlite3(':memory:');
      migrate(db, migrations.slice(0, version));
      expect(schemaVersion(db)).toBe(version);
      const result = migrate(db, migrations);
      expect(result).toEqual({ ok: true, value: migrations.length });
      expect(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(expected);
    }
  });

  it('GIVEN a database stamped newer than the code WHEN opened THEN start-up is refused with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-'));
    const path = join(dir, 'future.db');
    const db = new BetterSqlite3(path);
    db.pragma('user_version = 999');
    db.close();
    const opened = openDatabase(path);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error).toMatch(/schema version 999.*only knows up to \d+/);
  });

  it('GIVEN a gap in the numbering WHEN migrations load THEN they are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-mig-'));
    writeFileSync(join(dir, '001-a.sql'), readFileSync(join(MIGRATIONS_DIR, '001-sandboxes.sql'), 'utf8'));
    writeFileSync(join(dir, '003-c.sql'), 'SELECT 1;');
    const loaded = loadMigrations(dir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toContain('expected 2');
  });

  it('GIVEN a migration that fails WHEN applied THEN nothing of it remains and the version is unchanged', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...all(),
      { version: all().length + 1, name: 'broken.sql', sql: 'CREATE TABLE half (x); SELECT * FROM nope;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(all().length);
    expect(tables(db)).not.toContain('half');
  });
});
