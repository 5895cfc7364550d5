import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { err, ok, type Result } from '../result.ts';

/**
 * Numbered plain-SQL migrations (`NNN-name.sql`), applied in order, each in its own transaction
 * that also stamps `PRAGMA user_version`. A gap in the numbering or a database newer than the
 * code refuses to start: running old code on a newer schema would corrupt members' sandboxes.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Result<Migration[], string> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations: Migration[] = [];
  for (const [index, file] of files.entries()) {
    const match = /^(\d+)-[\w-]+\.sql$/.exec(file);
    if (match === null) return err(`migration file "${file}" is not named NNN-name.sql`);
    const version = Number(match[1]);
    if (version !== index + 1) {
      return err(`migrations are not numbered without gaps: expected ${index + 1}, found "${file}"`);
    }
    migrations.push({ version, name: file, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return ok(migrations);
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database, migrations: readonly Migration[]): Result<number, string> {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    return err(
      `the database is at schema version ${current} but this Podium only knows up to ${latest}; ` +
        'upgrade Podium or use another database file (--db / PODIUM_DB)',
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return ok(latest);
}
