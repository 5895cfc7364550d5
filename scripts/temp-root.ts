import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One directory of the machine's temp dir for a whole run (the test suite, `npm run bench`): set
 * as TMPDIR, which `os.tmpdir()` reads and every process the run starts inherits, so the run's
 * databases, sockets and files all land in it. Returns what removes it and puts TMPDIR back.
 */
export function useTempRoot(prefix: string): () => void {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
