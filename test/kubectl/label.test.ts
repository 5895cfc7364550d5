import { describe, expect, it } from 'vitest';
import { changeMessage } from '../../commands/kubectl/label.ts';
import { testApp } from '../helpers/app.ts';
import { verbSandbox } from './verb-sandbox.ts';

// kubectl.md §2.1: the label-value and name-part messages, with RegexError's two spaces.
const LV =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NP =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** A sandbox with the notes' pods: kubia (run=kubia) and kubia-manual-v2 (creation_method=manual, env=prod). */
function notesSandbox() {
  const box = verbSandbox();
  box.kubectl('run kubia --image=luksa/kubia --port=8080');
  box.kubectl('run kubia-manual-v2 --image=luksa/kubia --labels=creation_method=manual,env=prod');
  const pod = (name: string) => {
    const found = box.cluster.pods.find((p) => p.metadata.name === name);
    if (found === undefined) throw new Error(`no pod ${name}`);
    return found;
  };
  return { box, pod };
}

describe('kubectl label: the messages of kubectl.md §10', () => {
  it('GIVEN a pod WHEN a new label is added THEN "labeled", the label is stored and the resourceVersion moves', () => {
    const { box, pod } = notesSandbox();
    const before = pod('kubia').metadata.resourceVersion;
    expect(box.kubectl('label po kubia creation_method=manual')).toEqual({
      text: 'pod/kubia labeled',
      ok: true,
    });
    expect(pod('kubia').metadata.labels).toEqual({ run: 'kubia', creation_method: 'manual' });
    expect(pod('kubia').metadata.resourceVersion).not.toBe(before);
  });

  it('GIVEN a pod WHEN several pairs are given THEN all are set in one change', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label pod kubia a=1 b=2 c=').text).toBe('pod/kubia labeled');
    expect(pod('kubia').metadata.labels).toEqual({ run: 'kubia', a: '1', b: '2', c: '' });
  });

  it('GIVEN env=prod WHEN env=debug without --overwrite THEN the overwrite error and nothing changes', () => {
    const { box, pod } = notesSandbox();
    const before = pod('kubia-manual-v2');
    expect(box.kubectl('label po kubia-manual-v2 env=debug')).toEqual({
      text: "error: 'env' already has a value (prod), and --overwrite is false",
      ok: false,
    });
    expect(pod('kubia-manual-v2')).toEqual(before);
  });

  it('GIVEN env=prod WHEN env=debug --overwrite THEN "labeled" and env is debug', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po kubia-manual-v2 env=debug --overwrite').text).toBe(
      'pod/kubia-manual-v2 labeled',
    );
    expect(pod('kubia-manual-v2').metadata.labels.env).toBe('debug');
  });

  it('GIVEN env=prod WHEN env=prod again THEN "not labeled", no --overwrite needed, no new resourceVersion', () => {
    const { box, pod } = notesSandbox();
    const before = pod('kubia-manual-v2').metadata.resourceVersion;
    expect(box.kubectl('label po kubia-manual-v2 env=prod')).toEqual({
      text: 'pod/kubia-manual-v2 not labeled',
      ok: true,
    });
    expect(pod('kubia-manual-v2').metadata.resourceVersion).toBe(before);
  });

  it('GIVEN env=prod WHEN env- THEN "unlabeled"; again THEN the not-found line and "not labeled", exit 0', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po kubia-manual-v2 env-').text).toBe('pod/kubia-manual-v2 unlabeled');
    expect(pod('kubia-manual-v2').metadata.labels).toEqual({ creation_method: 'manual' });
    expect(box.kubectl('label po kubia-manual-v2 env-')).toEqual({
      text: 'label "env" not found.\npod/kubia-manual-v2 not labeled',
      ok: true,
    });
  });

  it('GIVEN env=prod WHEN env- --overwrite THEN kubectl says "labeled", not "unlabeled"', () => {
    const { box } = notesSandbox();
    expect(box.kubectl('label po kubia-manual-v2 env- --overwrite').text).toBe('pod/kubia-manual-v2 labeled');
  });

  it.each([
    ["'env=a b'", `error: invalid label value: "env=a b": ${LV}`],
    ['env=a=b', 'error: invalid label spec: env=a=b'],
    ['foo=bar foo-', 'error: can not both modify and remove a label in the same command'],
    ['env', 'error: at least one label update is required'],
    [
      `env=${'a'.repeat(64)}`,
      `error: invalid label value: "env=${'a'.repeat(64)}": must be no more than 63 characters`,
    ],
  ])('GIVEN kubia WHEN label po kubia %s THEN %s', (args, expected) => {
    const { box, pod } = notesSandbox();
    const before = pod('kubia');
    expect(box.kubectl(`label po kubia ${args}`)).toEqual({ text: expected, ok: false });
    expect(pod('kubia')).toEqual(before);
  });

  it('GIVEN a bad key WHEN labelled THEN the server rejects it as invalid metadata.labels', () => {
    const { box } = notesSandbox();
    expect(box.kubectl("label po kubia 'bad key!=x'").text).toBe(
      `The Pod "kubia" is invalid: metadata.labels: Invalid value: "bad key!": ${NP}`,
    );
  });

  it.each([
    ['label po nope x=y', 'Error from server (NotFound): pods "nope" not found'],
    ['label po x=y', 'error: resource(s) were provided, but no name was specified'],
    ['label x=y', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>'],
    ['label po', 'error: at least one label update is required'],
    [
      'label po kubia x=y kubia-manual-v2',
      'error: all resources must be specified before label changes: kubia-manual-v2',
    ],
    ['label po --all -l env=prod x=y', 'error: cannot set --all and --selector at the same time'],
    ['label po kubia -l env=prod x=y', 'error: name cannot be provided when a selector is specified'],
    [
      'label pod/kubia -l env=prod x=y',
      'error: selectors and the all flag cannot be used when passing resource/name arguments',
    ],
    ['label po kubia -A x=y', 'error: a resource cannot be retrieved by name across all namespaces'],
    ['label xyz kubia x=y', 'error: the server doesn\'t have a resource type "xyz"'],
    ['label po kubia x=y -n nope', 'Error from server (NotFound): pods "kubia" not found'],
    [
      'label po kubia x=y --dry-run=maybe',
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    ],
    ['label po kubia --list -o yaml', 'error: --list and --output may not be specified together'],
  ])('GIVEN the notes pods WHEN %s THEN %s', (line, expected) => {
    const { box } = notesSandbox();
    expect(box.kubectl(line)).toEqual({ text: expected, ok: false });
  });

  it('GIVEN a bad selector WHEN label -l THEN the BadRequest wrapper with the parse error', () => {
    const { box } = notesSandbox();
    expect(box.kubectl("label po -l 'env in (prod' x=y").text).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "env in (prod", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'',
    );
  });
});

