import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

describe('looking at a teammate’s sandbox with kubectl --context', () => {
  const setup = () => {
    const t = testApp();
    t.send('bob', 'kubectl run web --image=nginx --labels=app=web');
    t.send('alice', 'kubectl run mine --image=nginx');
    return t;
  };

  it('GIVEN bob has not shared WHEN alice uses --context=bob THEN it is refused (never her own cluster) and nothing changes', () => {
    const { send } = setup();
    for (const line of [
      'kubectl --context=bob get po',
      'kubectl get po --context bob',
      'kubectl --context=nobody get po',
    ]) {
      const reply = send('alice', line);
      expect(reply.ok, line).toBe(false);
      const text = replyText(reply);
      expect(text).toMatch(
        /^Error in configuration: context was not found for specified context: (bob|nobody)\n\nNobody here called/,
      );
      expect(text).not.toContain('mine');
    }
  });

  it('GIVEN bob shared WHEN alice reads with --context=bob THEN get, describe, logs, -o yaml and explain show bob’s sandbox, and bob sees who looked', () => {
    const { send, say, advance } = setup();
    expect(say('bob', '/sandbox share on')).toMatch(/^Your sandbox is now shared/);
    advance(10_000);
    const pods = say('alice', 'kubectl --context=bob get po');
    expect(pods).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(pods).toContain('web');
    expect(pods).not.toContain('mine');
    expect(say('alice', 'kubectl get po web -o yaml --context=bob')).toContain('app: web');
    expect(say('alice', 'kubectl --context bob describe po web')).toMatch(/^Name:\s+web/);
    expect(send('alice', 'kubectl --context=bob logs web').ok).toBe(true);
    expect(say('alice', 'kubectl --context=bob explain pod.spec.nodeSelector')).toContain('nodeSelector');
    // alice's own context is her username; her own pods are where they were.
    expect(say('alice', 'kubectl --context=alice get po')).toContain('mine');
    advance(120_000);
    const status = say('bob', '/sandbox share');
    expect(status).toContain('Your sandbox is shared as `bob`');
    expect(status).toContain('• alice: `kubectl --context=bob get po` (2 min ago)');
  });

  it('GIVEN bob shared WHEN alice tries a write THEN it is refused with a clear message and bob’s sandbox is unchanged', () => {
    const { send, say } = setup();
    send('bob', '/sandbox share on');
    const before = say('bob', 'kubectl get po -o yaml');
    for (const line of [
      'kubectl --context=bob delete po web',
      'kubectl --context=bob run x --image=nginx',
      'kubectl --context=bob label po web a=b',
      'kubectl --context=bob delete po nope',
      'kubectl --context=bob exec web -- curl localhost',
      'kubectl --context=bob port-forward web 8080:80',
      'kubectl --context=bob wait --for=condition=Ready po/web',
    ]) {
      const reply = send('alice', line);
      expect(reply.ok, line).toBe(false);
      expect(replyText(reply), line).toMatch(/^You can only look at bob’s sandbox .*Nothing was changed\.$/);
    }
    expect(say('bob', 'kubectl get po -o yaml')).toBe(before);
    expect(say('bob', '/sandbox share')).toContain('Nobody has looked yet.');
  });

  it('GIVEN bob shares then stops WHEN alice looks THEN she is refused again', () => {
    const { send } = setup();
    send('bob', '/sandbox share on');
    expect(send('alice', 'kubectl --context=bob get po').ok).toBe(true);
    send('bob', '/sandbox share off');
    expect(send('alice', 'kubectl --context=bob get po').ok).toBe(false);
  });

  it('GIVEN shared sandboxes WHEN kubectl config get-contexts THEN one’s own is current and the shared ones are listed, as kubectl prints them', () => {
    const { send, say } = setup();
    send('bob', '/sandbox share on');
    send('carol', '/sandbox share on');
    expect(say('alice', 'kubectl config get-contexts')).toBe(
      [
        'CURRENT   NAME    CLUSTER   AUTHINFO   NAMESPACE',
        '*         alice   podium    alice      ',
        '          bob     podium    bob        ',
        '          carol   podium    carol      ',
      ].join('\n'),
    );
    expect(say('alice', 'kubectl config current-context')).toBe('alice');
    const missing = send('alice', 'kubectl config get-contexts nope');
    expect(missing.ok).toBe(false);
    expect(replyText(missing)).toBe(
      'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context nope not found',
    );
  });
});
