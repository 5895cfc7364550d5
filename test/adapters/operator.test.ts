import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './discord/fake/discord.ts';
import { APP_ID, TOKEN } from './discord/fake/state.ts';
import { type FakeSlack, startFakeSlack } from './slack/fake/fake-slack.ts';

/**
 * How Podium starts and stops for the operator: `node bin/podium.js` spawned as `npm start` runs
 * it, against the fakes on 127.0.0.1. Every fatal condition ends with one line that names it and
 * what to do, and exit code 1; never a stack trace, never a silent console.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'podium-operator-'));
});
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves once a line of stderr contains `text`. */
  saw(text: string): Promise<void>;
  exit: Promise<number | null>;
}

let serial = 0;
function podium(args: string[], env: Record<string, string>): Run {
  serial += 1;
  const child = spawn(process.execPath, ['bin/podium.js', ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PODIUM_DB: join(dir, `podium-${serial}.db`),
      PODIUM_WORKERS: '1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: { text: string; resolve: () => void }[] = [];
  const lines = (into: string[]) => (chunk: Buffer) => {
    into.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l !== ''),
    );
    for (const w of waiters.filter((w) => stderr.some((l) => l.includes(w.text)))) w.resolve();
  };
  child.stdout?.on('data', lines(stdout));
  child.stderr?.on('data', lines(stderr));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout,
    stderr,
    exit,
    saw: (text) =>
      new Promise((resolve, reject) => {
        if (stderr.some((l) => l.includes(text))) return resolve();
        waiters.push({ text, resolve });
        void exit.then((code) => reject(new Error(`exited ${code} before "${text}":\n${stderr.join('\n')}`)));
      }),
  };
}

/** stderr lines that are not Podium's own info-level progress (the "ready" and "connected" lines). */
const complaints = (run: Run) => run.stderr.filter((l) => !/"level":30\b/.test(l));

describe('operator starts', () => {
  it('GIVEN --help WHEN podium runs THEN it prints the usage and exits 0', async () => {
    const run = podium(['--help'], {});
    expect(await run.exit).toBe(0);
    expect(run.stdout[0]).toBe('Usage: podium [console | bots] [options]');
    expect(run.stdout.join('\n')).toContain('--json');
    expect(run.stderr).toEqual([]);
  });

  it('GIVEN an option podium does not know WHEN it runs THEN one line names it, then the usage, exit 2', async () => {
    const run = podium(['--bogus'], {});
    expect(await run.exit).toBe(2);
    expect(run.stderr[0]).toBe(
      "podium: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"",
    );
    expect(run.stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it.each([
    [{ DISCORD_TOKEN: TOKEN }, 'DISCORD_APP_ID'],
    [{ DISCORD_APP_ID: APP_ID }, 'DISCORD_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
  ])(
    'GIVEN partial credentials %j WHEN podium starts THEN it refuses in one line naming %s, exit 1',
    async (env, missing) => {
      const run = podium([], env);
      expect(await run.exit).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(/^podium: /);
      expect(run.stderr[0]).toContain(`${missing} `);
      expect(run.stdout).toEqual([]);
    },
  );
});

describe('a fatal gateway close after login (Discord)', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });

  it.each([
    [4004, 'DISCORD_TOKEN'],
    [4010, 'invalid shard'],
    [4011, 'sharding required'],
    [4012, 'invalid API version'],
    [4013, 'invalid intents'],
    [4014, 'Privileged Gateway Intents'],
  ])(
    'GIVEN a running bot WHEN Discord closes the gateway with %i THEN one line names the code and what to do, exit 1',
    async (code, advice) => {
      const run = podium(['bots'], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: APP_ID,
        DISCORD_API_URL: fake.restUrl,
      });
      await run.saw('discord ready');
      fake.gateway.closeWith(code, 'closed by the test');
      expect(await run.exit).toBe(1);
      const said = complaints(run);
      expect(said).toHaveLength(1);
      const line = JSON.parse(said[0] ?? '{}') as { level: number; msg: string };
      expect(line.level).toBe(50);
      expect(line.msg).toContain(`Discord closed the gateway with code ${code}`);
      expect(line.msg).toContain(advice);
    },
  );
});

describe('the Slack app-level token revoked while connected (Socket Mode)', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  it.each(['token_revoked', 'invalid_auth'] as const)(
    'GIVEN a running bot WHEN its app token is revoked (Slack answers %s) THEN one line says so and what to do, exit 1, no unhandled rejection',
    async (answer) => {
      const run = podium(['bots'], {
        SLACK_BOT_TOKEN: fake.state.botToken,
        SLACK_APP_TOKEN: fake.state.appToken,
        SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
      });
      await run.saw('slack connected');
      fake.revokeAppToken(answer);
      expect(await run.exit).toBe(1);
      // Bolt's own error line about the failed reconnect comes first (component "slack"); then ours.
      const ours = complaints(run).filter((l) => l.includes('SLACK_APP_TOKEN') && !l.includes('"component"'));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toContain(`apps.connections.open: ${answer}`);
      expect(ours[0]).toContain('revoked');
      expect(run.stderr.join('\n')).not.toMatch(/unhandled|\n\s+at /i);
    },
  );
});