describe('kubectl label: selecting objects', () => {
  it('GIVEN two pods WHEN -l creation_method=manual THEN only the matching pod is labelled', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po -l creation_method=manual rel=beta').text).toBe(
      'pod/kubia-manual-v2 labeled',
    );
    expect(pod('kubia').metadata.labels.rel).toBeUndefined();
  });

  it('GIVEN no pod matches WHEN label -l THEN kubectl prints nothing and succeeds', () => {
    const { box } = notesSandbox();
    expect(box.kubectl('label po -l env=nope x=y')).toEqual({ text: '', ok: true });
  });

  it('GIVEN pods in two namespaces WHEN --all THEN only this namespace; with -A THEN every namespace', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po --all team=a').text).toBe('pod/kubia labeled\npod/kubia-manual-v2 labeled');
    expect(box.kubectl('label po -A -l team=a team=b --overwrite').text).toBe(
      'pod/kubia labeled\npod/kubia-manual-v2 labeled',
    );
    expect(pod('kubia').metadata.labels.team).toBe('b');
    const systemPods = box.cluster.pods.filter((p) => p.metadata.namespace === 'kube-system');
    expect(box.kubectl('label po -A --all tier=any --overwrite').text.split('\n')).toHaveLength(
      systemPods.length + 2,
    );
  });

  it('GIVEN TYPE NAME NAME and TYPE/NAME forms WHEN labelled THEN one line per object in argument order', () => {
    const { box } = notesSandbox();
    expect(box.kubectl('label po kubia-manual-v2 kubia x=1').text).toBe(
      'pod/kubia-manual-v2 labeled\npod/kubia labeled',
    );
    expect(box.kubectl('label pod/kubia node/node02 x=2 --overwrite').text).toBe(
      'pod/kubia labeled\nnode/node02 labeled',
    );
  });

  it('GIVEN one existing and one missing pod WHEN labelled THEN the first is labelled and NotFound comes last', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po nope kubia x=y')).toEqual({
      text: 'pod/kubia labeled\nError from server (NotFound): pods "nope" not found',
      ok: false,
    });
    expect(pod('kubia').metadata.labels.x).toBe('y');
  });

  it('GIVEN two conflicts WHEN labelled THEN kubectl prints the aggregate: one bare line each', () => {
    const { box } = notesSandbox();
    box.kubectl('label po --all tier=a');
    box.kubectl('label po kubia tier=b --overwrite');
    expect(box.kubectl('label po --all tier=c').text).toBe(
      "'tier' already has a value (b), and --overwrite is false\n'tier' already has a value (a), and --overwrite is false",
    );
  });

  it('GIVEN a namespace WHEN labelled THEN "namespace/x labeled" and get ns -l finds it', () => {
    const { box } = notesSandbox();
    expect(box.kubectl('label ns default team=a').text).toBe('namespace/default labeled');
    expect(box.kubectl('get ns -l team=a --no-headers').text).toMatch(/^default\s+Active/);
  });
});

