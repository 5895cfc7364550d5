import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * `kubectl create -f` through the template printers (`-o jsonpath|go-template`, `--template`,
 * `--allow-missing-template-keys`) and `--show-managed-fields`, as kubectl 1.33 prints them
 * against Podium's API door.
 */
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: k\nspec:\n  containers:\n  - image: luksa/kubia\n    name: kubia';
const create = (flags: string) => `kubectl create -f - ${flags}\n\`\`\`yaml\n${POD}\n\`\`\``;

describe('kubectl create -f with the template printers', () => {
  it.each([
    ['-o jsonpath={.metadata.name} --dry-run=client', 'k'],
    ['-o go-template={{.kind}} --dry-run=client', 'Pod'],
    ['--template={{.kind}} --dry-run=client', 'Pod'],
    ['-o jsonpath={.metadata.namespace} --dry-run=server', 'default'],
    ['-o name --show-managed-fields --dry-run=server', 'pod/k'],
  ])('GIVEN create %s THEN the template’s text', (flags, text) => {
    expect(testApp().say('alice', create(flags))).toBe(text);
  });

  it('GIVEN a template over the created pod THEN it is created and printed as the server returned it', () => {
    const t = testApp();
    const uid = t.say('alice', create('-o jsonpath={.metadata.uid}'));
    expect(uid).toBe(t.say('alice', 'kubectl get po k -o jsonpath={.metadata.uid}'));
  });

  it('GIVEN a bad template, a template twice, or a missing key not allowed THEN kubectl’s errors', () => {
    const t = testApp();
    expect(t.say('alice', create('-o jsonpath={.x --dry-run=client'))).toBe(
      'error: error parsing jsonpath {.x, unclosed action',
    );
    expect(t.say('alice', create('-o go-template={{.kind}} --template=x --dry-run=client'))).toBe(
      'error: unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
    const missing = t.say(
      'alice',
      create('-o go-template={{.foo}} --allow-missing-template-keys=false --dry-run=client'),
    );
    expect(missing).toMatch(
      /^Error executing template: template: output:1:2: executing "output" at <\.foo>: map has no entry for key "foo"\./,
    );
    expect(missing).toContain(
      '\traw data was:\n\t\t{"apiVersion":"v1","kind":"Pod","metadata":{"name":"k","namespace":"default"},"spec":{"containers":[{"image":"luksa/kubia","name":"kubia"}]}}\n',
    );
    expect(missing.split('\n').at(-1)).toBe(
      'error: error executing template "{{.foo}}": template: output:1:2: executing "output" at <.foo>: map has no entry for key "foo"',
    );
    expect(t.say('alice', 'kubectl get po -o name')).toBe('');
  });
});
