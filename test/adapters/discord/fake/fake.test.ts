import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './discord.ts';
import { pings } from './limits.ts';
import { member } from './payloads.ts';
import { APP_ID, CHANNEL_ID, TOKEN } from './state.ts';

/**
 * The fake is only worth testing against if it refuses what Discord refuses: these cases speak
 * to it directly over HTTP, without discord.js, and expect Discord's statuses and error codes.
 */
let fake: FakeDiscord;
const alice = member('2000000000000000001', 'alice');

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

async function call(method: string, path: string, body: unknown, auth = true) {
  const response = await fetch(`${fake.restUrl}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${TOKEN}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as { code?: number }) };
}

const post = (body: unknown) => call('POST', `/channels/${CHANNEL_ID}/messages`, body);
const button = (i: number) => ({ type: 2, style: 2, label: `b${i}`, custom_id: `b${i}` });
const row = (components: unknown[]) => ({ type: 1, components });

describe('fake Discord REST strictness', () => {
  it('GIVEN a valid message WHEN posted THEN 200 with a full message object', async () => {
    const { status, body } = await post({ content: 'hello', allowed_mentions: { parse: [] } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: expect.any(String),
      channel_id: CHANNEL_ID,
      content: 'hello',
      author: { bot: true },
    });
  });

  it.each([
    ['content over 2,000 characters', { content: 'x'.repeat(2001) }],
    ['six buttons in a row', { content: 'q', components: [row([0, 1, 2, 3, 4, 5].map(button))] }],
    ['six action rows', { content: 'q', components: [0, 1, 2, 3, 4, 5].map((i) => row([button(i)])) }],
    [
      'a custom_id over 100 characters',
      { content: 'q', components: [row([{ ...button(0), custom_id: 'c'.repeat(101) }])] },
    ],
    [
      'a button label over 80 characters',
      { content: 'q', components: [row([{ ...button(0), label: 'l'.repeat(81) }])] },
    ],
    ['duplicate custom_ids', { content: 'q', components: [row([button(1), button(1)])] }],
    [
      'a select with 26 options',
      {
        content: 'q',
        components: [
          row([
            {
              type: 3,
              custom_id: 's',
              options: Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `o${i}` })),
            },
          ]),
        ],
      },
    ],
    [
      'a select beside a button',
      {
        content: 'q',
        components: [row([button(0), { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] }])],
      },
    ],
    [
      'an embed field over 1,024 characters',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
    ],
    [
      'embeds over 6,000 characters in total',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] },
    ],
    ['eleven embeds', { embeds: Array.from({ length: 11 }, () => ({ description: 'd' })) }],
  ])('GIVEN %s WHEN posted THEN 400 Invalid Form Body (50035)', async (_, body) => {
    const { status, body: error } = await post(body);
    expect(status).toBe(400);
    expect(error?.code).toBe(50035);
  });

  it('GIVEN an empty message WHEN posted THEN 400 Cannot send an empty message (50006)', async () => {
    const { status, body } = await post({ content: '   ' });
    expect(status).toBe(400);
    expect(body?.code).toBe(50006);
  });

  it('GIVEN no bot token WHEN posting THEN 401', async () => {
    expect((await call('POST', `/channels/${CHANNEL_ID}/messages`, { content: 'x' }, false)).status).toBe(
      401,
    );
  });

  it('GIVEN an interaction answered once WHEN answered again THEN 400 already acknowledged (40060)', async () => {
    const { record } = fake.command(alice, 'help');
    const path = `/interactions/${record.id}/${record.token}/callback`;
    expect((await call('POST', path, { type: 4, data: { content: 'one' } }, false)).status).toBe(204);
    const again = await call('POST', path, { type: 4, data: { content: 'two' } }, false);
    expect(again).toMatchObject({ status: 400, body: { code: 40060 } });
  });

  it('GIVEN no acknowledgement within the window WHEN answered late THEN 404 Unknown interaction (10062) and a rejection', async () => {
    fake.options.ackWindowMs = 30;
    const { record } = fake.command(alice, 'help');
    fake.options.ackWindowMs = 3000;
    await fake.waitFor(() => record.expired);
    const late = await call(
      'POST',
      `/interactions/${record.id}/${record.token}/callback`,
      { type: 5 },
      false,
    );
    expect(late).toMatchObject({ status: 404, body: { code: 10062 } });
    expect(
      fake.state.rejections.some((r) => r.method === 'ACK' && r.path === `interaction ${record.id}`),
    ).toBe(true);
  });

  it('GIVEN an autocomplete WHEN answered with 26 choices, or with a message THEN 400', async () => {
    const { record } = fake.autocomplete(alice, 'kubectl', { command: 'get' }, 'command');
    const path = `/interactions/${record.id}/${record.token}/callback`;
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` }));
    expect((await call('POST', path, { type: 8, data: { choices } }, false)).status).toBe(400);
    expect((await call('POST', path, { type: 4, data: { content: 'no' } }, false)).status).toBe(400);
    expect(
      (await call('POST', path, { type: 8, data: { choices: choices.slice(0, 25) } }, false)).status,
    ).toBe(204);
  });

  it('GIVEN a modal with a 46-character title or a 4,001-character box WHEN shown THEN 400', async () => {
    const input = { type: 4, custom_id: 'body', style: 2, max_length: 4000 };
    const modal = (title: string, box: object) => ({
      type: 9,
      data: { custom_id: 'm', title, components: [{ type: 18, label: 'Manifest', component: box }] },
    });
    const first = fake.command(alice, 'apply').record;
    const second = fake.command(alice, 'apply').record;
    const path = (r: typeof first) => `/interactions/${r.id}/${r.token}/callback`;
    expect((await call('POST', path(first), modal('t'.repeat(46), input), false)).status).toBe(400);
    expect((await call('POST', path(first), modal('ok', { ...input, max_length: 4001 }), false)).status).toBe(
      400,
    );
    expect((await call('POST', path(second), modal('ok', input), false)).status).toBe(204);
  });

  it('GIVEN a follow-up before any acknowledgement WHEN sent THEN 404 Unknown Webhook (10015)', async () => {
    const { record } = fake.command(alice, 'help');
    const early = await call('POST', `/webhooks/${APP_ID}/${record.token}`, { content: 'early' }, false);
    expect(early).toMatchObject({ status: 404, body: { code: 10015 } });
  });

  it('GIVEN an acknowledged interaction WHEN followed up or edited 15 minutes later THEN 401 Invalid Webhook Token (50027)', async () => {
    let now = 1_736_935_200_000;
    fake.state.clock = () => now;
    const { record } = fake.command(alice, 'help');
    const path = `/interactions/${record.id}/${record.token}/callback`;
    expect((await call('POST', path, { type: 5 }, false)).status).toBe(204);
    const webhook = `/webhooks/${APP_ID}/${record.token}`;
    now += 14 * 60_000;
    expect(
      (await call('POST', webhook, { content: 'in time', allowed_mentions: { parse: [] } }, false)).status,
    ).toBe(200);
    now += 2 * 60_000;
    const late = await call('POST', webhook, { content: 'late', allowed_mentions: { parse: [] } }, false);
    expect(late).toMatchObject({ status: 401, body: { code: 50027, message: 'Invalid Webhook Token' } });
    const edit = await call('PATCH', `${webhook}/messages/@original`, { content: 'late edit' }, false);
    expect(edit).toMatchObject({ status: 401, body: { code: 50027 } });
    fake.state.clock = () => Date.now();
    fake.state.rejections = fake.state.rejections.filter((r) => r.status !== 401);
  });

  it('GIVEN a command with a 101-character description WHEN registered THEN 400', async () => {
    const commands = [{ name: 'x', description: 'd'.repeat(101), type: 1 }];
    expect((await call('PUT', `/applications/${APP_ID}/commands`, commands)).status).toBe(400);
    expect(
      (await call('PUT', `/applications/${APP_ID}/commands`, [{ name: 'Bad Name', description: 'd' }]))
        .status,
    ).toBe(400);
  });
});

describe('fake Discord mention check', () => {
  it('GIVEN mentions in a message WHEN allowed_mentions is missing, partial or empty THEN exactly the pings Discord would send', () => {
    const content = '@everyone <@&123> <@42> <@!7>';
    expect(pings({ content })).toEqual(['@everyone', 'user 42', 'user 7', 'role 123']);
    expect(pings({ content, allowed_mentions: { parse: ['users'] } })).toEqual(['user 42', 'user 7']);
    expect(pings({ content, allowed_mentions: { parse: [], roles: ['123'] } })).toEqual(['role 123']);
    expect(pings({ content, allowed_mentions: { parse: [] } })).toEqual([]);
  });
});
