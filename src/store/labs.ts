import type { Database, Statement } from 'better-sqlite3';
import { type LoggedCommand, MAX_LOGGED, readLogged, writeLogged } from '../lab/command-log.ts';
import { ReadCache } from './read-cache.ts';
import type { SandboxKey } from './sandboxes.ts';

/** One time a member started a lab. */
export interface LabRun {
  id: number;
  labId: string;
  startedAt: number;
  hintsUsed: number;
  checksRun: number;
}

/** A member's standing on one lab, over all their runs of it. */
export interface LabProgress {
  labId: string;
  /** When they first passed every check; undefined if they never did. */
  finishedAt?: number;
  /** Fewest hints used in a finished run (or in the runs so far, if none finished). */
  hintsUsed: number;
  runs: number;
}

type RunRow = { id: number; lab_id: string; started_at: number; hints_used: number; checks_run: number };
type ProgressRow = { lab_id: string; finished_at: number | null; hints: number; runs: number };
type K = [string, string, string];

/** Lab runs per member: the one in progress, hints and checks, and what they finished. */
export class LabStore {
  private readonly activeRun: Statement<K, RunRow>;
  private readonly insert: Statement<[...K, string, number]>;
  private readonly hint: Statement<[number]>;
  private readonly check: Statement<[number | null, number]>;
  private readonly stopRun: Statement<[number, number]>;
  private readonly progressOf: Statement<K, ProgressRow>;
  private readonly logInsert: Statement<[number, number, string, string]>;
  private readonly logTrim: Statement<[number, number, number]>;
  private readonly logRead: Statement<[number], { verb: string; parsed: string }>;
  /**
   * Each member's run in progress, or none: asked on every kubectl command (a command is recorded
   * in the run, src/lab/record.ts), so kept as a ReadCache keeps values (another connection's
   * commit drops them all; a start here drops the member's, any other write here all of them).
   */
  private readonly activeRuns: ReadCache<LabRun | undefined>;

  constructor(db: Database) {
    this.activeRuns = new ReadCache(db, ACTIVE_KEPT);
    const member = 'platform = ? AND scope = ? AND user_id = ?';
    this.activeRun = db.prepare(
      `SELECT id, lab_id, started_at, hints_used, checks_run FROM lab_runs WHERE ${member} AND finished_at IS NULL AND stopped_at IS NULL`,
    );
    this.insert = db.prepare(
      'INSERT INTO lab_runs (platform, scope, user_id, lab_id, started_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.hint = db.prepare('UPDATE lab_runs SET hints_used = hints_used + 1 WHERE id = ?');
    this.check = db.prepare('UPDATE lab_runs SET checks_run = checks_run + 1, finished_at = ? WHERE id = ?');
    this.stopRun = db.prepare('UPDATE lab_runs SET stopped_at = ? WHERE id = ?');
    // A finished run wins over unfinished ones; among those, the fewest hints.
    this.progressOf = db.prepare(
      `SELECT lab_id, MIN(finished_at) AS finished_at,
              COALESCE(MIN(CASE WHEN finished_at IS NOT NULL THEN hints_used END), MIN(hints_used)) AS hints,
              COUNT(*) AS runs
       FROM lab_runs WHERE ${member} GROUP BY lab_id`,
    );
    this.logInsert = db.prepare('INSERT INTO lab_commands (run_id, at, verb, parsed) VALUES (?, ?, ?, ?)');
    this.logTrim = db.prepare(
      `DELETE FROM lab_commands WHERE run_id = ? AND id <= (
         SELECT id FROM lab_commands WHERE run_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    );
    this.logRead = db.prepare('SELECT verb, parsed FROM lab_commands WHERE run_id = ? ORDER BY id');
  }

  /** Keeps a kubectl command the member ran in this run (the last {@link MAX_LOGGED} are kept). */
  logCommand(run: LabRun, command: LoggedCommand, now: number): void {
    this.logInsert.run(run.id, now, command.verb, writeLogged(command));
    this.logTrim.run(run.id, run.id, MAX_LOGGED);
  }

  /** The commands of a run, oldest first. */
  commands(run: LabRun): LoggedCommand[] {
    return this.logRead.all(run.id).flatMap((r) => readLogged(r.verb, r.parsed) ?? []);
  }

  active(key: SandboxKey): LabRun | undefined {
    const run = this.activeRuns.get(memberKey(key), () => {
      const row = this.activeRun.get(key.platform, key.scope, key.user);
      return row === undefined ? undefined : toRun(row);
    });
    return run === undefined ? undefined : { ...run };
  }

  start(key: SandboxKey, labId: string, now: number): LabRun {
    const id = Number(this.insert.run(key.platform, key.scope, key.user, labId, now).lastInsertRowid);
    this.activeRuns.drop(memberKey(key));
    return { id, labId, startedAt: now, hintsUsed: 0, checksRun: 0 };
  }

  useHint(run: LabRun): void {
    this.hint.run(run.id);
    this.changed();
  }

  /** Records a `/lab check`; a check that passed everything finishes the run. */
  checked(run: LabRun, passedAll: boolean, now: number): void {
    this.check.run(passedAll ? now : null, run.id);
    this.changed();
  }

  stop(run: LabRun, now: number): void {
    this.stopRun.run(now, run.id);
    this.changed();
  }

  /**
   * A run was written (a hint, a check, a stop): the kept answers all go. These writes are rare
   * beside the reads, and the run alone does not say whose it is.
   */
  private changed(): void {
    this.activeRuns.clear();
  }

  progress(key: SandboxKey): LabProgress[] {
    return this.progressOf.all(key.platform, key.scope, key.user).map((r) => ({
      labId: r.lab_id,
      ...(r.finished_at === null ? {} : { finishedAt: r.finished_at }),
      hintsUsed: r.hints,
      runs: r.runs,
    }));
  }

  /** How many different labs the member has finished: what their stats show. */
  finishedCount(key: SandboxKey): number {
    return this.progress(key).filter((p) => p.finishedAt !== undefined).length;
  }
}

const toRun = (row: RunRow): LabRun => ({
  id: row.id,
  labId: row.lab_id,
  startedAt: row.started_at,
  hintsUsed: row.hints_used,
  checksRun: row.checks_run,
});

const memberKey = (key: SandboxKey): string => `${key.platform}\u0000${key.scope}\u0000${key.user}`;

/** Members whose run in progress is kept (past this, the cache starts again). */
const ACTIVE_KEPT = 10_000;

const stores = new WeakMap<Database, LabStore>();

/** One store per database, its statements prepared once. */
export function labStore(db: Database): LabStore {
  const known = stores.get(db);
  if (known !== undefined) return known;
  const made = new LabStore(db);
  stores.set(db, made);
  return made;
}
