import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/slack.ts';
import { testApp } from '../../helpers/app.ts';
import { type FakeSlack, startFakeSlack } from './fake/fake-slack.ts';
import { guardNetwork } from './net-guard.ts';

let fake: FakeSlack;
const guard = guardNetwork();
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
  guard.stop();
  expect(guard.outside()).toEqual([]);
});

describe('starting the Slack bot', () => {
  it('GIVEN a bot token Slack does not know WHEN the bot starts THEN it stops with a clear error, not silent retries', async () => {
    const t = testApp();
    const start = startSlack(t.app, {
      botToken: 'xoxb-revoked',
      signingSecret: 's',
      apiUrl: fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      retries: 0,
    });
    await expect(start).rejects.toThrow(
      'Slack refused the bot token or could not be reached (auth.test: invalid_auth)',
    );
  });

  it('GIVEN neither an app token nor a signing secret WHEN the bot starts THEN it says which variables are missing', async () => {
    const t = testApp();
    const start = startSlack(t.app, { botToken: fake.state.botToken, apiUrl: fake.apiUrl, retries: 0 });
    await expect(start).rejects.toThrow('SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  });

  it('GIVEN an app-level token Slack refuses WHEN Socket Mode starts THEN start fails instead of hanging', async () => {
    const t = testApp();
    const start = startSlack(t.app, {
      botToken: fake.state.botToken,
      appToken: 'xapp-wrong',
      apiUrl: fake.apiUrl,
      retries: 0,
    });
    await expect(start).rejects.toThrow(/invalid_auth/);
  });
});

describe('an app-level token revoked before the start', () => {
  it('GIVEN Slack answers token_revoked (which the client would retry forever) WHEN Socket Mode starts THEN start fails with one sentence naming SLACK_APP_TOKEN', async () => {
    const revoked = await startFakeSlack();
    revoked.revokeAppToken('token_revoked');
    const t = testApp();
    const start = startSlack(t.app, {
      botToken: revoked.state.botToken,
      appToken: revoked.state.appToken,
      apiUrl: revoked.apiUrl,
      retries: 0,
    });
    await expect(start).rejects.toThrow(
      /^Slack refused the app-level token \(apps\.connections\.open: token_revoked\).*SLACK_APP_TOKEN/,
    );
    await revoked.close();
  });
});
