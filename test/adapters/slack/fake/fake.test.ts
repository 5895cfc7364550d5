import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

/** The fake must refuse what Slack refuses, or it would hide the adapter's limit bugs. */
let fake: FakeSlack;
let client: webApi.WebClient;
beforeAll(async () => {
  fake = await startFakeSlack();
  client = new webApi.WebClient(fake.state.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
  });
});
afterAll(async () => {
  await fake.close();
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (i: number) => ({
  type: 'button',
  action_id: `b${i}`,
  text: { type: 'plain_text', text: `${i}` },
  value: `${i}`,
});

async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error ?? String(error);
  }
}

describe('the fake Slack Web API', () => {
  it('GIVEN a section of 3,000 characters WHEN posted THEN it is accepted, and 3,001 is invalid_blocks', async () => {
    expect(
      await slackError(
        client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('a'.repeat(3000))] }),
      ),
    ).toBe('ok');
    expect(
      await slackError(
        client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('a'.repeat(3001))] }),
      ),
    ).toBe('invalid_blocks');
  });

  it('GIVEN 51 blocks WHEN posted THEN invalid_blocks', async () => {
    const blocks = Array.from({ length: 51 }, () => section('a'));
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks }))).toBe(
      'invalid_blocks',
    );
  });

  it('GIVEN an actions block of 26 buttons WHEN posted THEN invalid_blocks (25 is the limit)', async () => {
    const actions = (n: number) => [
      { type: 'actions', elements: Array.from({ length: n }, (_, i) => button(i)) },
    ];
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: actions(25) }))).toBe(
      'ok',
    );
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: actions(26) }))).toBe(
      'invalid_blocks',
    );
  });

  it('GIVEN text over 40,000 characters WHEN posted THEN msg_too_long', async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'a'.repeat(40_001) }))).toBe(
      'msg_too_long',
    );
  });

  it('GIVEN five full sections (15,000 characters) WHEN posted THEN msg_blocks_too_long', async () => {
    const blocks = Array.from({ length: 5 }, () => section('a'.repeat(3000)));
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks }))).toBe(
      'msg_blocks_too_long',
    );
  });

  it('GIVEN a button label of 76 characters or two equal block ids WHEN posted THEN invalid_blocks', async () => {
    const long = [
      { type: 'actions', elements: [{ ...button(1), text: { type: 'plain_text', text: 'a'.repeat(76) } }] },
    ];
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: long }))).toBe(
      'invalid_blocks',
    );
    const twins = [
      { ...section('a'), block_id: 'same' },
      { ...section('b'), block_id: 'same' },
    ];
    expect(await slackError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: twins }))).toBe(
      'invalid_blocks',
    );
  });

  it('GIVEN an unknown ts WHEN chat.update THEN message_not_found; a wrong token THEN invalid_auth', async () => {
    expect(await slackError(client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    const stranger = new webApi.WebClient('xoxb-wrong', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    expect(await slackError(stranger.chat.postMessage({ channel: 'C1', text: 'x' }))).toBe('invalid_auth');
  });

  it('GIVEN a trigger WHEN views.open uses it twice THEN the second is exchanged_trigger_id', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Title' },
      blocks: [section('hello')] as never[],
    };
    const trigger = fake.trigger('U1');
    expect(await slackError(client.views.open({ trigger_id: trigger, view }))).toBe('ok');
    expect(await slackError(client.views.open({ trigger_id: trigger, view }))).toBe('exchanged_trigger_id');
    const long = { ...view, title: { type: 'plain_text' as const, text: 'a'.repeat(25) } };
    expect(await slackError(client.views.open({ trigger_id: fake.trigger('U1'), view: long }))).toBe(
      'invalid_arguments',
    );
  });

  it('GIVEN an open modal WHEN views.update replaces it THEN checked as views.open; an unknown view is not_found, a stale hash hash_conflict', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Title' },
      blocks: [section('hello')] as never[],
    };
    const opened = await client.views.open({ trigger_id: fake.trigger('U1'), view });
    const id = opened.view?.id ?? '';
    const hash = opened.view?.hash ?? '';
    const next = { ...view, blocks: [section('updated')] as never[] };
    const updated = await client.views.update({ view_id: id, hash, view: next });
    expect(updated.view?.blocks).toEqual(next.blocks);
    expect(updated.view?.hash).not.toBe(hash);
    expect(await slackError(client.views.update({ view_id: id, hash, view: next }))).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V9999', view: next }))).toBe('not_found');
    const long = { ...view, title: { type: 'plain_text' as const, text: 'a'.repeat(25) } };
    expect(await slackError(client.views.update({ view_id: id, view: long }))).toBe('invalid_arguments');
  });

  it('GIVEN a response_url WHEN used a sixth time THEN it answers 404', async () => {
    const url = fake.responseUrl('C1', 'U1');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"hi"}',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
  });

  it('GIVEN a response_url WHEN used 31 minutes after it was issued THEN it answers 404 expired_url', async () => {
    let now = 1_736_935_200_000;
    fake.state.clock = () => now;
    const url = fake.responseUrl('C1', 'U1');
    const use = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    now += 29 * 60_000;
    expect((await use()).status).toBe(200);
    now += 2 * 60_000;
    const late = await use();
    expect([late.status, await late.text()]).toEqual([404, 'expired_url']);
    fake.state.clock = () => Date.now();
  });
});
