import { Writable } from 'node:stream';
import { DiscordAPIError } from '@discordjs/rest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

const FAKE = {
  discord: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789',
  slackBot: 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
  slackApp: 'xapp-1-A0123456789-1234567890123-abcdef0123456789',
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
};

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

describe('logs never carry secrets', () => {
  it('GIVEN credentials in logged objects and messages WHEN logged THEN none of them appears', () => {
    const { log, lines } = capture();
    log.info(
      { token: FAKE.discord, config: { SLACK_BOT_TOKEN: FAKE.slackBot, signingSecret: FAKE.secret } },
      'starting',
    );
    log.error(`login failed with ${FAKE.discord} and ${FAKE.slackApp}`);
    log.warn({ headers: { authorization: `Bearer ${FAKE.slackBot}` } }, 'request');
    const text = lines.join('');
    for (const secret of Object.values(FAKE)) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(lines).toHaveLength(3);
  });
});

/** #16: logs carry no tokens (interaction/webhook paths, Slack response_url) and no bodies. */
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OkRlbW9Ub2tlbkZvclRlc3Rz';
const RESPONSE_URL = 'https://hooks.slack.com/actions/T0123/4567890/AbCdEfGhIjKlMnOpQrStUvWx';

describe('log lines', () => {
  it('GIVEN a failed Discord upload (a 12 MiB file, the interaction token in its URL) WHEN logged THEN a short line without the token or the bytes', () => {
    const { log, lines } = capture();
    const error = new DiscordAPIError(
      { message: 'Request entity too large', code: 40005 },
      40005,
      413,
      'POST',
      `https://discord.com/api/v10/webhooks/1234567890/${INTERACTION_TOKEN}/messages/@original`,
      {
        files: [{ name: 'output.txt', data: Buffer.alloc(12 * 1024 * 1024, 65) }],
        body: { content: 'member output '.repeat(10_000) },
      },
    );
    log.error({ err: error, platform: 'discord' }, 'interaction failed');
    const line = lines.join('');
    expect(line).not.toContain(INTERACTION_TOKEN);
    expect(line).toContain('/webhooks/1234567890/[redacted]');
    expect(line).toContain('Request entity too large');
    expect(line.length).toBeLessThan(8 * 1024);
  });

  it('GIVEN an interaction callback URL and a Slack response_url in a message and in fields THEN both are masked', () => {
    const { log, lines } = capture();
    log.warn(
      {
        url: `https://discord.com/api/v10/interactions/987/${INTERACTION_TOKEN}/callback`,
        config: { url: RESPONSE_URL },
      },
      `respond failed for ${RESPONSE_URL}`,
    );
    const line = lines.join('');
    expect(line).not.toContain(INTERACTION_TOKEN);
    expect(line).not.toContain('AbCdEfGhIjKlMnOpQrStUvWx');
    expect(line).toContain('/interactions/987/[redacted]');
    expect(line).toContain('hooks.slack.com/actions/[redacted]');
  });

  it('GIVEN a body of 1 MB in a logged object THEN the line stays short', () => {
    const { log, lines } = capture();
    log.info({ body: 'x'.repeat(1_000_000), items: Array.from({ length: 1_000 }, (_, i) => i) }, 'sent');
    expect(lines.join('').length).toBeLessThan(2 * 1024);
  });
});
