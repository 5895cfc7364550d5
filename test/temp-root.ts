import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: the run's temporary files (databases, kubeconfigs, the console's files,
 * sockets) go in one directory of the machine's temp dir, removed when the run ends. Suites and
 * the processes they start ask `os.tmpdir()`, which reads TMPDIR; the test workers are started
 * after this, with it in their environment. A run used to leave about 100 directories behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'podium-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
