import type { Database } from 'better-sqlite3';

/**
 * Replies kept for their Share button: every answer (a failure too) is kept, so that the member
 * can post it, under an id from a block its connection reserved; they are what the bot said, not
 * the state a command changes.
 */
export const REPLY_TABLES: readonly string[] = ['shared_replies', 'shared_reply_ids'];

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
    .map(
      (t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY ${orderOf(db, t)}`).all())}`,
    )
    .join('\n');
}

/** Its first three columns (or as many as it has). */
function orderOf(db: Database, table: string): string {
  const columns = db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number;
  return [1, 2, 3].slice(0, Math.min(3, columns)).join(', ');
}
