import type { AddressInfo } from 'node:net';
import { App as Bolt, HTTPReceiver } from '@slack/bolt';
import { boltLogger, levelOf } from '../src/adapters/slack/bolt-logger.ts';
import { ACTION_IDS } from '../src/adapters/slack/choices.ts';
import type { App } from '../src/chat/context.ts';
import type { FakeSlack } from '../test/adapters/slack/fake/fake-slack.ts';
import {
  blockActions,
  type Clicked,
  form,
  interactiveForm,
  type Member,
  postSigned,
  SIGNING_SECRET,
  signature,
  slashCommand,
} from '../test/adapters/slack/fake/payloads.ts';
import type { StoredMessage } from '../test/adapters/slack/fake/state.ts';
import type { Burst } from './b3-clicker.ts';
import type { FakeInfo } from './b3-fake-slack.ts';

/** B3's Slack side: the bare Bolt app, starting a live quiz, the signed clicks, the final count. */

/** Bolt with the same receiver, signing and logger as the adapter, whose only work is the ack. */
export async function startBare(fake: FakeInfo, app: App): Promise<{ bolt: Bolt; url: string }> {
  const logger = boltLogger(app.log);
  const bolt = new Bolt({
    token: fake.botToken,
    tokenVerificationEnabled: false,
    botId: fake.botId,
    botUserId: fake.botUserId,
    receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger }),
    logger,
    logLevel: levelOf(app.log.level),
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  bolt.action({ action_id: ACTION_IDS.choice }, async ({ ack }) => ack());
  bolt.action({ action_id: ACTION_IDS.submit }, async ({ ack }) => ack());
  bolt.command('/quiz', async ({ ack }) => ack());
  const server = await bolt.start({ port: 0, host: '127.0.0.1' });
  return { bolt, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

/**
 * `/quiz start TOPIC 1 60` by `host` as a signed slash command; resolves with the question posted
 * (with buttons, checkboxes, or none for a question answered in words).
 */
export async function startQuiz(
  fake: FakeSlack,
  url: string,
  host: Member,
  channel: string,
  topic: string,
): Promise<StoredMessage> {
  const since = fake.state.posts.length;
  const res = await postSigned(url, form(slashCommand(fake, host, channel, '/quiz', `start ${topic} 1 60`)));
  if (res.status !== 200) throw new Error(`/quiz start was answered ${res.status}`);
  const posted = await fake.waitFor(
    (p) => p.via === 'chat.postMessage' && p.channel === channel && p.text.startsWith('Question 1/1'),
    since,
  );
  const message = fake.state.messages.get(posted.ts ?? '');
  if (message === undefined) throw new Error('the question is not a channel message');
  return message;
}

interface Element {
  type: string;
  action_id: string;
  block_id: string;
  value?: string;
  options?: unknown[];
}

function elementsOf(message: { blocks: unknown[] }): Element[] {
  return message.blocks.flatMap((b) => {
    const block = b as { type: string; block_id: string; elements?: Omit<Element, 'block_id'>[] };
    return block.type === 'actions'
      ? (block.elements ?? []).map((e) => ({ ...e, block_id: block.block_id }))
      : [];
  });
}

/**
 * One signed click per member (`PREFIX000123`), built before the burst so the clock measures
 * only the POSTs: the answer buttons in turn, or (a multiple-choice question) the first
 * checkbox and Submit, or (a selector or command question, which has no buttons) `/quiz answer
 * TYPED` in the channel.
 */
export function clicks(
  fake: FakeSlack,
  question: StoredMessage,
  prefix: string,
  count: number,
  typed: string,
): Burst['requests'] {
  const elements = elementsOf(question);
  const buttons = elements.filter((e) => e.type === 'button' && ACTION_IDS.choice.test(e.action_id));
  const picker = elements.find((e) => e.action_id === ACTION_IDS.pick);
  const submit = elements.find((e) => e.action_id === ACTION_IDS.submit);
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const member = { id: `${prefix}${String(i).padStart(6, '0')}`, name: `member${i}` };
    let action: Clicked;
    let values: Record<string, Record<string, unknown>> = {};
    const button = buttons[i % Math.max(1, buttons.length)];
    if (button !== undefined) {
      const { action_id, block_id, value } = button;
      action = { action_id, block_id, ...(value === undefined ? {} : { value }) };
    } else if (picker !== undefined && submit !== undefined) {
      action = { action_id: submit.action_id, block_id: submit.block_id, value: 'submit' };
      const first = picker.options?.[0];
      values = { [picker.block_id]: { [ACTION_IDS.pick]: { type: picker.type, selected_options: [first] } } };
    } else {
      // A selector or command question is answered in words: `/quiz answer TYPED` in the channel.
      return signed(
        form(slashCommand(fake, member, question.channel, '/quiz', `answer ${typed}`)),
        timestamp,
      );
    }
    return signed(interactiveForm(blockActions(fake, member, question, action, values)), timestamp);
  });
}

function signed(body: string, timestamp: number): Burst['requests'][number] {
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(SIGNING_SECRET, timestamp, body),
    },
  };
}

/**
 * Waits (up to 30 s) until the channel's question has `expected` answers stored in
 * quiz_live_answers and as many private confirmations at the fake; returns both counts.
 */
export async function settled(
  confirmedAt: () => Promise<number>,
  app: App,
  channel: string,
  expected: number,
) {
  const count = app.db.prepare(
    `SELECT count(*) AS n FROM quiz_live_answers a JOIN quiz_sessions s ON s.id = a.session_id
     WHERE s.platform = 'slack' AND s.channel = ? AND a.idx = 0`,
  );
  const recorded = () => (count.get(channel) as { n: number }).n;
  const deadline = Date.now() + 30_000;
  let confirmed = 0;
  for (;;) {
    confirmed = await confirmedAt();
    if ((confirmed >= expected && recorded() >= expected) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await app.quiz.runner.idle();
  return { recorded: recorded(), confirmed };
}
