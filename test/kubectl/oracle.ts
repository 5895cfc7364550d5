import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The real kubectl v1.33 binary beside the version dispatcher on the PATH (which capitalises
 * `Error:`; the binaries print kubectl's own `error:`), or null where it is not installed.
 */
export function kubectl133(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  if (which === '') return null;
  const candidate = join(dirname(realpathSync(which)), 'kubectl.1.33');
  if (existsSync(candidate)) return candidate;
  console.warn('no kubectl.1.33 beside kubectl: the differential cases are skipped');
  return null;
}
