import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { err, ok, type Result } from '../result.ts';
import { loadMigrations, migrate } from './migrate.ts';

export const DEFAULT_DB_PATH = './data/podium.db';

/** Opens (creating the folder if needed) and migrates the database; `:memory:` works too. */
export function openDatabase(path: string, migrationsDir?: string): Result<Database, string> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const migrations = loadMigrations(migrationsDir);
  if (!migrations.ok) {
    db.close();
    return migrations;
  }
  const applied = migrate(db, migrations.value);
  if (!applied.ok) {
    db.close();
    return err(applied.error);
  }
  return ok(db);
}
