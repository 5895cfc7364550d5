import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/bot.ts';
import { testApp } from '../../helpers/app.ts';
import { startFakeDiscord } from './fake/discord.ts';
import { member } from './fake/payloads.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * The gateway connection fails in production (network blips, Discord restarting a node, a
 * zombie connection whose heartbeats go unanswered). discord.js must resume the session, or
 * identify afresh when the session is gone, and the bot must answer the next command.
 */
const alice = member('4000000000000000001', 'alice');

async function answers(h: Harness, command: string): Promise<string> {
  return codeOf((await h.fake.command(alice, 'kubectl', { command }).reply()).content);
}

describe('a dropped gateway connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterEach(() => {
    expectClean(h.fake);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN a live session WHEN the connection drops THEN the client resumes and answers the next command', async () => {
    h.fake.gateway.drop();
    await h.fake.waitFor(() => h.fake.gateway.stats.resumes === 1);
    expect(await answers(h, 'get ns')).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
    expect(h.fake.gateway.stats.identifies).toBe(1);
    expect(h.logs.join('')).toContain(`"msg":"gateway resumed"`);
  });

  it('GIVEN a command sent while the connection is down WHEN the client resumes THEN it is replayed and answered', async () => {
    h.fake.gateway.drop();
    const handle = h.fake.command(alice, 'kubectl', { command: 'run late --image=nginx' });
    expect(codeOf((await handle.reply()).content)).toBe('pod/late created');
    expect(h.fake.gateway.stats.resumes).toBe(2);
  });

  it('GIVEN a live session WHEN Discord sends op 7 RECONNECT THEN the client reconnects, resumes (no new IDENTIFY) and answers', async () => {
    const { resumes, identifies, connections } = h.fake.gateway.stats;
    h.fake.gateway.reconnect();
    await h.fake.waitFor(() => h.fake.gateway.stats.resumes === resumes + 1);
    expect(h.fake.gateway.stats.connections).toBe(connections + 1);
    expect(h.fake.gateway.stats.identifies).toBe(identifies);
    expect(await answers(h, 'get po late -o name')).toBe('pod/late');
  });

  it('GIVEN Discord forgot the session WHEN the client tries to resume THEN it identifies afresh and answers', async () => {
    h.fake.gateway.behaviour.refuseResume = true;
    h.fake.gateway.drop();
    await h.fake.waitFor(() => h.fake.gateway.stats.identifies === 2);
    h.fake.gateway.behaviour.refuseResume = false;
    expect(await answers(h, 'get po late -o name')).toBe('pod/late');
  });
});

describe('a zombie gateway connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ heartbeatInterval: 100 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN heartbeats acknowledged WHEN they stop being acknowledged THEN the client reconnects, resumes and answers', async () => {
    await h.fake.waitFor(() => h.fake.gateway.stats.heartbeats >= 2);
    h.fake.gateway.behaviour.ackHeartbeats = false;
    await h.fake.waitFor(() => h.fake.gateway.stats.resumes === 1);
    h.fake.gateway.behaviour.ackHeartbeats = true;
    expect(await answers(h, 'get no -o name')).toMatch(/^node\//);
    expectClean(h.fake);
  });
});

describe('a wrong token', () => {
  it('GIVEN a token Discord refuses WHEN the bot starts THEN it fails at once with a clear message', async () => {
    const fake = await startFakeDiscord();
    try {
      const start = startDiscord(testApp().app, {
        token: 'not.the.token',
        api: fake.restUrl,
        restRetries: 0,
      });
      await expect(start).rejects.toThrow(/^Discord login failed: .*invalid token.*\(check DISCORD_TOKEN\)$/);
      expect(fake.gateway.stats.connections).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
