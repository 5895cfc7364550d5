import { Writable } from 'node:stream';
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