describe('kubectl label: --list, -o and --dry-run', () => {
  it('GIVEN one pod WHEN --list THEN k=v lines; several pods THEN a heading each and indented lines', () => {
    const { box } = notesSandbox();
    expect(box.kubectl('label po kubia-manual-v2 --list').text).toBe('creation_method=manual\nenv=prod');
    expect(box.kubectl('label po kubia kubia-manual-v2 --list').text).toBe(
      'Listing labels for Pod./kubia:\n run=kubia\nListing labels for Pod./kubia-manual-v2:\n creation_method=manual\n env=prod',
    );
  });

  it('GIVEN a pod WHEN -o name THEN pod/NAME; -o yaml THEN the object with the new label', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po kubia a=1 -o name').text).toBe('pod/kubia');
    const yaml = box.kubectl('label po kubia b=2 -o yaml').text;
    expect(yaml).toContain('  labels:\n    a: "1"\n    b: "2"\n    run: kubia\n');
    expect(pod('kubia').metadata.labels.b).toBe('2');
  });

  it('GIVEN a pod WHEN --dry-run=client or server THEN the message says so and nothing is stored', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po kubia a=1 --dry-run=client').text).toBe('pod/kubia labeled (dry run)');
    expect(box.kubectl('label po kubia a=1 --dry-run=server').text).toBe(
      'pod/kubia labeled (server dry run)',
    );
    expect(pod('kubia').metadata.labels.a).toBeUndefined();
  });

  it('GIVEN -o wide WHEN labelled THEN the label is applied before kubectl fails to find a printer', () => {
    const { box, pod } = notesSandbox();
    expect(box.kubectl('label po kubia a=1 -o wide').text).toMatch(
      /^error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,/,
    );
    expect(pod('kubia').metadata.labels.a).toBe('1');
  });
});

