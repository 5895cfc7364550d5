import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../adapters/discord/fake/discord.ts';
import { member } from '../adapters/discord/fake/payloads.ts';
import { APP_ID, TOKEN } from '../adapters/discord/fake/state.ts';
import { startFakeSlack } from '../adapters/slack/fake/fake-slack.ts';
import { form, postSigned, SIGNING_SECRET, slashCommand } from '../adapters/slack/fake/payloads.ts';
import { copyTree } from '../helpers/copy-tree.ts';

/**
 * `npm run build` (scripts/build.ts) in a copy of the tree, as `npm ci` runs it on a fresh clone,
 * and `bin/podium.js` running what it built. The processes spawned here leave out VITEST, which
 * otherwise makes bin/podium.js run the TypeScript sources.
 */
const env = (extra: Record<string, string> = {}) => {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VITEST|DISCORD_|SLACK_|PODIUM_|LOG_LEVEL$)/.test(k)),
  );
  return { ...base, PODIUM_LANG: 'en', ...extra };
};

const build = (dir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: dir,
    env: env(),
    encoding: 'utf8',
  });

/** The files `file` imports statically (`import … from "./x.js"`), followed through the bundle. */
function staticGraph(out: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(out, file), 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["']([^"']+)["'];?$/gm)) {
    const target = m[1] ?? '';
    if (target.startsWith('./')) staticGraph(out, target.slice(2), seen);
    else seen.add(target);
  }
  return seen;
}

/**
 * The packages the files of a static graph use: imported from node_modules, or bundled into them
 * (esbuild marks each bundled module with a `// …/node_modules/NAME/…` comment).
 */
function packagesOf(out: string, graph: Set<string>): Set<string> {
  const found = new Set<string>();
  for (const file of graph) {
    if (!existsSync(join(out, file))) {
      found.add(file);
      continue;
    }
    const code = readFileSync(join(out, file), 'utf8');
    for (const m of code.matchAll(/^\/\/ \S*?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm))
      found.add(m[1] ?? '');
  }
  return found;
}

