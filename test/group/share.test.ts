import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

describe('private output with a Share button', () => {
  it('GIVEN kubectl output WHEN it is answered THEN it is private with a Share button that carries only an id, and sharing posts it publicly under the member’s name, once', () => {
    const { send } = testApp();
    const reply = send('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(reply.visibility).toBe('private');
    expect(replyText(reply)).toBe('pod/kubia created');
    expect(reply.choices).toEqual([
      { id: 'share', label: 'Share', action: expect.stringMatching(/^\/share \d+$/) },
    ]);
    expect(reply).not.toHaveProperty('shareable');
    const action = reply.choices[0]?.action ?? '';
    const shared = send('alice', action);
    expect(shared.visibility).toBe('public');
    expect(shared.choices).toEqual([]);
    expect(replyText(shared)).toBe('alice shared:\n\npod/kubia created');
    const again = send('alice', action);
    expect(again.ok).toBe(false);
    expect(replyText(again)).toBe('You already shared that output in the channel.');
  });

  it('GIVEN an error (rolled back) WHEN answered THEN it is private and shareable too', () => {
    const { send } = testApp();
    const reply = send('alice', 'kubectl get po nope');
    expect(reply.ok).toBe(false);
    expect(reply.visibility).toBe('private');
    const shared = send('alice', reply.choices[0]?.action ?? '');
    expect(replyText(shared)).toBe('alice shared:\n\nError from server (NotFound): pods "nope" not found');
  });

  it('GIVEN alice’s Share id WHEN bob sends it THEN nothing is posted', () => {
    const { send } = testApp();
    const reply = send('alice', 'curl localhost:8080');
    const stolen = send('bob', reply.choices[0]?.action ?? '');
    expect(stolen.ok).toBe(false);
    expect(stolen.visibility).toBe('private');
    expect(replyText(stolen)).toMatch(/^There is no output of yours to share/);
    expect(send('bob', '/share 999999').ok).toBe(false);
    expect(send('bob', '/share abc').ok).toBe(false);
  });

  it('GIVEN output kept a week WHEN its Share button is pressed THEN it is gone, and a day younger still shares', () => {
    const { send, advance } = testApp();
    const old = send('alice', 'kubectl get po').choices[0]?.action ?? '';
    advance(24 * 3600 * 1000);
    const younger = send('alice', 'kubectl get po').choices[0]?.action ?? '';
    advance(6 * 24 * 3600 * 1000 + 1);
    expect(replyText(send('alice', old))).toMatch(/^There is no output of yours to share/);
    expect(send('alice', younger).ok).toBe(true);
  });

  it('GIVEN a channel set to public output WHEN kubectl answers THEN the output is posted in the channel, with no Share button', () => {
    const { send } = testApp(':memory:', ['mia']);
    send('mia', '/settings output public');
    const reply = send('alice', 'kubectl get po');
    expect(reply.visibility).toBe('public');
    expect(reply.choices).toEqual([]);
  });

  it('GIVEN output with mentions and fences WHEN shared THEN the text is kept as it was (adapters keep it inert)', () => {
    const { send } = testApp();
    const reply = send('alice', 'kubectl get po @everyone');
    const shared = send('alice', reply.choices[0]?.action ?? '');
    expect(shared.blocks.slice(1)).toEqual(reply.blocks);
  });
});
