import { describe, expect, it } from 'vitest';
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
});
