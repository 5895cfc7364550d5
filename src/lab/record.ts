import type { Database } from 'better-sqlite3';
import type { FlagSpec } from '../kubectl/flags.ts';
import { labStore } from '../store/labs.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import { parseLogged } from './command-log.ts';

/**
 * Keeps a kubectl command that ran without error in the member's lab run, if one is in progress
 * (outside a lab nothing is kept). Called inside the command's transaction, so a command rolled
 * back is not logged either.
 */
export function logLabCommand(
  db: Database,
  key: SandboxKey,
  verbs: readonly { name: string; flags: readonly FlagSpec[] }[],
  tokens: readonly string[],
  now: number,
): void {
  const store = labStore(db);
  const run = store.active(key);
  if (run === undefined) return;
  const parsed = parseLogged(verbs, tokens);
  if (parsed !== null) store.logCommand(run, parsed, now);
}
