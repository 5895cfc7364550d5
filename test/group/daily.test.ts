import { describe, expect, it } from 'vitest';
import type { MessageRef, Outbox } from '../../src/chat/outbox.ts';
import { replyText } from '../../src/chat/reply.ts';
import { createDailyRunner } from '../../src/group/daily.ts';
import { localDay } from '../../src/group/local-time.ts';
import { testApp } from '../helpers/app.ts';

/** 2025-01-15 08:59 in Seoul (UTC+9) is 23:59 UTC the day before. */
const SEOUL_0859 = Date.UTC(2025, 0, 14, 23, 59);
const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(dbPath = ':memory:') {
  const t = testApp(dbPath, ['mia']);
  t.clock.now = SEOUL_0859 - HOUR;
  const posts: string[] = [];
  const outbox: Outbox = {
    async post(channel, reply): Promise<MessageRef> {
      posts.push(replyText(reply));
      return { ...channel, id: String(posts.length) };
    },
    async edit() {},
  };
  const runner = () => {
    const { app } = t;
    const r = createDailyRunner(
      {
        daily: app.group.daily,
        settings: app.group.settings,
        channels: app.channels,
        progress: app.group.progress,
        catalog: app.quiz.catalog,
        clock: app.clock,
        log: app.log,
        transaction: (run) => app.db.transaction(run)(),
        defaultLang: 'en',
      },
      null,
    );
    r.attach('console', outbox);
    return r;
  };
  return { t, posts, runner };
}

describe('the daily question', () => {
  it('GIVEN daily on (09:00 Asia/Seoul by default) WHEN the clock passes 09:00 THEN one question is posted, once, and not again after a restart at 09:01', async () => {
    const { t, posts, runner } = setup();
    expect(t.say('mia', '/settings daily on')).toBe('Setting `daily` of this channel is now `on`.');
    const bot = runner();
    t.clock.now = SEOUL_0859;
    await bot.tick();
    expect(posts).toHaveLength(0);
    t.clock.now = SEOUL_0859 + MIN;
    await bot.tick();
    await bot.tick();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/^☀️ Question of the day\n/);
    // The bot restarts at 09:01: a new runner, the same database.
    const again = runner();
    t.clock.now = SEOUL_0859 + 2 * MIN;
    await again.tick();
    expect(posts).toHaveLength(1);
    // The next day at 09:00 the next one comes, a different question.
    t.clock.now = SEOUL_0859 + MIN + 24 * HOUR;
    await again.tick();
    expect(posts).toHaveLength(2);
    expect(posts[1]).not.toBe(posts[0]);
  });

  it('GIVEN the bot was down from 08:00 to 11:00 (and over two more 09:00s) WHEN it comes back THEN exactly one post is made up', async () => {
    const { t, posts, runner } = setup();
    t.send('mia', '/settings daily on');
    t.clock.now = SEOUL_0859 + 2 * HOUR + 48 * HOUR;
    const bot = runner();
    await bot.tick();
    await bot.tick();
    expect(posts).toHaveLength(1);
    t.clock.now += HOUR;
    await bot.tick();
    expect(posts).toHaveLength(1);
  });

  it('GIVEN answers at 23:59 and 00:01 Seoul time WHEN the streak is counted THEN those are two local days (the same UTC day)', async () => {
    const { t, posts, runner } = setup();
    t.send('mia', '/settings daily on');
    const bot = runner();
    t.clock.now = SEOUL_0859 + MIN;
    await bot.tick();
    expect(posts).toHaveLength(1);
    const post = t.app.db.prepare('SELECT id, question_id FROM daily_posts').get() as {
      id: number;
      question_id: string;
    };
    const question = t.app.quiz.catalog().question(post.question_id);
    if (question === null) throw new Error('no question');
    const answer = question.kind === 'truefalse' ? 'T' : question.kind === 'selector' ? question.sample : 'A';
    // 23:59 in Seoul on the 15th is 14:59 UTC; 00:01 on the 16th is 15:01 UTC, the same UTC day.
    const before = Date.UTC(2025, 0, 15, 14, 59);
    t.clock.now = before;
    expect(localDay(before, 'Asia/Seoul')).toBe('2025-01-15');
    expect(t.say('alice', `/daily answer ${post.id} ${answer}`)).toContain('Your daily streak: 1 day.');
    expect(t.send('alice', `/daily answer ${post.id} ${answer}`).ok).toBe(false);
    t.clock.now = before + 2 * MIN;
    await bot.tick();
    expect(posts).toHaveLength(1);
    // Next day's post is at 09:00 on the 16th; alice answers the 15th's question at 00:01 instead.
    t.app.db
      .prepare(
        "INSERT INTO daily_posts (platform, scope, channel, day, question_id, posted_at) VALUES ('console', 'test', 'general', '2025-01-14', ?, 0)",
      )
      .run(post.question_id);
    const old = (
      t.app.db.prepare("SELECT id FROM daily_posts WHERE day = '2025-01-14'").get() as { id: number }
    ).id;
    expect(t.say('alice', `/daily answer ${old} ${answer}`)).toContain('Your daily streak: 2 days.');
    expect(t.say('alice', '/progress')).toContain('Daily question streak: 2 days');
    expect(t.say('bob', '/progress')).toContain('Daily question streak: 0 days');
  });
});
