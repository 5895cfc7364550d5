import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * Flags kubectl takes with `-f` and lists that change nothing in chat, checked with kubectl 1.33
 * against Podium's API door: `-R` (chat's `-f` names files, never directories), `describe -f`,
 * `describe --chunk-size` and `api-resources --cached`. Each prints what the line without it prints.
 */
const manifest = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx`;
const withStdin = (line: string, name: string) => `${line}\n\`\`\`yaml\n${manifest(name)}\n\`\`\``;

describe('-R, describe -f, describe --chunk-size and api-resources --cached', () => {
  it('GIVEN -R or --recursive WHEN get, describe, wait, delete or create THEN the answer is the one without it', () => {
    const t = testApp();
    t.say('alice', withStdin('kubectl create -f - -R', 'web'));
    t.advance(60_000);
    for (const line of [
      'kubectl get po',
      'kubectl describe po web',
      'kubectl wait --for=condition=Ready po/web',
      'kubectl delete po web --dry-run=client',
    ])
      expect(t.say('alice', `${line} -R`), line).toBe(t.say('alice', line));
    expect(t.say('alice', withStdin('kubectl get -f - --recursive=false -o name', 'web'))).toBe('pod/web');
    expect(t.say('alice', withStdin('kubectl create -f - -R --dry-run=client', 'two'))).toBe(
      'pod/two created (dry run)',
    );
  });

  it('GIVEN a manifest WHEN describe -f THEN its objects are described as when named; a missing one is NotFound, and names with -f are refused', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    t.advance(60_000);
    expect(t.say('alice', withStdin('kubectl describe -f -', 'web'))).toBe(
      t.say('alice', 'kubectl describe po web'),
    );
    expect(t.say('alice', withStdin('kubectl describe -f -', 'nope'))).toBe(
      'Error from server (NotFound): pods "nope" not found',
    );
    expect(t.say('alice', withStdin('kubectl describe po web -f -', 'web'))).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  });

  it('GIVEN describe --chunk-size or api-resources --cached THEN the answer is the one without it; a bad size is pflag’s error', () => {
    const t = testApp();
    t.say('alice', 'kubectl run web --image=nginx');
    expect(t.say('alice', 'kubectl describe po --chunk-size=10')).toBe(t.say('alice', 'kubectl describe po'));
    expect(t.say('alice', 'kubectl describe po --chunk-size=x')).toBe(
      'error: invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl describe --help\' for usage.',
    );
    expect(t.say('alice', 'kubectl api-resources --cached --api-group=apps')).toBe(
      t.say('alice', 'kubectl api-resources --api-group=apps'),
    );
  });
});
