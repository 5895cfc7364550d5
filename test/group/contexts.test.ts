import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { READ_ONLY_VERBS } from '../../src/kubectl/context-flag.ts';
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

  it('GIVEN bob shared WHEN alice’s write is refused THEN the sentence names every verb that may look, each of which is let through, in en and ko', () => {
    const { send, say } = setup();
    send('bob', '/sandbox share on');
    const verbs = [...READ_ONLY_VERBS].join(', ');
    expect(verbs).toContain('api-resources');
    expect(say('alice', 'kubectl --context=bob delete po web')).toBe(
      `You can only look at bob’s sandbox (${verbs}): \`delete\` would change it. Nothing was changed.`,
    );
    for (const verb of READ_ONLY_VERBS)
      expect(say('alice', `kubectl --context=bob ${verb}`), verb).not.toMatch(/^You can only look/);
    send('alice', '/lang ko');
    expect(say('alice', 'kubectl --context=bob delete po web')).toContain(`보기만 할 수 있어요 (${verbs}).`);
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
        'CURRENT   NAME    CLUSTER        AUTHINFO   NAMESPACE',
        '*         alice   podium         alice      ',
        '          bob     podium-bob     alice      ',
        '          carol   podium-carol   alice      ',
      ].join('\n'),
    );
    expect(say('alice', 'kubectl config current-context')).toBe('alice');
    const missing = send('alice', 'kubectl config get-contexts nope');
    expect(missing.ok).toBe(false);
    expect(replyText(missing)).toBe(
      'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context nope not found',
    );
  });

  it('GIVEN bob shared WHEN alice runs kubectl config use-context bob THEN commands without --context read bob’s sandbox, writes are refused, and use-context alice goes back', () => {
    const { send, say, advance } = setup();
    send('bob', '/sandbox share on');
    advance(10_000);
    expect(say('alice', 'kubectl config use-context bob')).toBe('Switched to context "bob".');
    expect(say('alice', 'kubectl config current-context')).toBe('bob');
    expect(say('alice', 'kubectl config get-contexts')).toMatch(/^\*\s+bob\s+podium-bob\s+alice\s*$/m);
    expect(say('alice', 'kubectl get po -o name')).toBe('pod/web');
    const write = send('alice', 'kubectl delete po web');
    expect(write.ok).toBe(false);
    expect(replyText(write)).toMatch(
      /^You can only look at bob’s sandbox .*Nothing was changed\.\n\nYour current context is `bob` \(you chose it with `kubectl config use-context bob`\); `kubectl config use-context alice` takes you back to your own sandbox\.$/,
    );
    expect(replyText(send('alice', 'kubectl --context=bob delete po web'))).not.toContain('current context');
    expect(say('bob', 'kubectl get po -o name')).toBe('pod/web');
    // bob's own current context is his.
    expect(say('bob', 'kubectl config current-context')).toBe('bob');
    expect(say('alice', 'kubectl --context=alice get po -o name')).toBe('pod/mine');
    expect(say('alice', 'kubectl config use alice')).toBe('Switched to context "alice".');
    expect(say('alice', 'kubectl get po -o name')).toBe('pod/mine');
  });

  it('GIVEN alice uses bob’s context WHEN bob stops sharing THEN her commands are her own again', () => {
    const { send, say } = setup();
    send('bob', '/sandbox share on');
    say('alice', 'kubectl config use-context bob');
    send('bob', '/sandbox share off');
    expect(say('alice', 'kubectl config current-context')).toBe('alice');
    expect(say('alice', 'kubectl get po -o name')).toBe('pod/mine');
  });

  it('GIVEN an unknown context WHEN use-context THEN kubectl’s error and nothing changes', () => {
    const { send, say } = setup();
    const reply = send('alice', 'kubectl config use-context bob');
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toBe('error: no context exists with the name: "bob"');
    expect(say('alice', 'kubectl config current-context')).toBe('alice');
  });

  it('GIVEN the member’s kubeconfig WHEN config view THEN it is the file /sandbox kubeconfig hands out, secrets shortened; --raw says why the token still reads REDACTED', () => {
    const { send, say } = setup();
    send('bob', '/sandbox share on');
    say('alice', 'kubectl config set-context bob --namespace=kube-system');
    expect(say('alice', 'kubectl config view --minify --context=bob')).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    server: https://127.0.0.1:6443/shared/bob',
        '  name: podium-bob',
        'contexts:',
        '- context:',
        '    cluster: podium-bob',
        '    namespace: kube-system',
        '    user: alice',
        '  name: bob',
        'current-context: bob',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: alice',
        '  user:',
        '    token: REDACTED',
      ].join('\n'),
    );
    expect(say('alice', 'kubectl config get-clusters')).toBe('NAME\npodium\npodium-bob');
    expect(say('alice', 'kubectl config get-users')).toBe('NAME\nalice');
    const raw = send('alice', 'kubectl config view --raw -o jsonpath={.users[0].user.token}');
    expect(replyText(raw)).toBe(
      'REDACTED\n\nPodium keeps only a hash of your token, so it still reads `REDACTED` here: the token itself is in the file `/sandbox kubeconfig` gave you.',
    );
    const moved = send('alice', 'kubectl config set-context --current --cluster=podium-bob');
    expect(moved.ok).toBe(false);
    expect(replyText(moved)).toMatch(/^Each context in your kubeconfig is one sandbox/);
    expect(say('alice', 'kubectl config view -o jsonpath={.contexts[0].context.cluster}')).toBe('podium');
    const renamed = send('alice', 'kubectl config rename-context bob b');
    expect(renamed.ok).toBe(false);
    expect(replyText(renamed)).toMatch(
      /^`kubectl config rename-context` would write entries of its own into your kubeconfig/,
    );
  });
});
