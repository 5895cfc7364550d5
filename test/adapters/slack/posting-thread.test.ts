import { createServer } from 'node:http';
import { RespondError } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postingThread } from '../../../src/adapters/slack/posting-thread.ts';
import { responder } from '../../../src/adapters/slack/respond.ts';

/**
 * A `response_url` request is made on the posting thread, not on the thread that acks Slack's
 * clicks: the server sees the request, the caller gets the answer, and a refusal is Bolt's
 * RespondError as before.
 */
let url = '';
const seen: string[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    seen.push(body);
    res.statusCode = req.url === '/expired' ? 404 : 200;
    res.end(req.url === '/expired' ? 'expired_url' : 'ok');
  });
});

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the posting thread', () => {
  it('GIVEN 50 answers at once THEN each reaches the response_url once, through the posting thread, which is running', async () => {
    const sends = Array.from({ length: 50 }, (_, i) => responder(`${url}/ok`)({ text: `answer ${i}` }));
    await Promise.all(sends);
    expect(seen.filter((b) => b.startsWith('{"text":"answer ')).length).toBe(50);
    expect(postingThread()).not.toBeNull();
  });

  it('GIVEN a response_url that answers 404 THEN the caller gets Bolt’s RespondError with the status', async () => {
    const refused = responder(`${url}/expired`)({ text: 'late' });
    await expect(refused).rejects.toBeInstanceOf(RespondError);
    await expect(refused).rejects.toThrow('Failed to respond to the response_url: 404 Not Found');
  });
});
