import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { currentQuestion, quizHarness } from './harness.ts';

describe('reveal when the question message is gone', () => {
  it('GIVEN the question message was deleted from the channel WHEN the question closes THEN the reveal is posted as its own message', async () => {
    const h = quizHarness({ timed: false });
    h.send('alice', '/quiz start selectors 2');
    await h.settle();
    const q = currentQuestion(h);
    h.send('alice', `/quiz answer ${q.ref} ${q.right}`);
    // A moderator deletes the question: the platform no longer knows its id.
    const question = h.posts.splice(0, 1)[0];
    expect(question).toBeDefined();
    h.send('alice', '/quiz next');
    await h.settle();
    const reveal = h.posts.find((p) => /: the answer is /.test(replyText(p.reply)));
    expect(reveal, 'a reveal was posted').toBeDefined();
    expect(reveal === undefined ? '' : replyText(reveal.reply)).toMatch(
      /^Question 1\/2: the answer is [\s\S]*• alice \+\d+ pts/,
    );
  });
});