/** A TCP port nothing listens on just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `bin/podium.js` in `dir` with `extra` set, once it logs `ready` (its log line, parsed). */
async function startBuilt(dir: string, extra: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, ['bin/podium.js'], {
    cwd: dir,
    env: env({ ...extra, LOG_LEVEL: 'info' }),
  });
  const line = await new Promise<{ port?: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`podium exited with ${code}`)));
    createInterface({ input: child.stderr }).on('line', (l) => {
      if (l.includes(`"msg":"${ready}"`)) resolve(JSON.parse(l) as { port?: number });
    });
  });
  return {
    ready: line,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe('build', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = copyTree('podium-build-');
    out = join(dir, 'dist', 'app');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a fresh tree WHEN npm run build THEN it validates the banks and labs and writes the entries, the chunks and the compiled data', () => {
    const run = build(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^build: dist\/app in \d+ ms \(\d+ banks, \d+ labs\)\n$/);
    for (const file of [
      'main.js',
      'worker.js',
      'posting-worker.js',
      'confirmations.js',
      'data.json',
      'v1.34.json',
    ])
      expect(existsSync(join(out, file))).toBe(true);
    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as {
      banks: unknown[];
      labs: unknown[];
    };
    expect(data.banks.length).toBeGreaterThan(5);
    expect(data.labs.length).toBeGreaterThan(5);
  });

  it('GIVEN the build THEN the console loads neither discord.js nor Bolt, and each platform’s chunk loads only its own', () => {
    const main = packagesOf(out, staticGraph(out, 'main.js'));
    expect([...main].filter((f) => /discord|@slack/.test(f))).toEqual([]);
    const chunks = readdirSync(out).filter((f) => f.endsWith('.js'));
    const graphOf = (prefix: string) => {
      const chunk = chunks.find((f) => f.startsWith(prefix));
      expect(chunk, prefix).toBeDefined();
      return [...packagesOf(out, staticGraph(out, chunk ?? ''))];
    };
    expect(graphOf('bot-')).toContain('discord.js');
    expect(graphOf('bot-').filter((f) => f.startsWith('@slack'))).toEqual([]);
    expect(graphOf('slack-')).toContain('@slack/bolt');
    expect(graphOf('slack-').filter((f) => f.includes('discord'))).toEqual([]);
  });

  it('GIVEN the build THEN a start and a command worker load neither the certificate maker nor the map renderer until they are used', () => {
    for (const entry of ['main.js', 'worker.js']) {
      const used = packagesOf(out, staticGraph(out, entry));
      expect(
        [...used].filter((p) => /selfsigned|@peculiar|@resvg/.test(p)),
        entry,
      ).toEqual([]);
      // The pure-JavaScript packages are bundled: Node resolves no file of theirs at start.
      expect(used, entry).toContain('yaml');
      expect(staticGraph(out, entry), entry).not.toContain('yaml');
    }
  });

  it('GIVEN the build WHEN the YAML banks and labs are gone THEN bin/podium.js still serves them, from the compiled data', () => {
    rmSync(join(dir, 'quizzes'), { recursive: true, force: true });
    const run = spawnSync(process.execPath, ['bin/podium.js', 'console', '--json', '--db', ':memory:'], {
      cwd: dir,
      env: env(),
      encoding: 'utf8',
      input:
        'kubectl run web --image=nginx\n/quiz topics\n/lab list\n/lab start first-pod\nkubectl run kubia --image=luksa/kubia --port=8080\n/lab check\n',
    });
    expect(run.stderr).toBe('');
    const texts = run.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts[0]).toBe('pod/web created');
    expect(texts[1]).toContain('`selectors`');
    expect(texts[2]).toContain('`first-pod`');
    // A lab's checks are functions: they must run in a built start too (JSON cannot carry them).
    expect(texts[5]).toMatch(/^Lab `first-pod`: 2 of \d+ checks pass\./);
    expect(texts[5]).toContain('✅');
  });

  it('GIVEN the build WHEN bin/podium.js starts Discord THEN its worker threads (worker.js beside the chunks) answer a command', async () => {
    const fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.restUrl };
    const podium = await startBuilt(dir, { ...env, PODIUM_DB: join(dir, 'discord.db') }, 'discord ready');
    try {
      const reply = await fake
        .command(member('100', 'ada'), 'kubectl', { command: 'run web --image=nginx' })
        .answer();
      expect(reply.content).toContain('pod/web created');
      expect(fake.state.rejections).toEqual([]);
    } finally {
      await podium.stop();
      await fake.close();
    }
  });

  for (const mode of ['socket', 'http'] as const)
    it(`GIVEN the build WHEN bin/podium.js starts Slack (${mode}) THEN the bundled Bolt answers a slash command`, async () => {
      const fake = await startFakeSlack();
      const env = {
        SLACK_BOT_TOKEN: fake.state.botToken,
        ...(mode === 'socket'
          ? { SLACK_APP_TOKEN: fake.state.appToken }
          : { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0' }),
        SLACK_API_URL: fake.apiUrl,
        PODIUM_DB: join(dir, `slack-${mode}.db`),
      };
      const podium = await startBuilt(dir, env, 'slack connected');
      try {
        const since = fake.state.posts.length;
        const ada = { id: 'U0ADA', name: 'ada' };
        const command = slashCommand(fake, ada, 'C0STUDY', '/kubectl', 'run web --image=nginx');
        if (mode === 'socket') await fake.socket.send('slash_commands', command);
        else {
          const url = `http://127.0.0.1:${podium.ready.port}/slack/events`;
          expect((await postSigned(url, form(command))).status).toBe(200);
        }
        const reply = await fake.waitFor(() => true, since);
        expect(reply.text).toContain('pod/web created');
        expect(fake.state.refused).toEqual([]);
      } finally {
        await podium.stop();
        await fake.close();
      }
    });

  it('GIVEN the build WHEN bin/podium.js starts with PODIUM_API_PORT THEN it makes its certificates and serves the Kubernetes API over TLS', async () => {
    const port = await freePort();
    const podium = await startBuilt(
      dir,
      { PODIUM_API_PORT: String(port), PODIUM_DB: join(dir, 'api', 'api.db') },
      'api door listening',
    );
    try {
      // The certificate maker is loaded from its own chunk as the door starts; kubectl checks the
      // server against the CA that members' kubeconfigs carry.
      const ca = readFileSync(join(dir, 'api', 'api-ca.crt'), 'utf8');
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpsGet(`https://127.0.0.1:${port}/api/v1/namespaces/default/pods`, { ca }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += String(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });
    } finally {
      await podium.stop();
    }
  });

  it('GIVEN a broken bank WHEN npm run build THEN it fails with file:line:column, as a start would', () => {
    const broken = copyTree('podium-build-broken-');
    try {
      writeFileSync(join(broken, 'quizzes', 'labels.yaml'), 'topic: [unclosed\n');
      const run = build(broken);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^build: the quiz banks have problems:\n {2}quizzes\/labels\.yaml:\d+:\d+: /,
      );
      expect(existsSync(join(broken, 'dist'))).toBe(false);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
