import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

/**
 * Did you mean: kubectl's own error stays, and one line after it gives the command with the
 * misspelt words put right. The misspellings the issue lists come first, then our own.
 */
const MISSPELT: readonly (readonly [typed: string, meant: string])[] = [
  // the program name (no kubectl error: the line replaces "I did not understand")
  ['kubeclt run kubia --image=luksa/kubia --port=8080', 'kubectl run kubia --image=luksa/kubia --port=8080'],
  ['kubect get po', 'kubectl get po'],
  ['Kubectl get po', 'kubectl get po'],
  ['kubctl get po', 'kubectl get po'],
  // resource types, flags, -o values
  ['kubectl get pdos', 'kubectl get pods'],
  ['kubectl get nodess', 'kubectl get nodes'],
  ['kubectl get po --show-lables', 'kubectl get po --show-labels'],
  ['kubectl get po --namspace kube-system', 'kubectl get po --namespace kube-system'],
  ['kubectl get po -o wdie', 'kubectl get po -o wide'],
  ['kubectl get po -o yml', 'kubectl get po -o yaml'],
  // twenty more of our own
  ['kubect1 get po', 'kubectl get po'],
  ['KUBECTL get po', 'kubectl get po'],
  ['kubeclt get pdos -o wdie', 'kubectl get pods -o wide'],
  ['kubectl get pos', 'kubectl get pods'],
  ['kubectl get ndoes', 'kubectl get nodes'],
  ['kubectl get namespcaes', 'kubectl get namespaces'],
  ['kubectl describe pdo kubia', 'kubectl describe po kubia'],
  ['kubectl get po -o jsno', 'kubectl get po -o json'],
  ['kubectl get po -o=wdie', 'kubectl get po -o=wide'],
  ['kubectl get po --output yml', 'kubectl get po --output yaml'],
  ['kubectl get po --show-label', 'kubectl get po --show-labels'],
  ['kubectl get po --all-namespace', 'kubectl get po --all-namespaces'],
  ['kubectl get po --selecter app=kubia', 'kubectl get po --selector app=kubia'],
  ['kubectl label po kubia env=prod --overwite', 'kubectl label po kubia env=prod --overwrite'],
  ['kubectl delete po --al', 'kubectl delete po --all'],
  ['kubectl logs kubia --previus', 'kubectl logs kubia --previous'],
  ['kubectl exec kubia --containr x -- ls', 'kubectl exec kubia --container x -- ls'],
  ['kubectl run kubia --imgae=luksa/kubia', 'kubectl run kubia --image=luksa/kubia'],
  [
    'kubectl port-forward kubia 8888:8080 --adress 0.0.0.0',
    'kubectl port-forward kubia 8888:8080 --address 0.0.0.0',
  ],
  ['kubectl dscrbie po kubia', 'kubectl describe po kubia'],
  ["kubectl get pdos -l 'env in (prod,dev)'", "kubectl get pods -l 'env in (prod,dev)'"],
  ['kubectl events --for pod/kubia -o ymal', 'kubectl events --for pod/kubia -o yaml'],
  ['kubectl events --typse=Warning', 'kubectl events --types=Warning'],
];

describe('did you mean', () => {
  it.each(MISSPELT)('GIVEN %s THEN kubectl’s error stays and the guide suggests %s', (typed, meant) => {
    const t = testApp(':memory:', [], { guide: true });
    const reply = t.send('learner', typed);
    expect(reply.ok).toBe(false);
    expect(reply.blocks.at(-1)).toEqual({ kind: 'text', text: `💡 Did you mean \`${meant}\`?` });
    if (typed.startsWith('kubectl ')) {
      expect(reply.blocks[0]?.kind).toBe('code');
      expect(reply.blocks[0]?.text).toMatch(/^error: /);
    }
  });

  it('GIVEN kubectl explain pdos THEN kubectl’s line (which explain prints without `error:`) stays and the guide suggests kubectl explain pods', () => {
    const reply = testApp(':memory:', [], { guide: true }).send('learner', 'kubectl explain pdos');
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]?.text).toBe('the server doesn\'t have a resource type "pdos"');
    expect(reply.blocks.at(-1)).toEqual({ kind: 'text', text: '💡 Did you mean `kubectl explain pods`?' });
  });

  it('GIVEN a verb cobra already suggests THEN kubectl’s "Did you mean this?" is the only suggestion', () => {
    const text = testApp(':memory:', [], { guide: true }).say('learner', 'kubectl gett po');
    expect(text).toContain('Did you mean this?\n\tget');
    expect(text).not.toContain('💡');
  });

  it('GIVEN -o wdie on a verb that prints no tables (events) THEN wide, which it refuses, is not suggested', () => {
    const t = testApp(':memory:', [], { guide: true });
    expect(t.say('learner', 'kubectl events -o wdie')).not.toContain('💡');
    expect(t.send('learner', 'kubectl events -oymal').blocks.at(-1)?.text).toBe(
      '💡 Did you mean `kubectl events -oyaml`?',
    );
  });

  it('GIVEN Korean THEN the suggestion is in Korean', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.send('learner', '/lang ko');
    expect(t.send('learner', 'kubectl get pdos').blocks.at(-1)?.text).toBe(
      '💡 `kubectl get pods`를 입력하려고 하셨나요?',
    );
  });

  it('GIVEN correctly spelt commands THEN none gets a did-you-mean line', () => {
    const t = testApp(':memory:', [], { guide: true });
    const lines = [
      'kubectl run kubia --image=luksa/kubia --port=8080',
      'kubectl get pods',
      'kubectl get po',
      'kubectl get pod kubia',
      'kubectl get nodes --show-labels',
      'kubectl get ns',
      'kubectl get po -o wide',
      'kubectl get po -o yaml',
      'kubectl get po --namespace kube-system',
      'kubectl get po -A',
      'kubectl get po -L env',
      'kubectl label po kubia env=prod',
      'kubectl label po kubia env=dev --overwrite',
      'kubectl describe po kubia',
      'kubectl logs kubia',
      'kubectl get po nope',
      'kubectl delete po --all',
      'k get po',
    ];
    for (const line of lines) {
      t.advance(10_000);
      expect(replyText(t.send('learner', line)), line).not.toContain('Did you mean');
    }
  });
});
