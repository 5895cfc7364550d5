import type { Database } from 'better-sqlite3';

/** Every row of every table, in a stable order: equal dumps mean equal databases. */
export function dumpDatabase(db: Database): string {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return tables
    .map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`).all())}`)
    .join('\n');
}
