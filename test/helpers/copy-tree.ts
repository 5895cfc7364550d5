import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository's root (where package.json is). */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/**
 * A copy of the working tree as git sees it (tracked and untracked files, nothing ignored: no
 * dist/, no data/) in a new temporary folder, with node_modules linked: a fresh clone after
 * `npm ci`, with the current edits.
 */
export function copyTree(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  for (const file of listed.stdout.split('\n').filter((f) => f !== '' && f !== 'node_modules')) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(ROOT, file), join(dir, file));
    } catch {
      // a file listed but deleted in the working tree
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
