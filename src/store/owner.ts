import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { err, ok, type Result } from '../result.ts';

/**
 * One process per database. Podium caches sandboxes in memory, so a second process writing the
 * same file would serve stale clusters and overwrite the other's pods (issue 16, item 8). Instead
 * of reconciling caches across processes, a second Podium on the same file is refused at start.
 *
 * The claim is an exclusive SQLite lock on a small companion file (`<db>-owner`), held for the
 * life of the process. The operating system drops it when the process ends in any way, SIGKILL
 * included, so a crash never leaves a stale claim behind (unlike a pid file). Worker threads of
 * the same process use the database freely: they are not processes.
 */
export interface Claim {
  release(): void;
}

export function claimDatabase(path: string): Result<Claim, string> {
  if (path === ':memory:') return ok({ release: () => {} });
  mkdirSync(dirname(path), { recursive: true });
  const lock = new BetterSqlite3(`${path}-owner`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch {
    lock.close();
    return err(
      `another Podium is already running on ${path}; stop it first, or give this one a database of its own (--db FILE or PODIUM_DB)`,
    );
  }
  return ok({
    release: () => {
      if (lock.open) lock.close();
    },
  });
}
