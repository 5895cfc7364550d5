import { writeFileSync } from 'node:fs';
import { startFakeSlack } from '../test/adapters/slack/fake/fake-slack.ts';
import type { Posted, StoredMessage } from '../test/adapters/slack/fake/state.ts';
import { clicks, startQuiz } from './b3-slack.ts';

/**
 * B3's fake Slack, in a process of its own (forked with an IPC channel): the Web API and
 * response_urls the server under test calls, the slash command that starts each question, and
 * the signed clicks for the load generator (built here, where the question message is). Its
 * handling of the server's confirmations costs the server's process nothing.
 */
export type FakeRequest =
  | { kind: 'quiz'; url: string; channel: string; topic: string }
  /** Writes the signed clicks to `file` for the clicker (b3-clicker.ts); answers how many. */
  | { kind: 'clicks'; question: StoredMessage; prefix: string; count: number; typed: string; file: string }
  | { kind: 'posts' }
  | { kind: 'confirmed'; channel: string; since: number }
  | { kind: 'close' };

export interface FakeInfo {
  apiUrl: string;
  botToken: string;
  botId: string;
  botUserId: string;
}

const fake = await startFakeSlack();
const send = (message: unknown) => process.send?.(message);

process.on('message', (request: FakeRequest & { id: number }) => {
  const answer = (value: unknown) => send({ id: request.id, value });
  switch (request.kind) {
    case 'quiz':
      void startQuiz(fake, request.url, { id: 'U0HOST', name: 'host' }, request.channel, request.topic).then(
        answer,
        (e) => send({ id: request.id, error: String(e) }),
      );
      return;
    case 'clicks': {
      const built = clicks(fake, request.question, request.prefix, request.count, request.typed);
      writeFileSync(request.file, JSON.stringify(built));
      answer(built.length);
      return;
    }
    case 'posts':
      answer(fake.state.posts.length);
      return;
    case 'confirmed': {
      const posts: Posted[] = fake.state.posts;
      let confirmed = 0;
      for (let i = request.since; i < posts.length; i++) {
        const p = posts[i];
        if (p?.channel === request.channel && p.via === 'response_url' && p.text.startsWith('Got it'))
          confirmed++;
      }
      answer(confirmed);
      return;
    }
    case 'close':
      void fake.close().then(() => {
        answer(null);
        process.disconnect?.();
      });
      return;
  }
});

send({
  ready: {
    apiUrl: fake.apiUrl,
    botToken: fake.state.botToken,
    botId: fake.state.bot.botId,
    botUserId: fake.state.bot.userId,
  } satisfies FakeInfo,
});
