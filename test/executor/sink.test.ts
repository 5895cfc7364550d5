import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import { takes } from '../../src/adapters/slack/confirmations.ts';
import { responseBodies } from '../../src/adapters/slack/response-body.ts';
import { RESPONSE_URL_SINK, SLACK_SINKS } from '../../src/adapters/slack/sinks.ts';
import { textReply } from '../../src/chat/reply.ts';
import type { Request } from '../../src/chat/request.ts';
import { inProcessExecutor } from '../../src/executor/executor.ts';
import { type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import type { TimedRequest } from '../../src/quiz/answer-batch.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * Reply sinks: a worker posts the replies to a batch of quiz answers itself, to the address each
 * came with, exactly as the platform thread would have; what has no address, or what the sink
 * does not take, comes back.
 */
const request = (user: string, text: string): Request => ({
  platform: 'slack',
  scope: 'T1',
  channel: 'C1',
  user,
  userName: user,
  text,
  attachments: [],
});

describe('reply sinks', () => {
  let t: TestApp;
  let pool: WorkerPool;
  let server: Server;
  let base = '';
  const posted: { path: string; body: unknown }[] = [];
  let status = 200;

  beforeAll(async () => {
    const dbPath = tempDbPath('podium-sink-');
    t = testApp(dbPath);
    pool = workerPool(t.app, { dbPath, workers: 1, spare: false, sinks: SLACK_SINKS });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += String(chunk);
      });
      req.on('end', () => {
        posted.push({ path: req.url ?? '', body: JSON.parse(body) });
        res.statusCode = status;
        res.end(status === 200 ? 'ok' : 'expired_url');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (count: number) => {
    for (let i = 0; i < 200 && posted.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('GIVEN a batch of answers, two with a response_url WHEN the pool runs it THEN the worker posts those two replies there, each as respondWith renders it, and only the third comes back', async () => {
    const at = t.clock.now;
    const items: TimedRequest[] = [
      {
        request: request('U1', '/quiz answer a'),
        at,
        replyTo: { sink: RESPONSE_URL_SINK, address: `${base}/one` },
      },
      {
        request: request('U2', '/quiz answer b'),
        at,
        replyTo: { sink: RESPONSE_URL_SINK, address: `${base}/two` },
      },
      { request: request('U3', '/quiz answer c'), at },
    ];
    const before = pool.repliesSent();
    const answered = await pool.runBatch('answers/slack/T1/C1', items);
    expect(answered.map((a) => a.sent === true)).toEqual([true, true, false]);
    expect(pool.repliesSent() - before).toBe(2);
    await until(2);
    // What the platform thread would have sent: the same batch in process, rendered by respondWith's bodies.
    const expected = await inProcessExecutor(t.app, CHAT_COMMANDS, KUBECTL_VERBS).runBatch(
      'answers/slack/T1/C1',
      items,
    );
    const bodies = (i: number) =>
      responseBodies(expected[i]?.reply ?? textReply('', false, 'private'), {
        lang: expected[i]?.lang ?? 'en',
        now: at,
      });
    expect(bodies(0).length).toBeGreaterThan(0);
    expect(posted.map((p) => p.path).sort()).toEqual(['/one', '/two']);
    expect(posted.find((p) => p.path === '/one')?.body).toEqual(bodies(0)[0]);
    expect(posted.find((p) => p.path === '/two')?.body).toEqual(bodies(1)[0]);
    // The one without an address came back whole, to be answered by the platform thread.
    expect(answered[2]?.reply).toEqual(expected[2]?.reply);
  });

  it('GIVEN a response_url that refuses WHEN the worker posts to it THEN the refusal is logged with an id and the next batch is still served', async () => {
    status = 404;
    const at = t.clock.now;
    const count = posted.length;
    const refused = await pool.runBatch('answers/slack/T1/C1', [
      {
        request: request('U4', '/quiz answer a'),
        at,
        replyTo: { sink: RESPONSE_URL_SINK, address: `${base}/gone` },
      },
    ]);
    expect(refused[0]?.sent).toBe(true);
    await until(count + 1);
    status = 200;
    // The worker's log lines come back with its next answer.
    const logged = () => t.logs.find((line) => line.includes('a quiz confirmation was not posted'));
    for (let i = 0; i < 50 && logged() === undefined; i++) {
      const next = await pool.runBatch('answers/slack/T1/C1', [
        { request: request('U5', '/quiz answer a'), at },
      ]);
      expect(next[0]?.sent).toBeUndefined();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(logged()).toMatch(/404 Not Found.*"errorId":"[0-9a-f]{8}"/);
  });

  it('GIVEN Slack’s sink THEN it takes a private reply without files, and leaves a public one or one with files to the platform thread', () => {
    expect(takes(textReply('Got it', false, 'private'))).toBe(true);
    expect(takes(textReply('Question 1', false, 'public'))).toBe(false);
    expect(
      takes({ ...textReply('output', false, 'private'), files: [{ name: 'a.txt', content: 'x' }] } as never),
    ).toBe(false);
  });
});
