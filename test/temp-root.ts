import { useTempRoot } from '../scripts/temp-root.ts';

/**
 * Vitest's global setup: the run's temporary files (databases, kubeconfigs, the console's files,
 * sockets) go in one directory, removed when the run ends (scripts/temp-root.ts). The test
 * workers are started after this, with it in their environment. A run used to leave about 100
 * directories behind.
 */
export default function setup(): () => void {
  return useTempRoot('podium-tests-');
}
