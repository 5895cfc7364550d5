import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real `podium console --json`, run as a child process with a script on stdin. */
export const BIN = new URL('../../bin/podium.js', import.meta.url).pathname;

export interface ConsoleLine {
  user: string;
  input: string;
  ok: boolean;
  text: string;
  choices: { id: string; label: string; action: string }[];
  edited?: boolean;
  /** Files the reply carried, as the console wrote them (content for text files only). */
  files?: { name: string; path: string; content?: string }[];
}

export interface ConsoleRun {
  lines: ConsoleLine[];
  status: number | null;
  stderr: string;
}

export const parseConsoleLines = (stdout: string): ConsoleLine[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ConsoleLine);

/** English unless `env` says otherwise; a generous timeout, since CI machines are small. */
export function runConsole(
  input: string | Buffer,
  args: readonly string[],
  env: Record<string, string> = {},
): ConsoleRun {
  const result = spawnSync(process.execPath, [BIN, 'console', '--json', ...args], {
    input,
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PODIUM_LANG: 'en', ...env },
  });
  return { lines: parseConsoleLines(result.stdout), status: result.status, stderr: result.stderr };
}

export const tempDbPath = (prefix = 'podium-') => join(mkdtempSync(join(tmpdir(), prefix)), 'p.db');
