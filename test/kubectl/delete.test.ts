import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const IMMEDIATE =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

// Checked against kubectl v1.32 (DeleteOptions.Complete and Validate run before any request).
describe('kubectl delete --force and --grace-period', () => {
  it('GIVEN a pod WHEN delete --grace-period=0 --force THEN the immediate-deletion warning comes first', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.say('alice', 'kubectl delete po kubia --grace-period=0 --force')).toBe(
      `${IMMEDIATE}\npod "kubia" force deleted from default namespace`,
    );
  });

  it('GIVEN --force alone WHEN delete THEN it means a grace period of 0, with the same warning', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.say('alice', 'kubectl delete po kubia --force').split('\n')[0]).toBe(IMMEDIATE);
  });

  it('GIVEN --force with a positive grace period, or --now with one, WHEN delete THEN kubectl refuses', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.say('alice', 'kubectl delete po kubia --force --grace-period=5')).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together',
    );
    expect(t.say('alice', 'kubectl delete po kubia --now --grace-period=3')).toBe(
      'error: --now and --grace-period cannot be specified together',
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/kubia');
  });
});

describe('kubectl delete --ignore-not-found (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN names that do not exist WHEN --ignore-not-found THEN nothing is said and it succeeds; the others are deleted', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.send('alice', 'kubectl delete po nope --ignore-not-found').ok).toBe(true);
    expect(t.say('alice', 'kubectl delete po nope --ignore-not-found')).toBe('');
    expect(t.say('alice', 'kubectl delete ns nope --ignore-not-found -o name')).toBe('');
    expect(t.say('alice', 'kubectl delete po nope web --ignore-not-found -o name')).toBe('pod/web');
    expect(t.say('alice', 'kubectl delete po nope')).toBe(
      'Error from server (NotFound): pods "nope" not found',
    );
  });

  it('GIVEN a selector that matches nothing WHEN --ignore-not-found THEN kubectl still says it found none', () => {
    expect(testApp().say('alice', 'kubectl delete po -l x=y --ignore-not-found')).toBe('No resources found');
  });
});

describe('kubectl delete --cascade (kubectl 1.33 against Podium’s API door)', () => {
  const INVALID = (value: string) =>
    `error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`;
  const DEPRECATED = (value: string, meant: string) =>
    `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${meant}.`;

  it('GIVEN background, foreground, orphan or the flag alone WHEN delete THEN the pod is deleted as without it', () => {
    const t = testApp();
    for (const name of ['a', 'b', 'c', 'd']) t.say('alice', `kubectl run ${name} --image=nginx`);
    expect(t.say('alice', 'kubectl delete po a --cascade=orphan')).toBe(
      'pod "a" deleted from default namespace',
    );
    expect(t.say('alice', 'kubectl delete po b --cascade=foreground')).toBe(
      'pod "b" deleted from default namespace',
    );
    expect(t.say('alice', 'kubectl delete po c --cascade')).toBe('pod "c" deleted from default namespace');
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/d');
  });

  it('GIVEN the old boolean form WHEN delete THEN a warning names its replacement, before anything else, errors too', () => {
    const t = testApp();
    t.say('alice', 'kubectl run a --image=nginx');
    expect(t.say('alice', 'kubectl delete po a --cascade=false --dry-run=client')).toBe(
      `${DEPRECATED('false', 'orphan')}\npod "a" deleted from default namespace (dry run)`,
    );
    expect(t.say('alice', 'kubectl delete po a --cascade=1 --dry-run=client').split('\n')[0]).toBe(
      DEPRECATED('1', 'background'),
    );
    expect(t.say('alice', 'kubectl delete po nosuch --cascade=F')).toBe(
      `${DEPRECATED('F', 'orphan')}\nError from server (NotFound): pods "nosuch" not found`,
    );
    expect(t.say('alice', 'kubectl delete po a --cascade=False --dry-run=bogus')).toBe(
      `${DEPRECATED('False', 'orphan')}\nerror: Invalid dry-run value (bogus). Must be "none", "server", or "client".`,
    );
  });

  it('GIVEN any other value WHEN delete THEN kubectl refuses it before anything else, and nothing is deleted', () => {
    const t = testApp();
    t.say('alice', 'kubectl run a --image=nginx');
    expect(t.say('alice', 'kubectl delete po a --cascade=bogus --dry-run=bogus')).toBe(INVALID('bogus'));
    expect(t.say('alice', 'kubectl delete po a --cascade=Orphan')).toBe(INVALID('Orphan'));
    expect(t.say('alice', 'kubectl delete po a --cascade=')).toBe(INVALID(''));
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/a');
  });
});