describe('kubectl label: nodes and nodeSelector scheduling (kubectl.md §8)', () => {
  it('GIVEN a pod with nodeSelector gpu=true WHEN node01 gets gpu=true THEN it schedules there, and stays after the label goes', () => {
    const box = verbSandbox();
    box.addPod('kubia-gpu', { nodeSelector: { gpu: 'true' } });
    box.advance(10_000);
    expect(box.kubectl('get po kubia-gpu').text).toMatch(/kubia-gpu\s+0\/1\s+Pending/);
    expect(box.kubectl('get nodes -l gpu=true')).toEqual({ text: 'No resources found', ok: true });

    expect(box.kubectl('label node node01 gpu=true').text).toBe('node/node01 labeled');
    expect(box.kubectl('get nodes -l gpu=true --no-headers').text).toMatch(/^node01\s+Ready/);
    const bound = box.cluster.pods.find((p) => p.metadata.name === 'kubia-gpu');
    expect(bound?.spec.nodeName).toBe('node01');
    expect(bound?.sim.scheduledAt).toBe(box.cluster.now);

    box.advance(10_000);
    expect(box.kubectl('get po kubia-gpu -o wide').text).toMatch(/kubia-gpu\s+1\/1\s+Running.*node01/);
    expect(box.kubectl('label node node01 gpu-').text).toBe('node/node01 unlabeled');
    expect(box.kubectl('get po kubia-gpu -o wide').text).toMatch(/Running.*node01/);
  });

  it('GIVEN the pending pod and the node labelled in one command THEN it is bound and keeps its new label', () => {
    const box = verbSandbox();
    box.addPod('kubia-gpu', { nodeSelector: { gpu: 'true' } });
    expect(box.kubectl('label pod/kubia-gpu node/node02 gpu=true').text).toBe(
      'pod/kubia-gpu labeled\nnode/node02 labeled',
    );
    const pod = box.cluster.pods.find((p) => p.metadata.name === 'kubia-gpu');
    expect(pod?.spec.nodeName).toBe('node02');
    expect(pod?.metadata.labels).toEqual({ gpu: 'true' });
  });

  it('GIVEN a pending pod WHEN a node gets an unrelated label THEN it stays pending', () => {
    const box = verbSandbox();
    box.addPod('kubia-gpu', { nodeSelector: { gpu: 'true' } });
    box.kubectl('label node node01 gpu=false');
    expect(box.cluster.pods.find((p) => p.metadata.name === 'kubia-gpu')?.spec.nodeName).toBeUndefined();
  });
});

describe('kubectl label: the changed/unchanged word (≤ v1.34 compares JSON lengths)', () => {
  it.each([
    [{ a: 'b' }, { a: 'b' }, false, 'not labeled'],
    [{ a: 'b' }, { a: 'b', c: 'd' }, false, 'labeled'],
    [{ a: 'b', c: 'd' }, { a: 'b' }, false, 'unlabeled'],
    [{ a: 'b', c: 'd' }, { a: 'b' }, true, 'labeled'],
    // kubectl/issues#1323: removing and adding at once depends on which text is longer.
    [{ a: 'b' }, { ee: 'ff' }, false, 'labeled'],
    [{ aa: 'bb' }, { e: 'f' }, false, 'unlabeled'],
    // A pod with no labels has no labels key; removing a missing label adds `"labels":{}`.
    [{}, {}, false, 'labeled'],
  ])('GIVEN %j WHEN it becomes %j (overwrite %s) THEN %s', (old, next, overwrite, expected) => {
    expect(changeMessage(old, next, overwrite)).toBe(expected);
  });
});

describe('kubectl label through the chat', () => {
  it('GIVEN a failed label WHEN the member lists pods THEN nothing changed (one transaction)', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    expect(t.send('alice', 'kubectl label po kubia run=other').ok).toBe(false);
    expect(t.say('alice', 'kubectl get po --show-labels')).toContain('run=kubia');
  });
});
