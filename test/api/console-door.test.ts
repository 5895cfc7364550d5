import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { BIN, type ConsoleLine, tempDbPath } from '../helpers/console.ts';
import { freePort, kubectl, realKubectls } from './harness.ts';

/**
 * The door as an operator starts it: `podium console` with PODIUM_API_PORT listens on
 * 127.0.0.1 with a CA made beside the database; `/sandbox kubeconfig` in the console writes
 * `podium.yaml`, and the real kubectl with it sees and changes the console member's sandbox.
 */
const [BINARY] = realKubectls();
if (BINARY === undefined)
  console.warn('console-door.test.ts skipped: no kubectl.1.33 or kubectl.1.32 beside kubectl');

describe.skipIf(BINARY === undefined)('podium console with PODIUM_API_PORT', () => {
  it('GIVEN the console member asks for a kubeconfig THEN real kubectl with it works against their sandbox', async () => {
    const dbPath = tempDbPath('podium-console-door-');
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'console', '--json', '--user', 'ada', '--db', dbPath], {
      env: { ...process.env, PODIUM_LANG: 'en', PODIUM_API_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const say = async (text: string): Promise<ConsoleLine> => {
      child.stdin.write(`${text}\n`);
      const next = await lines.next();
      return JSON.parse(String(next.value)) as ConsoleLine;
    };
    try {
      const reply = await say('/sandbox kubeconfig');
      expect(existsSync(join(dirname(dbPath), 'api-ca.crt'))).toBe(true);
      const file = reply.files?.find((f) => f.name === 'podium.yaml');
      expect(file?.content).toContain(`server: https://127.0.0.1:${port}\n`);
      const config = join(dirname(dbPath), 'podium.yaml');
      writeFileSync(config, file?.content ?? '');
      expect((await kubectl(BINARY ?? '', config, ['run', 'kubia', '--image=luksa/kubia'])).stdout).toBe(
        'pod/kubia created\n',
      );
      expect((await say('kubectl get po -o name')).text).toBe('pod/kubia');
      await say('kubectl run fromchat --image=nginx');
      expect((await kubectl(BINARY ?? '', config, ['get', 'po', '-o', 'name'])).stdout).toBe(
        'pod/fromchat\npod/kubia\n',
      );
    } finally {
      child.stdin.end();
      await new Promise((resolve) => child.on('exit', resolve));
    }
  });
});