describe('kubectl delete --field-selector (kubectl 1.33 against Podium’s API door)', () => {
  const withPods = () => {
    const t = testApp();
    for (const name of ['f1', 'f2']) t.say('alice', `kubectl run ${name} --image=nginx`);
    return t;
  };

  it('GIVEN pods WHEN delete --field-selector THEN the server’s field selection is deleted; an unsupported field is its BadRequest', () => {
    const t = withPods();
    expect(t.say('alice', 'kubectl delete po --field-selector=metadata.name=f1')).toBe(
      'pod "f1" deleted from default namespace',
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/f2');
    expect(t.say('alice', 'kubectl delete po --field-selector=metadata.name=nope')).toBe(
      'No resources found',
    );
    expect(t.say('alice', 'kubectl delete po --field-selector=spec.x=a')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.x=a": field label not supported: spec.x',
    );
    expect(
      t.say('alice', 'kubectl delete po --field-selector=metadata.name=f2 -l run=f1 --dry-run=client'),
    ).toBe('No resources found');
  });

  it.each([
    [
      'delete po f1 --field-selector=metadata.name=f1',
      'name cannot be provided when a selector is specified',
    ],
    ['get po f1 --field-selector=metadata.name=f1', 'name cannot be provided when a selector is specified'],
    [
      'get po/f1 --field-selector=metadata.name=f1',
      'selectors and the all flag cannot be used when passing resource/name arguments',
    ],
    [
      'delete po --field-selector=metadata.name=f1 --all',
      "setting 'all' parameter but found a non empty selector. ",
    ],
    // Validate counts what was typed, spaces and all, where the Builder trimmed it.
    ["delete po --field-selector=' ' --all", 'cannot set --all and --field-selector at the same time'],
    ["delete po -l ' ' --all", 'cannot set --all and --selector at the same time'],
  ])('GIVEN %s THEN kubectl refuses it and nothing is deleted', (line, message) => {
    const t = withPods();
    expect(t.say('alice', `kubectl ${line}`)).toBe(`error: ${message}`);
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/f1\npod/f2');
  });
});

describe('kubectl delete --timeout (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN a pod slower to stop than --timeout THEN it is deleted, kubectl gives up waiting, and it is still Terminating', () => {
    const t = testApp();
    t.say('alice', 'kubectl run s1 --image=busybox -- sleep 3600');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl delete po s1 --timeout=2s')).toBe(
      'pod "s1" deleted from default namespace\nerror: timed out waiting for the condition on pods/s1',
    );
    expect(t.say('alice', 'kubectl get po s1 --no-headers')).toMatch(/^s1\s+1\/1\s+Terminating\s/);
  });

  it('GIVEN a pod that stops in time, or a bad duration THEN as without it, or pflag’s refusal', () => {
    const t = testApp();
    t.say('alice', 'kubectl run s2 --image=nginx');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl delete po s2 --timeout=x')).toBe(
      'error: invalid argument "x" for "--timeout" flag: time: invalid duration "x"\nSee \'kubectl delete --help\' for usage.',
    );
    expect(t.say('alice', 'kubectl delete po s2 --timeout=10s')).toBe(
      'pod "s2" deleted from default namespace',
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('');
  });
});

describe('kubectl delete -i (kubectl 1.33 against Podium’s API door)', () => {
  const PROMPT = (names: string[]) =>
    `You are about to delete the following ${names.length} resource(s):\n${names.map((n) => `${n}\n`).join('')}Do you want to continue? (y/n): `;
  const answered = (line: string, answer: string) => `kubectl ${line}\n\`\`\`\n${answer}\n\`\`\``;

  it('GIVEN y or Y as the first word of standard input THEN the listed resources are deleted, after the question', () => {
    const t = testApp();
    for (const name of ['i1', 'i2', 'i3']) t.say('alice', `kubectl run ${name} --image=nginx`);
    expect(t.say('alice', answered('delete po i1 i2 -i', 'Y'))).toBe(
      `${PROMPT(['pod/i1', 'pod/i2'])}pod "i1" deleted from default namespace\npod "i2" deleted from default namespace`,
    );
    expect(t.say('alice', answered('delete po i3 --interactive -o name', '  y  more'))).toBe(
      `${PROMPT(['pod/i3'])}pod/i3`,
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('');
  });

  it('GIVEN no answer, or another one THEN the deletion is cancelled; names are listed whether they exist or not', () => {
    const t = testApp();
    t.say('alice', 'kubectl run i1 --image=nginx');
    expect(t.say('alice', 'kubectl delete po i1 -i')).toBe(`${PROMPT(['pod/i1'])}deletion is cancelled`);
    expect(t.say('alice', answered('delete po i1 nosuch -i', 'yes'))).toBe(
      `${PROMPT(['pod/i1', 'pod/nosuch'])}deletion is cancelled`,
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('pod/i1');
    expect(t.say('alice', answered('delete po -l run=nothing -i', 'y'))).toBe('No resources found');
  });
});
