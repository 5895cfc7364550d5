import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayloads, registrationPayloads } from '../../../src/adapters/discord/commands.ts';
import { registerCommands } from '../../../src/adapters/discord/register.ts';
import { type FakeDiscord, startFakeDiscord } from './fake/discord.ts';
import { APP_ID, GUILD_ID, TOKEN } from './fake/state.ts';

/** `npm run discord:register`, run as an operator would (one child process), against the fake instead of Discord. */
let fake: FakeDiscord;
const ROOT = new URL('../../../', import.meta.url).pathname;

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

function register(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'discord:register'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_API_URL: fake.restUrl,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run discord:register', () => {
  // A child process (npm, node, tsx, discord.js): seconds on a busy machine.
  it('GIVEN a guild id WHEN run THEN one bulk PUT of every command to the guild, which Discord accepts', {
    timeout: 90_000,
  }, async () => {
    const { code, stdout, stderr } = await register({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `registered 14 commands in guild ${GUILD_ID} (PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands)\n`,
    );
    expect(fake.state.commandPuts).toHaveLength(1);
    const [put] = fake.state.commandPuts;
    expect(put?.path).toBe(`/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    // toJSON runs discord.js' builder validation (names, descriptions, option order and counts).
    expect(put?.body).toEqual(registrationPayloads());
    expect((put?.body as { name: string }[] | undefined)?.map((c) => c.name)).toEqual([
      'kubectl',
      'apply',
      'curl',
      'wget',
      'quiz',
      'lab',
      'sandbox',
      'file',
      'lang',
      'guide',
      'help',
      'settings',
      'progress',
      'Apply manifest',
    ]);
    expect(fake.state.rejections).toEqual([]);
  });

  it('GIVEN no guild id WHEN registering THEN the commands are registered globally', async () => {
    const { route, count } = await registerCommands({ token: TOKEN, appId: APP_ID, api: fake.restUrl });
    expect({ route, count }).toEqual({ route: `/applications/${APP_ID}/commands`, count: 14 });
    expect(fake.state.commandPuts.at(-1)?.path).toBe(`/api/v10/applications/${APP_ID}/commands`);
    expect(fake.state.rejections).toEqual([]);
  });

  it('GIVEN the definitions WHEN built THEN every description has a Korean localization', () => {
    type Described = { description: string; description_localizations?: unknown; options?: unknown };
    const described: Described[] = [];
    const walk = (o: Described) => {
      described.push(o);
      for (const child of (Array.isArray(o.options) ? o.options : []) as Described[]) walk(child);
    };
    for (const c of commandPayloads()) walk(c);
    expect(described.length).toBeGreaterThan(30);
    for (const d of described)
      expect(d.description_localizations).toEqual({ ko: expect.stringMatching(/\S/) });
  });
});
