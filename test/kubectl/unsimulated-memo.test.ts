import { describe, expect, it } from 'vitest';
import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { typesIn, unsimulatedTypesIn } from '../../src/kubectl/run-kubectl.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';

/**
 * The real types a command names that the sandbox does not simulate are kept per line (every
 * command asks): over more lines than are kept, each asked twice, the answer equals a fresh one.
 */
const LINES = [
  'get po',
  'get deploy',
  'get all',
  '-n kube-system get po,deploy,rs',
  'describe deploy/web svc/x',
  'logs deploy/web',
  'get po -l app=web',
  'get --bogus',
  'delete replicasets.apps x',
  'exec -it po/x -- sh',
  'wait --for=condition=Ready statefulset/db',
  'version',
];

describe('unsimulated types named by a command', () => {
  it('GIVEN 600 lines, each asked twice THEN every answer equals a fresh one', () => {
    let differences = 0;
    for (let i = 0; i < 600; i++) {
      const line = `${LINES[i % LINES.length]}${i % 3 === 0 ? ` n${i}` : ''}`;
      const tokens = tokenize(line);
      if (!tokens.ok) throw new Error(line);
      const fresh = JSON.stringify(typesIn(KUBECTL_VERBS, tokens.value));
      for (let k = 0; k < 2; k++) {
        const kept = unsimulatedTypesIn(KUBECTL_VERBS, tokens.value);
        if (JSON.stringify(kept) !== fresh) differences++;
        kept.push('changed by a caller');
      }
    }
    expect(differences).toBe(0);
    const tokens = tokenize('get deploy,po');
    if (!tokens.ok) throw new Error('tokens');
    expect(unsimulatedTypesIn(KUBECTL_VERBS, tokens.value)).toEqual(['deployments.apps']);
  });
});

describe('resource types resolved by their word', () => {
  it('GIVEN more words than are kept, each resolved twice THEN every answer is the one looked up afresh', async () => {
    const { RESOURCES, resolveResource, resolvedAfresh } = await import('../../src/kubectl/resources.ts');
    const words = RESOURCES.flatMap((r) => [
      r.type,
      r.singular,
      ...r.shortNames,
      `${r.type}.${r.group}`,
      r.kind,
    ]);
    let differences = 0;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 3000; i++) {
        const word = i % 3 === 0 ? `nope${i}` : (words[i % words.length] ?? '');
        if (resolveResource(word) !== resolvedAfresh(word)) differences++;
      }
    expect(differences).toBe(0);
  });
});

describe('lines that could name an unsimulated type', () => {
  it('GIVEN lines naming only pods, and lines naming other types or all THEN only the latter may, and no line the check rules out names one', async () => {
    const { mayNameUnsimulated } = await import('../../src/kubectl/run-kubectl.ts');
    const lines = [
      ...LINES,
      'get po pod7',
      'label po pod3 step=s1-300 --overwrite',
      'get events.events.k8s.io',
      'get Deployment',
      'get DEPLOYMENTS.apps/x',
      'get DEPLOY.apps/x',
      'get po,,svc',
      'get ev',
      'logs pod/x,deploy',
      'get x/deploy',
    ];
    let missed = 0;
    for (const line of lines) {
      const tokens = tokenize(line);
      if (!tokens.ok) throw new Error(line);
      if (!mayNameUnsimulated(tokens.value) && typesIn(KUBECTL_VERBS, tokens.value).length > 0) missed++;
    }
    expect(missed).toBe(0);
    const may = (line: string) => {
      const tokens = tokenize(line);
      if (!tokens.ok) throw new Error(line);
      return mayNameUnsimulated(tokens.value);
    };
    expect(may('get po pod7 -o yaml')).toBe(false);
    expect(may('label po pod3 step=s1-300 --overwrite')).toBe(false);
    expect(may('get svc,po -l app=web,env!=dev')).toBe(false);
    expect(may('get events.events.k8s.io')).toBe(true);
    expect(may('get DEPLOYMENTS.apps/x')).toBe(true);
    // Short names match exactly: `DEPLOY` is no type (kubectl 1.33: the server doesn't have a resource type "DEPLOY").
    expect(may('get DEPLOY.apps/x')).toBe(false);
    expect(may('get All')).toBe(true);
    expect(may('get po,rs')).toBe(true);
  });
});
