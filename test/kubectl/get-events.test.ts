import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

/** Events are a resource: the history `describe` shows, listed as the API lists it. */
describe('kubectl get events', () => {
  const started = () => {
    const box = verbSandbox();
    box.kubectl('run kubia --image=luksa/kubia');
    box.advance(30_000);
    return box;
  };

  it('GIVEN a started pod WHEN get events THEN its scheduler and kubelet events are listed as kind/name', () => {
    const { text, ok } = started().kubectl('get events --field-selector involvedObject.name=kubia');
    expect(ok).toBe(true);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(text).toMatch(/Normal\s+Scheduled\s+pod\/kubia\s+Successfully assigned default\/kubia to node0\d/);
    expect(text).toMatch(/Normal\s+Started\s+pod\/kubia\s+Started container kubia/);
    expect(text).not.toContain('node/');
  });

  it('GIVEN -o wide THEN SUBOBJECT names the container and SOURCE the kubelet with its node', () => {
    const { text } = started().kubectl(
      'get events -o wide --field-selector involvedObject.name=kubia,reason=Started',
    );
    expect(text.split('\n')[0]).toMatch(
      /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME$/,
    );
    expect(text).toMatch(
      /pod\/kubia\s+spec\.containers\{kubia\}\s+kubelet, node0\d\s+Started container kubia\s+\S+\s+1\s+kubia\.[0-9a-f]{16}/,
    );
  });

  it('GIVEN another namespace with no pods WHEN get events -n THEN No resources found in it', () => {
    const { text } = started().kubectl('get events -n kube-public');
    expect(text).toBe('No resources found in kube-public namespace.');
  });

  it('GIVEN an unknown field WHEN --field-selector THEN the server refuses it', () => {
    const { text, ok } = started().kubectl('get events --field-selector foo=bar');
    expect(ok).toBe(false);
    expect(text).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "foo=bar": field label not supported: foo',
    );
  });

  // kubectl 1.33 against Podium's API door: the server applies -l to events, which carry no labels.
  it('GIVEN -l WHEN get events THEN a selector no unlabelled object meets finds none, and one all meet finds all', () => {
    const box = started();
    expect(box.kubectl('get events -l app=kubia')).toEqual({
      text: 'No resources found in default namespace.',
      ok: true,
    });
    expect(box.kubectl('get events -A -l app=kubia -o name').text).toBe('');
    expect(box.kubectl("get events -l '!app' -o name").text).toBe(box.kubectl('get events -o name').text);
    expect(box.kubectl("get events -l 'x in (a'").ok).toBe(false);
  });

  it('GIVEN -o name or a template THEN the events List is printed so, and an empty one says nothing', () => {
    const box = started();
    expect(box.kubectl('get events -n kube-public -o name')).toEqual({ text: '', ok: true });
    expect(box.kubectl('get events -l app=kubia -o jsonpath={.items}').text).toBe('[]');
    expect(box.kubectl('get events --template={{.kind}}').text).toBe('List');
    expect(box.kubectl("get events -o 'go-template={{len .items}}'").text).toBe(
      String(box.kubectl('get events -o name').text.split('\n').length),
    );
    expect(
      box.kubectl('get events -o jsonpath={.items[0].foo} --allow-missing-template-keys=false').text,
    ).toMatch(
      /^error: error executing jsonpath "\{\.items\[0\]\.foo\}": Error executing template: foo is not found\./,
    );
  });

  it('GIVEN -A THEN NAMESPACE comes first', () => {
    const { text } = started().kubectl('get ev -A --field-selector involvedObject.kind=Pod');
    // `ev` is also events.k8s.io's short name: kubectl 1.33 warns first (stderr).
    expect(text.split('\n')[0]).toBe(
      'Warning: short name "ev" could also match lower priority resource events.events.k8s.io',
    );
    expect(text.split('\n')[1]).toMatch(/^NAMESPACE\s+LAST SEEN/);
    expect(text).toMatch(/\ndefault\s+\S+\s+Normal\s+Scheduled\s+pod\/kubia/);
  });

  it('GIVEN no events in a namespace WHEN get events -w THEN nothing, as kubectl 1.33 prints before it waits', () => {
    // kubectl 1.33 through Podium's API door, --request-timeout=2s: no output at all, exit 0.
    const box = started();
    expect(box.kubectl('get events -w -n kube-public')).toEqual({ text: '', ok: true });
    expect(box.kubectl('get events -n kube-public').text).toBe(
      'No resources found in kube-public namespace.',
    );
  });
});
