import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl wait -o/--template/--allow-missing-template-keys/--show-managed-fields` and
 * `--field-selector`, as kubectl 1.33 answers them against Podium's API door: each object met is
 * printed by the printer asked for instead of `condition met`.
 */
function twoPods() {
  const t = testApp();
  t.say('alice', 'kubectl run w --image=nginx');
  t.say('alice', 'kubectl run w2 --image=nginx --labels=run=w');
  t.advance(60_000);
  return t;
}

describe('kubectl wait printing and selecting', () => {
  it('GIVEN -o name, a template or --template THEN each object met is printed so, templates run together', () => {
    const t = twoPods();
    const wait = (rest: string) => t.say('alice', `kubectl wait --for=condition=Ready ${rest}`);
    expect(wait('po/w -o name --show-managed-fields')).toBe('pod/w');
    expect(wait('po -l run=w -o name')).toBe('pod/w\npod/w2');
    expect(wait('po -l run=w -o jsonpath={.metadata.name}')).toBe('ww2');
    expect(wait('po -l run=w --template={{.metadata.name}}')).toBe('ww2');
    expect(wait('po/w -o template --template={{.kind}}')).toBe('Pod');
    expect(wait('po/w -o yaml')).toBe(t.say('alice', 'kubectl get po w -o yaml'));
  });

  it('GIVEN a template naming a missing key with --allow-missing-template-keys=false THEN the debugging text, and wait still succeeds', () => {
    const box = verbSandbox();
    box.kubectl('run w --image=nginx');
    box.advance(60_000);
    const result = box.kubectl(
      'wait --for=condition=Ready po/w -o go-template={{.foo}} --allow-missing-template-keys=false',
    );
    expect(result.ok).toBe(true);
    expect(result.text).toMatch(
      /^Error executing template: template: output:1:2: executing "output" at <\.foo>: map has no entry for key "foo"\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\{\.foo\}\}\n\traw data was:\n/,
    );
    expect(result.text).not.toContain('error executing template');
  });

  it.each([
    [
      'po/w -o wide',
      'unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
    ['po/w -o go-template', 'template format specified but no template given'],
    ['po/w -o jsonpath={.x', 'error parsing jsonpath {.x, unclosed action'],
    [
      'po -l run=w -o go-template={{.kind}} --template=x',
      'unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
    ['po w --field-selector=metadata.name=w2', 'name cannot be provided when a selector is specified'],
    ['-l run=w', 'at least one resource must be specified to use a selector'],
    ['po --field-selector=metadata.name=nope --timeout=1s', 'no matching resources found'],
    ['po --field-selector=', 'resource(s) were provided, but no name was specified'],
  ])('GIVEN wait %s THEN kubectl refuses it', (rest, message) => {
    const t = twoPods();
    expect(t.say('alice', `kubectl wait --for=condition=Ready ${rest}`)).toBe(`error: ${message}`);
  });

  it('GIVEN --field-selector THEN only what the server selects is waited for; --all with a name is no selector', () => {
    const t = twoPods();
    expect(t.say('alice', 'kubectl wait --for=condition=Ready po --field-selector=metadata.name=w2')).toBe(
      'pod/w2 condition met',
    );
    expect(t.say('alice', 'kubectl wait --for=condition=Ready po w --all')).toBe('pod/w condition met');
  });
});
