import { describe, expect, it } from 'vitest';
import { verbSandbox } from './verb-sandbox.ts';

const NP =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function withPods() {
  const box = verbSandbox();
  box.kubectl('run kubia-manual --image=luksa/kubia --port=8080');
  box.kubectl('run kubia --image=luksa/kubia --labels=app=kubia');
  const annotations = (name: string) =>
    box.cluster.pods.find((p) => p.metadata.name === name)?.metadata.annotations;
  const version = (name: string) =>
    box.cluster.pods.find((p) => p.metadata.name === name)?.metadata.resourceVersion;
  return { box, annotations, version };
}

describe('kubectl annotate: kubectl.md §11', () => {
  it('GIVEN a pod WHEN annotated with a value holding spaces THEN "annotated" and the value is kept whole', () => {
    const { box, annotations } = withPods();
    expect(box.kubectl('annotate pod kubia-manual mycompany.com/someannotation="foo bar"')).toEqual({
      text: 'pod/kubia-manual annotated',
      ok: true,
    });
    expect(annotations('kubia-manual')).toEqual({ 'mycompany.com/someannotation': 'foo bar' });
  });

  it('GIVEN a value with = signs WHEN annotated THEN only the first = splits key from value', () => {
    const { box, annotations } = withPods();
    box.kubectl("annotate po kubia-manual 'query=a=1&b=2' empty=");
    expect(annotations('kubia-manual')).toEqual({ query: 'a=1&b=2', empty: '' });
  });

  it('GIVEN existing annotations WHEN set to other values without --overwrite THEN one error naming each key', () => {
    const { box, annotations } = withPods();
    box.kubectl("annotate po kubia-manual a=1 b='x y'");
    expect(box.kubectl('annotate po kubia-manual a=2 b=3 c=4')).toEqual({
      text: "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (x y)",
      ok: false,
    });
    expect(annotations('kubia-manual')).toEqual({ a: '1', b: 'x y' });
    expect(box.kubectl('annotate po kubia-manual a=2 --overwrite').text).toBe('pod/kubia-manual annotated');
    expect(annotations('kubia-manual')?.a).toBe('2');
  });

  it('GIVEN an annotation WHEN set to the same value or a missing one removed THEN still "annotated", nothing written', () => {
    const { box, version } = withPods();
    box.kubectl('annotate po kubia-manual a=1');
    const before = version('kubia-manual');
    expect(box.kubectl('annotate po kubia-manual a=1').text).toBe('pod/kubia-manual annotated');
    expect(box.kubectl('annotate po kubia-manual nope-').text).toBe('pod/kubia-manual annotated');
    expect(version('kubia-manual')).toBe(before);
  });

  it('GIVEN an annotation WHEN removed with key- THEN "annotated" (annotate has no "unannotated")', () => {
    const { box, annotations } = withPods();
    box.kubectl('annotate po kubia-manual a=1 b=2');
    expect(box.kubectl('annotate po kubia-manual a-').text).toBe('pod/kubia-manual annotated');
    expect(annotations('kubia-manual')).toEqual({ b: '2' });
  });

  it('GIVEN a change cause WHEN overwritten without --overwrite THEN allowed', () => {
    const { box, annotations } = withPods();
    box.kubectl('annotate po kubia-manual kubernetes.io/change-cause=first');
    expect(box.kubectl('annotate po kubia-manual kubernetes.io/change-cause=second').ok).toBe(true);
    expect(annotations('kubia-manual')).toEqual({ 'kubernetes.io/change-cause': 'second' });
  });

  it('GIVEN an upper-case key WHEN annotated THEN accepted (checked lower-cased) and stored as typed', () => {
    const { box, annotations } = withPods();
    expect(box.kubectl('annotate po kubia-manual Example.com/Owner=Alice').text).toBe(
      'pod/kubia-manual annotated',
    );
    expect(annotations('kubia-manual')).toEqual({ 'Example.com/Owner': 'Alice' });
  });

  it('GIVEN a bad key WHEN annotated THEN the server rejects metadata.annotations with the key as typed', () => {
    const { box } = withPods();
    expect(box.kubectl("annotate po kubia-manual 'Owner!=x'")).toEqual({
      text: `The Pod "kubia-manual" is invalid: metadata.annotations: Invalid value: "Owner!": ${NP}`,
      ok: false,
    });
  });

  it('GIVEN 200 KiB of annotations WHEN 100 KiB more THEN the 256 KiB total limit error and nothing changes', () => {
    const { box, annotations } = withPods();
    expect(box.kubectl(`annotate po kubia-manual big=${'x'.repeat(200 * 1024)}`).ok).toBe(true);
    expect(box.kubectl(`annotate po kubia-manual more=${'y'.repeat(100 * 1024)}`)).toEqual({
      text: 'The Pod "kubia-manual" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
      ok: false,
    });
    expect(Object.keys(annotations('kubia-manual') ?? {})).toEqual(['big']);
  });

  it.each([
    ['annotate po kubia-manual', 'error: at least one annotation update is required'],
    [
      'annotate po kubia-manual a=1 b=2 a- b-',
      'error: can not both modify and remove the following annotation(s) in the same command: a, b',
    ],
    ['annotate po --all -l app=kubia a=1', 'error: cannot set --all and --selector at the same time'],
    [
      'annotate a=1',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    ],
    ['annotate po nope a=1', 'Error from server (NotFound): pods "nope" not found'],
    ['annotate po a=1', 'error: resource(s) were provided, but no name was specified'],
    [
      'annotate po kubia-manual a=1 kubia',
      'error: all resources must be specified before annotation changes: kubia',
    ],
    // annotate builds its printer first, so a bad -o wins over every other mistake.
    [
      'annotate po kubia-manual a=1 a- -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
  ])('GIVEN two pods WHEN %s THEN %s', (line, expected) => {
    const { box } = withPods();
    expect(box.kubectl(line)).toEqual({ text: expected, ok: false });
  });
});

describe('kubectl annotate: selectors, --all, nodes, namespaces, --list', () => {
  it('GIVEN two pods WHEN -l app=kubia THEN only kubia; --all THEN both', () => {
    const { box, annotations } = withPods();
    expect(box.kubectl("annotate po -l app=kubia owner='team a'").text).toBe('pod/kubia annotated');
    expect(annotations('kubia-manual')).toEqual({});
    expect(box.kubectl('annotate po --all checked=yes').text).toBe(
      'pod/kubia annotated\npod/kubia-manual annotated',
    );
  });

  it('GIVEN a node and a namespace WHEN annotated THEN node/NAME and namespace/NAME annotated', () => {
    const { box } = withPods();
    expect(box.kubectl('annotate node node01 rack=r1').text).toBe('node/node01 annotated');
    expect(box.kubectl('annotate ns default owner=ops').text).toBe('namespace/default annotated');
    expect(box.cluster.nodes.find((n) => n.metadata.name === 'node01')?.metadata.annotations.rack).toBe('r1');
  });

  it('GIVEN annotations WHEN --list THEN k=v lines sorted by key', () => {
    const { box } = withPods();
    box.kubectl("annotate po kubia-manual b='2 3' a=1");
    expect(box.kubectl('annotate po kubia-manual --list').text).toBe('a=1\nb=2 3');
  });

  it('GIVEN a pod WHEN -o yaml THEN the updated object; --dry-run=client THEN "(dry run)" and nothing stored', () => {
    const { box, annotations } = withPods();
    expect(box.kubectl('annotate po kubia-manual a=1 -o yaml').text).toContain(
      '  annotations:\n    a: "1"\n',
    );
    expect(box.kubectl('annotate po kubia-manual b=2 --dry-run=client').text).toBe(
      'pod/kubia-manual annotated (dry run)',
    );
    expect(annotations('kubia-manual')).toEqual({ a: '1' });
  });
});
