import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

/** `kubectl config set-context --namespace`: the namespace a context's commands act in without -n. */
describe('kubectl config set-context --current --namespace', () => {
  const inDev = () => {
    const t = testApp();
    t.say('alice', 'kubectl create ns dev');
    expect(t.say('alice', 'kubectl config set-context --current --namespace=dev')).toBe(
      'Context "alice" modified.',
    );
    return t;
  };

  it('GIVEN the context names dev THEN commands without -n act in dev, -n still wins, and get-contexts shows it', () => {
    const { say } = inDev();
    expect(say('alice', 'kubectl config get-contexts')).toBe(
      'CURRENT   NAME    CLUSTER   AUTHINFO   NAMESPACE\n*         alice   podium    alice      dev',
    );
    expect(say('alice', 'kubectl run web --image=nginx')).toBe('pod/web created');
    expect(say('alice', 'kubectl get po -n dev -o name')).toBe('pod/web');
    expect(say('alice', 'kubectl get po -o name')).toBe('pod/web');
    expect(say('alice', 'kubectl get po -n default')).toBe('No resources found in default namespace.');
    expect(say('alice', 'kubectl label po web app=web')).toBe('pod/web labeled');
    expect(say('alice', 'kubectl get po -l app=web -o jsonpath={.items[0].metadata.namespace}')).toBe('dev');
  });

  it('GIVEN the context names dev WHEN a manifest names default THEN it goes to default, unrefused (only -n is enforced)', () => {
    const { say } = inDev();
    const manifest = (ns: string) =>
      `kubectl create -f -\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: m\n${ns}spec:\n  containers:\n  - name: c\n    image: nginx\n\`\`\``;
    expect(say('alice', manifest('  namespace: default\n'))).toBe('pod/m created');
    expect(say('alice', 'kubectl get po m -n default -o name')).toBe('pod/m');
    expect(say('alice', manifest(''))).toBe('pod/m created');
    expect(say('alice', 'kubectl get po m -o jsonpath={.metadata.namespace}')).toBe('dev');
    expect(
      say(
        'alice',
        `${manifest('  namespace: default\n').replace('create -f -', 'create -n kube-public -f -')}`,
      ),
    ).toMatch(
      /^error: the namespace from the provided object "default" does not match the namespace "kube-public"/,
    );
  });

  it('GIVEN the namespace is cleared THEN default applies again; it is alice’s own, not bob’s', () => {
    const { say } = inDev();
    expect(say('bob', 'kubectl config get-contexts')).toMatch(/^\*\s+bob\s+podium\s+bob\s*$/m);
    expect(say('bob', 'kubectl run b --image=nginx')).toBe('pod/b created');
    expect(say('bob', 'kubectl get po b -o jsonpath={.metadata.namespace}')).toBe('default');
    expect(say('alice', 'kubectl config set-context alice --namespace=')).toBe('Context "alice" modified.');
    expect(say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });

  it('GIVEN a namespace that cannot be a path segment THEN a list prints the error as it is, a named get with error:', () => {
    const { say } = inDev();
    say('alice', 'kubectl config set-context --current --namespace=../x');
    expect(say('alice', 'kubectl get po')).toBe('invalid namespace "../x": [may not contain \'/\']');
    expect(say('alice', 'kubectl get po web')).toBe(
      'error: invalid namespace "../x": [may not contain \'/\']',
    );
    expect(say('alice', 'kubectl get po -A -o name')).toContain('pod/etcd-controlplane');
  });

  it.each([
    ['kubectl config set-context', 'error: you must specify a non-empty context name or --current'],
    [
      'kubectl config set-context alice --current --namespace=x',
      'error: you cannot specify both a context name and --current',
    ],
    [
      'kubectl config set-context --current -n x',
      "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.",
    ],
    [
      'kubectl config set-context --current --ns=x',
      "error: unknown flag: --ns\nSee 'kubectl config set-context --help' for usage.",
    ],
    [
      'kubectl config set-context --current --namespace',
      "error: flag needs an argument: --namespace\nSee 'kubectl config set-context --help' for usage.",
    ],
  ])('GIVEN %s THEN kubectl’s error, and nothing is set', (line, error) => {
    const t = testApp();
    const reply = t.send('alice', line);
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toBe(error);
    expect(t.say('alice', 'kubectl config get-contexts')).toMatch(/^\*\s+alice\s+podium\s+alice\s*$/m);
  });

  it('GIVEN two names THEN cobra’s help, then the error', () => {
    const text = replyText(testApp().send('alice', 'kubectl config set-context a b --namespace=x'));
    expect(text).toMatch(/^Set a context entry in kubeconfig\.\n/);
    expect(text).toMatch(/\nerror: Unexpected args: \[a b\]$/);
  });

  it('GIVEN a context nobody shared THEN it is not made (contexts are sandboxes), and the member is told why', () => {
    const reply = testApp().send('alice', 'kubectl config set-context nope --namespace=x');
    expect(reply.ok).toBe(false);
    expect(replyText(reply)).toMatch(
      /context was not found for specified context: nope\n\nNobody here called `nope`/,
    );
  });

  it('GIVEN bob shared WHEN alice sets a namespace on his context THEN her looks at his sandbox use it', () => {
    const t = testApp();
    t.say('bob', 'kubectl create ns team');
    t.say('bob', 'kubectl run web -n team --image=nginx');
    t.say('bob', '/sandbox share on');
    expect(t.say('alice', 'kubectl config set-context bob --namespace=team')).toBe('Context "bob" modified.');
    expect(t.say('alice', 'kubectl --context=bob get po -o name')).toBe('pod/web');
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
  });
});
