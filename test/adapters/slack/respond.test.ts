import { RespondError } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responder } from '../../../src/adapters/slack/respond.ts';
import { type FakeSlack, startFakeSlack } from './fake/fake-slack.ts';

/** The adapter's response_url client, against the fake's rules (JSON only, five uses). */
let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

describe('responding through a response_url', () => {
  it('GIVEN a response_url WHEN an ephemeral answer is sent THEN only that member sees it', async () => {
    const respond = responder(fake.responseUrl('C0STUDY', 'U0ALICE'));
    await respond({ response_type: 'ephemeral', text: 'Got it: B.' });
    expect(fake.state.posts.at(-1)).toMatchObject({
      via: 'response_url',
      ephemeral: true,
      user: 'U0ALICE',
      text: 'Got it: B.',
    });
    expect(fake.state.refused).toEqual([]);
  });

  it('GIVEN a response_url used five times WHEN a sixth answer is sent THEN it fails as Bolt’s respond does', async () => {
    const respond = responder(fake.responseUrl('C0STUDY', 'U0BOB'));
    for (let i = 0; i < 5; i++) await respond({ text: `answer ${i}` });
    const sixth = respond({ text: 'one too many' });
    await expect(sixth).rejects.toBeInstanceOf(RespondError);
    await expect(sixth).rejects.toMatchObject({ statusCode: 404 });
  });

  it('GIVEN nothing listens at the URL WHEN answering THEN the promise rejects instead of hanging', async () => {
    const respond = responder('http://127.0.0.1:9/response/R0000');
    await expect(respond({ text: 'lost' })).rejects.toThrow();
  });
});
