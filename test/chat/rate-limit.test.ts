import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/chat/rate-limit.ts';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

describe('per-member rate limit on chat platforms', () => {
  it('GIVEN a burst of 100 commands in one second WHEN sent from Discord THEN the excess gets a polite slow-down and changes nothing', () => {
    const t = testApp();
    const replies = Array.from({ length: 100 }, (_, i) => {
      t.advance(10);
      return t.send('spammer', `kubectl run p${i} --image=nginx`, 'discord');
    });
    const limited = replies.filter((r) => /too fast|wait/.test(replyText(r)));
    expect(limited.length).toBeGreaterThan(70);
    expect(limited.every((r) => !r.ok && r.visibility === 'private')).toBe(true);
    const created = replies.filter((r) => r.ok).length;
    const listed = replyText(t.send('spammer-friend', 'kubectl get po', 'discord'));
    expect(listed).toBe('No resources found in default namespace.');
    t.advance(30_000);
    const table = replyText(t.send('spammer', 'kubectl get po --no-headers', 'discord'));
    expect(table.split('\n')).toHaveLength(created);
  });

  it('GIVEN a limited member WHEN the window has passed THEN their next command works, and others were never limited', () => {
    const t = testApp();
    for (let i = 0; i < 60; i++) t.send('alice', 'kubectl get po', 'slack');
    expect(t.send('alice', 'kubectl get po', 'slack').ok).toBe(false);
    expect(t.send('bob', 'kubectl version', 'slack').ok).toBe(true);
    t.advance(2_000);
    expect(t.send('alice', 'kubectl version', 'slack').ok).toBe(true);
  });

  it('GIVEN the console WHEN a script sends 200 commands at once THEN none is limited', () => {
    const t = testApp();
    const replies = Array.from({ length: 200 }, () => t.send('me', 'kubectl version'));
    expect(replies.every((r) => r.ok)).toBe(true);
  });

  it('GIVEN a member whose command was stopped by its budget WHEN they send the next one THEN it waits, said in words, while a member who sent as many cheap ones does not', () => {
    const t = testApp();
    t.send('mallory', 'kubectl version', 'discord');
    t.send('bob', 'kubectl version', 'discord');
    t.app.limiter.charge('discord/test/mallory', 2000, true, t.clock.now);
    const slowed = t.send('mallory', 'kubectl version', 'discord');
    expect(slowed.ok).toBe(false);
    expect(replyText(slowed)).toMatch(/^Your recent commands were very expensive.*try again in \d+ s/);
    expect(t.send('bob', 'kubectl version', 'discord').ok).toBe(true);
    // The debt is paid by waiting, as any other: then mallory is served again.
    t.advance(30 * 500 + 1_000);
    expect(t.send('mallory', 'kubectl version', 'discord').ok).toBe(true);
  });

  it("GIVEN two members at the same pace WHEN one member's commands each run a second THEN that member is slowed first", () => {
    const limiter = new RateLimiter();
    let now = 0;
    let slowFirstLimited = -1;
    for (let i = 0; i < 40 && slowFirstLimited === -1; i++) {
      now += 1000;
      if (limiter.take('cheap', now) > 0) throw new Error('the cheap member was limited');
      if (limiter.take('slow', now) > 0) slowFirstLimited = i;
      else limiter.charge('slow', 1000, false, now);
    }
    expect(slowFirstLimited).toBeGreaterThan(0);
    expect(limiter.admit('slow', now).costly).toBe(true);
  });

  it('GIVEN quick commands WHEN charged by their cost THEN nothing extra is taken', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 20; i++) {
      expect(limiter.take('quick', 0)).toBe(0);
      limiter.charge('quick', 5, false, 0);
    }
    expect(limiter.take('quick', 0)).toBeGreaterThan(0);
    expect(limiter.admit('quick', 500).costly).toBe(false);
  });

  it('GIVEN more members active within one refill window than buckets are kept WHEN each sends THEN the buckets are walked a few times, not once a message, and nobody is handed a full bucket', () => {
    const limiter = new RateLimiter();
    // 25,000 members in the same instant: no bucket has refilled, so none can be forgotten.
    for (let i = 0; i < 25_000; i++) expect(limiter.take(`m${i}`, 0)).toBe(0);
    expect(limiter.scans).toBeLessThanOrEqual(2);
    // The first members are still limited as they were: 19 tokens left, then none.
    for (let k = 0; k < 19; k++) expect(limiter.take('m0', 0)).toBe(0);
    expect(limiter.take('m0', 0)).toBeGreaterThan(0);
    // Once they have all refilled, the next look forgets them.
    for (let i = 0; i < 60_000; i++) limiter.take(`late${i}`, 20_000);
    expect(limiter.scans).toBeLessThanOrEqual(4);
    expect(limiter.take('m1', 20_000)).toBe(0);
  });
});
