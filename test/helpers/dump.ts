import type { Database } from 'better-sqlite3';

/**
 * Replies kept for their Share button: every answer (a failure too) is kept, so that the member
 * can post it; they are what the bot said, not the state a command changes.
 */
export const REPLY_TABLES: readonly string[] = ['shared_replies'];

/** Every row of every table, in a stable order: equal dumps mean equal databases. */
export function dumpDatabase(db: Database, except: readonly string[] = []): string {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((name) => !except.includes(name));
  return tables
    .map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`).all())}`)
    .join('\n');
}
