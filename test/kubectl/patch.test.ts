import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patch } from '../../commands/kubectl/patch.ts';
import { kubectl133 } from './oracle.ts';
import { twinPods } from './twin-pods.ts';
import { type VerbSandbox, verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl patch` in chat. Every expected text below is what kubectl 1.33 printed against
 * Podium's API door (/work/tools/orc.py), whose PATCH is the same src/cluster/object-patch.ts
 * step; the `--local` table is also checked against the binary itself, offline.
 */
const UPDATABLE =
  'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function webSandbox() {
  const box = verbSandbox();
  box.kubectl('run web --image=nginx');
  const web = () => {
    const found = box.cluster.pods.find((p) => p.metadata.name === 'web');
    if (found === undefined) throw new Error('no pod web');
    return found;
  };
  return { box, web };
}

/** Runs a command that must be refused, and checks it changed nothing. */
function refused(box: VerbSandbox, line: string): string {
  const before = box.cluster;
  const run = box.kubectl(line);
  expect(run.ok).toBe(false);
  expect(box.cluster.pods).toEqual(before.pods);
  expect(box.cluster.nodes).toEqual(before.nodes);
  expect(box.cluster.namespaces).toEqual(before.namespaces);
  return run.text;
}

describe('kubectl patch: labels, annotations and images', () => {
  it('GIVEN a pod WHEN a strategic patch adds a label THEN "patched", stored; the same again is "(no change)" and writes nothing', () => {
    const { box, web } = webSandbox();
    const before = web().metadata.resourceVersion;
    expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"a":"b"}}}'`)).toEqual({
      text: 'pod/web patched',
      ok: true,
    });
    expect(web().metadata.labels).toEqual({ run: 'web', a: 'b' });
    const after = web().metadata.resourceVersion;
    expect(after).not.toBe(before);
    expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"a":"b"}}}'`).text).toBe(
      'pod/web patched (no change)',
    );
    expect(web().metadata.resourceVersion).toBe(after);
  });

  it('GIVEN TYPE/NAME and --type=merge WHEN an annotation is set THEN it is stored; null removes it', () => {
    const { box, web } = webSandbox();
    expect(box.kubectl(`patch pod/web --type=merge -p '{"metadata":{"annotations":{"x":"y"}}}'`).text).toBe(
      'pod/web patched',
    );
    expect(web().metadata.annotations).toEqual({ x: 'y' });
    expect(box.kubectl(`patch po/web --type merge -p '{"metadata":{"annotations":{"x":null}}}'`).text).toBe(
      'pod/web patched',
    );
    expect(web().metadata.annotations).toEqual({});
  });

  it('GIVEN a container WHEN its image is patched by merge key THEN the image changes', () => {
    const { box, web } = webSandbox();
    expect(
      box.kubectl(`patch pod web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}'`).text,
    ).toBe('pod/web patched');
    expect(web().spec.containers[0]?.image).toBe('nginx:1.25');
  });

  it('GIVEN a YAML patch THEN kubectl converts it as YAML 1.1 (y is true) and sends JSON', () => {
    const { box, web } = webSandbox();
    expect(box.kubectl(`patch pod web -p 'metadata: {labels: {y: "1", team: blue}}'`).text).toBe(
      'pod/web patched',
    );
    expect(web().metadata.labels).toEqual({ run: 'web', true: '1', team: 'blue' });
    expect(refused(box, `patch pod web -p 'metadata: {labels: {on: off}}'`)).toBe(
      'Error from server (BadRequest): json: cannot unmarshal boolean into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });
});

describe('kubectl patch: what the server refuses, and nothing changes', () => {
  it('GIVEN restartPolicy WHEN patched THEN ValidatePodUpdate refuses it with the spec diff', () => {
    const { box } = webSandbox();
    const text = refused(box, `patch pod web -p '{"spec":{"restartPolicy":"Never"}}'`);
    expect(text.startsWith(`${UPDATABLE}\n  core.PodSpec{\n`)).toBe(true);
    expect(text).toContain(
      '- \tRestartPolicy:                 "Always",\n+ \tRestartPolicy:                 "Never",',
    );
  });

  it('GIVEN activeDeadlineSeconds WHEN set, then raised THEN the raise is refused', () => {
    const { box } = webSandbox();
    expect(box.kubectl(`patch pod web -p '{"spec":{"activeDeadlineSeconds":100}}'`).text).toBe(
      'pod/web patched',
    );
    expect(refused(box, `patch pod web -p '{"spec":{"activeDeadlineSeconds":200}}'`)).toBe(
      'The Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    );
    expect(box.kubectl(`patch pod web -p '{"spec":{"activeDeadlineSeconds":60}}'`).text).toBe(
      'pod/web patched',
    );
  });

  it('GIVEN bad labels, a wrong name, an empty image or a new container THEN the server words of each', () => {
    const { box } = webSandbox();
    expect(refused(box, `patch po web -p '{"metadata":{"labels":{"k":"bad value!"}}}'`)).toMatch(
      /^The Pod "web" is invalid: metadata.labels: Invalid value: "bad value!": a valid label must be/,
    );
    expect(refused(box, `patch po web -p '{"metadata":{"labels":{"k":1}}}'`)).toBe(
      'Error from server (BadRequest): json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(refused(box, `patch po web -p '{"metadata":{"name":"other"}}'`)).toBe(
      'Error from server (BadRequest): the name of the object (other) does not match the name on the URL (web)',
    );
    expect(refused(box, `patch po web -p '{"spec":{"containers":[{"name":"web","image":""}]}}'`)).toBe(
      'The Pod "web" is invalid: spec.containers[0].image: Required value',
    );
    expect(
      refused(box, `patch po web -p '{"spec":{"containers":[{"name":"side","image":"busybox"}]}}'`),
    ).toBe(
      'The Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
  });

  it('GIVEN a resourceVersion that is not the stored one THEN Conflict', () => {
    const { box } = webSandbox();
    expect(refused(box, `patch pod web -p '{"metadata":{"resourceVersion":"1"}}'`)).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('GIVEN a list item without its merge key, or a body that is no object THEN BadRequest', () => {
    const { box } = webSandbox();
    expect(refused(box, `patch pod web -p '{"spec":{"containers":[{"image":"nginx:1.26"}]}}'`)).toMatch(
      /^Error from server \(BadRequest\): map: .* does not contain declared merge key: name$/,
    );
    expect(refused(box, `patch pod web -p '[1,2]'`)).toBe(
      "Error from server (BadRequest): couldn't get version/kind; json parse error: json: cannot unmarshal into Go value of type struct",
    );
  });

  it('GIVEN a missing pod, a missing subresource THEN NotFound', () => {
    const { box } = webSandbox();
    expect(refused(box, `patch pod nope -p '{}'`)).toBe(
      'Error from server (NotFound): pods "nope" not found',
    );
    expect(refused(box, `patch ns nope -p '{}'`)).toBe(
      'Error from server (NotFound): namespaces "nope" not found',
    );
    expect(refused(box, `patch pod web --subresource=scale -p '{}'`)).toBe(
      'Error from server (NotFound): the server could not find the requested resource',
    );
  });
});

describe('kubectl patch --type=json', () => {
  it('GIVEN add, replace, move, copy and remove THEN each applies', () => {
    const { box, web } = webSandbox();
    const json = (ops: string) => box.kubectl(`patch pod web --type=json -p '${ops}'`).text;
    expect(json('[{"op":"add","path":"/metadata/labels/c","value":"d"}]')).toBe('pod/web patched');
    expect(json('[{"op":"replace","path":"/metadata/labels/c","value":"e"}]')).toBe('pod/web patched');
    expect(json('[{"op":"move","from":"/metadata/labels/c","path":"/metadata/labels/m"}]')).toBe(
      'pod/web patched',
    );
    expect(json('[{"op":"copy","from":"/metadata/labels/m","path":"/metadata/labels/n"}]')).toBe(
      'pod/web patched',
    );
    expect(json('[{"op":"remove","path":"/metadata/labels/m"}]')).toBe('pod/web patched');
    expect(json('[{"op":"test","path":"/metadata/labels/n","value":"e"}]')).toBe(
      'pod/web patched (no change)',
    );
    expect(json('[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]')).toBe(
      'pod/web patched',
    );
    expect(web().metadata.labels).toEqual({ run: 'web', n: 'e' });
    expect(web().spec.containers[0]?.image).toBe('nginx:1.27');
  });

  it('GIVEN a failing test, an unknown op, a bad path or no list THEN the whole patch is refused', () => {
    const { box, web } = webSandbox();
    const json = (ops: string) => refused(box, `patch pod web --type=json -p '${ops}'`);
    // The API server's patch handler answers any error of the library's Apply with a bare 422
    // (NewGenericServerResponse), which kubectl's checkErr prints as an invalid request.
    const rejected = 'The request is invalid: the server rejected our request due to an error in our request';
    for (const ops of [
      '[{"op":"add","path":"/metadata/labels/a","value":"1"},{"op":"test","path":"/metadata/labels/run","value":"x"}]',
      '[{"op":"bogus","path":"/x"}]',
      '[{"op":"add","path":"/metadata/nope/zz","value":"1"}]',
      '[{"op":"remove","path":"/metadata/labels/nope"}]',
      '[{"op":"replace","path":"/spec/containers/5","value":{}}]',
      '[{"op":"add","path":"/spec/containers/x","value":{}}]',
      '[{"op":"move","from":"/metadata/labels/nope","path":"/metadata/labels/m"}]',
      '[{"op":"copy","from":"/spec/containers/3","path":"/metadata/labels/m"}]',
    ])
      expect(json(ops)).toBe(rejected);
    expect(web().metadata.labels).toEqual({ run: 'web' });
    expect(json('{"op":"add"}')).toBe(
      'Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
    expect(json('[{"op":"copy","from":"/metadata/labels/run","path":"/metadata/annotations"}]')).toBe(
      'Error from server (BadRequest): json: cannot unmarshal string into Go struct field ObjectMeta.metadata.annotations of type map[string]string',
    );
  });

  it('GIVEN two pods and a failing patch THEN each error is in StandardErrorMessage’s form', () => {
    const { box } = webSandbox();
    expect(refused(box, `patch pod web web --type=json -p '[{"op":"bogus","path":"/x"}]'`)).toBe(
      'Error from server (Invalid): the server rejected our request due to an error in our request\n'
        .repeat(2)
        .trimEnd(),
    );
  });
});

describe('kubectl patch: nodes, namespaces, several objects', () => {
  it('GIVEN a node and a namespace THEN their labels and annotations are patched', () => {
    const { box } = webSandbox();
    expect(box.kubectl(`patch no node01 -p '{"metadata":{"labels":{"disk":"ssd"}}}'`).text).toBe(
      'node/node01 patched',
    );
    expect(box.cluster.nodes.find((n) => n.metadata.name === 'node01')?.metadata.labels.disk).toBe('ssd');
    expect(box.kubectl(`patch no node01 -p '{"spec":{"unschedulable":true}}'`).text).toBe(
      'node/node01 patched (no change)',
    );
    expect(
      box.kubectl(`patch ns default --type=merge -p '{"metadata":{"annotations":{"owner":"me"}}}'`).text,
    ).toBe('namespace/default patched');
    expect(box.cluster.namespaces.find((n) => n.metadata.name === 'default')?.metadata.annotations).toEqual({
      owner: 'me',
    });
  });

  it('GIVEN the same pod twice THEN the second sees the first patch', () => {
    const { box } = webSandbox();
    expect(box.kubectl(`patch po web web -p '{"metadata":{"labels":{"a":"c"}}}'`).text).toBe(
      'pod/web patched\npod/web patched (no change)',
    );
  });

  it('GIVEN a pod that exists and one that does not THEN the first is patched and the error comes last', () => {
    const { box, web } = webSandbox();
    expect(box.kubectl(`patch po nope web -p '{"metadata":{"labels":{"z":"1"}}}'`)).toEqual({
      text: 'pod/web patched\nError from server (NotFound): pods "nope" not found',
      ok: false,
    });
    expect(web().metadata.labels.z).toBe('1');
    expect(refused(box, `patch po nope web -p '{"metadata":{"labels":{"k":"bad value!"}}}'`)).toBe(
      `Error from server (NotFound): pods "nope" not found\nError from server (Invalid): Pod "web" is invalid: metadata.labels: Invalid value: "bad value!": ${LABEL_VALUE}`,
    );
    expect(refused(box, `patch po nope1 nope2 -p '{}'`)).toBe(
      'Error from server (NotFound): pods "nope1" not found\nError from server (NotFound): pods "nope2" not found',
    );
  });
});

describe('kubectl patch: dry runs and output', () => {
  it('GIVEN --dry-run=server or client THEN "patched" without a suffix, and nothing is stored', () => {
    const { box, web } = webSandbox();
    const before = web();
    for (const mode of ['server', 'client'])
      expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"a":"b"}}}' --dry-run=${mode}`).text).toBe(
        'pod/web patched',
      );
    expect(web()).toEqual(before);
    expect(
      box.kubectl(`patch pod web -p '{"metadata":{"labels":{"run":"web"}}}' --dry-run=client`).text,
    ).toBe('pod/web patched (no change)');
    expect(refused(box, `patch pod web -p '{"spec":{"restartPolicy":"Never"}}' --dry-run=server`)).toMatch(
      /^The Pod "web" is invalid: spec: Forbidden/,
    );
    expect(
      refused(
        box,
        `patch pod web --type=json -p '[{"op":"test","path":"/metadata/labels/run","value":"x"}]' --dry-run=client`,
      ),
    ).toBe('error: testing value /metadata/labels/run failed: test failed');
  });

  it('GIVEN -o name, jsonpath or yaml THEN the patched object is printed', () => {
    const { box } = webSandbox();
    expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"a":"q"}}}' -o name`).text).toBe('pod/web');
    expect(
      box.kubectl(`patch pod web -p '{"metadata":{"labels":{"a":"d"}}}' -o jsonpath='{.metadata.labels}'`)
        .text,
    ).toBe('{"a":"d","run":"web"}');
    const yaml = box.kubectl(
      `patch pod web -p '{"metadata":{"labels":{"team":"red"}}}' -o yaml --dry-run=client`,
    );
    expect(yaml.text).toBe(
      box.kubectl('get po web -o yaml').text.replace('    run: web\n', '    run: web\n    team: red\n'),
    );
  });

  it('GIVEN an -o kubectl has no printer for THEN the patch is made first, then the error', () => {
    const { box, web } = webSandbox();
    expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"w":"1"}}}' -o wide`)).toEqual({
      text: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
      ok: false,
    });
    expect(web().metadata.labels.w).toBe('1');
    expect(box.kubectl(`patch pod web -p '{"metadata":{"labels":{"v":"1"}}}' -o jsonpath='{.x'`).text).toBe(
      'error: error parsing jsonpath {.x, unclosed action',
    );
    expect(web().metadata.labels.v).toBe('1');
  });
});

describe('kubectl patch: the client refuses before sending', () => {
  const cases: [string, string][] = [
    ['patch pod web', 'error: must specify --patch or --patch-file containing the contents of the patch'],
    [
      `patch pod web -p ''`,
      'error: must specify --patch or --patch-file containing the contents of the patch',
    ],
    [`patch pod web -p '{}' --patch-file x.json`, 'error: cannot specify --patch and --patch-file together'],
    [`patch pod web --type=foo -p '{}'`, 'error: --type must be one of [json merge strategic], not "foo"'],
    [
      `patch pod web -p 'a: b: c'`,
      'error: unable to parse "a: b: c": yaml: mapping values are not allowed in this context',
    ],
    [`patch pod web -p '[1'`, `error: unable to parse "[1": yaml: line 1: did not find expected ',' or ']'`],
    [`patch pod web -p '{}' --local`, 'error: cannot specify --local and server resources'],
    [
      `patch pod web --patch-file=nope.json`,
      'error: unable to read patch file: open nope.json: no such file or directory',
    ],
    ['patch pod -p {}', 'error: resource(s) were provided, but no name was specified'],
    [
      'patch -p {}',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    ],
  ];
  it.each(cases)('GIVEN `kubectl %s` THEN kubectl 1.33 says so', (line, expected) => {
    const { box } = webSandbox();
    expect(refused(box, line)).toBe(expected);
  });

  it('GIVEN --type in capitals or empty THEN it is read as kubectl reads it', () => {
    const { box } = webSandbox();
    expect(box.kubectl(`patch pod web --type JSON -p '[]'`).text).toBe('pod/web patched (no change)');
    expect(box.kubectl(`patch pod web --type '' -p '{}'`).text).toBe('pod/web patched (no change)');
  });
});

/** `-f FILE --local`: the file's object patched on the client, side by side with the binary. */
const POD_FILE = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    run: web
spec:
  containers:
  - name: web
    image: nginx
`;
const LOCAL: string[] = [
  `-p '{"metadata":{"labels":{"a":"b"}}}' -o json`,
  `-p '{"metadata":{"labels":{"a":"b"}}}'`,
  `-p '{"metadata":{"labels":{"run":"web"}}}'`,
  `-p 'metadata: {labels: {a: b}}' -o yaml`,
  `--type=merge -p '{"spec":{"containers":null}}' -o name`,
  `--type=json -p '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]' -o jsonpath='{.spec.containers[0].image}'`,
  `--type=json -p '[{"op":"test","path":"/metadata/labels/run","value":"x"}]'`,
  `--type=json -p '[{"op":"replace","path":"/spec/containers/5","value":{}}]'`,
  `--type=json -p '[{"op":"replace","path":"/spec/containers/5/image","value":"x"}]'`,
  `--type=json -p '[{"op":"remove","path":"/metadata/labels/nope"}]'`,
  `--type=json -p '[{"op":"add","path":"/spec/containers/x","value":1}]'`,
  `--type=json -p '[{"op":"bogus","path":"/x"}]'`,
  `--type=json -p '[{"op":"move","from":"/metadata/labels/nope","path":"/metadata/labels/m"}]'`,
  `--type=json -p '[{"op":"copy","from":"/spec/containers/3","path":"/metadata/labels/m"}]'`,
  `--type=json -p '[{"op":"move","from":"/metadata/labels/run","path":"/metadata/labels/m"}]' -o jsonpath='{.metadata.labels}'`,
  `--type=json -p '[{"op":"replace","path":"","value":[1]}]'`,
  `-p '{metadata:{}}'`,
  `-p '[1]'`,
  `-p 'null' -o name`,
  `--type=merge -p '{metadata:{}}'`,
  `-p '{}' --dry-run=server`,
  `--patch-file=p.json -o jsonpath='{.metadata.labels}'`,
];

describe.skipIf(kubectl133() === null)('kubectl patch -f FILE --local, against kubectl 1.33', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-patch-'));
  writeFileSync(join(dir, 'pod.yaml'), POD_FILE);
  writeFileSync(join(dir, 'p.json'), '{"metadata":{"labels":{"f":"g"}}}');
  it.each(LOCAL)('GIVEN `patch -f pod.yaml --local %s` THEN chat prints what kubectl prints', (flags) => {
    const box = verbSandbox();
    box.cluster = {
      ...box.cluster,
      files: [
        { name: 'pod.yaml', content: POD_FILE },
        { name: 'p.json', content: '{"metadata":{"labels":{"f":"g"}}}' },
      ],
    };
    const line = `patch -f pod.yaml --local ${flags}`;
    const real = spawnSync('sh', ['-c', `${kubectl133()} ${line}`], { cwd: dir, encoding: 'utf8' });
    expect(box.kubectl(line).text).toBe(`${real.stdout}${real.stderr}`.trimEnd());
  });

  it('GIVEN --help THEN the text is kubectl 1.33 patch --help', () => {
    const real = spawnSync(kubectl133() ?? '', ['patch', '--help'], { encoding: 'utf8' });
    expect(patch.help).toBe(real.stdout.trimEnd());
  });
});

/**
 * Chat and real kubectl 1.33 through the API door, on twin pods: chat patches `web` in namespace
 * `a`, kubectl the same pod in `b`, so each sees the pod as the other did and both answers must
 * be the same text (the token volume's random name aside).
 */
const TWIN_CASES: string[] = [
  `patch -f web.yaml -p '{"metadata":{"labels":{"file":"1"}}}'`,
  `patch -f web.yaml -p '{"metadata":{"labels":{"file":"1"}}}'`,
  `patch -f web.yaml --type=json -p '[{"op":"add","path":"/metadata/labels/f2","value":"2"}]' --dry-run=client -o jsonpath='{.metadata.labels}'`,
  `patch po web -p '{"metadata":{"labels":{"a":"b"}}}'`,
  `patch po web -p '{"metadata":{"labels":{"a":"b"}}}'`,
  `patch pod/web --type=merge -p '{"metadata":{"annotations":{"x":"y"}}}'`,
  `patch po web -p 'metadata: {labels: {team: blue, y: "1"}}'`,
  `patch po web -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}'`,
  `patch po web -p '{"spec":{"restartPolicy":"Never"}}'`,
  `patch po web --type=merge -p '{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}'`,
  `patch po web -p '{"spec":{"activeDeadlineSeconds":100}}'`,
  `patch po web -p '{"spec":{"activeDeadlineSeconds":200}}'`,
  `patch po web -p '{"spec":{"activeDeadlineSeconds":null}}'`,
  `patch po web -p '{"spec":{"tolerations":[{"key":"k","operator":"Exists","effect":"NoSchedule"}]}}'`,
  `patch po web --type=json -p '[{"op":"add","path":"/metadata/labels/c","value":"d"}]'`,
  `patch po web --type=json -p '[{"op":"move","from":"/metadata/labels/c","path":"/metadata/labels/m"}]'`,
  `patch po web --type=json -p '[{"op":"copy","from":"/metadata/labels/m","path":"/metadata/labels/n"}]'`,
  `patch po web --type=json -p '[{"op":"test","path":"/metadata/labels/n","value":"x"}]'`,
  `patch po web --type=json -p '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]'`,
  `patch po web --type=json -p '[{"op":"bogus","path":"/x"}]'`,
  `patch po web --type=json -p '[{"op":"remove","path":"/metadata/labels/nope"}]'`,
  `patch po web --type=json -p '[{"op":"replace","path":"/spec/containers/5","value":{}}]'`,
  `patch po web --type=json -p '[{"op":"add","path":"/spec/containers/x","value":{}}]'`,
  `patch po web --type=json -p '[{"op":"copy","from":"/spec/containers/3","path":"/metadata/labels/q"}]'`,
  `patch po web --type=json -p '[1]'`,
  `patch po web web --type=json -p '[{"op":"bogus","path":"/x"}]'`,
  `patch po web --type=json -p '[]'`,
  `patch po web -p '{"metadata":{"resourceVersion":"1"}}'`,
  `patch po web -p '{"metadata":{"labels":{"k":"bad value!"}}}'`,
  `patch po web -p '{"spec":{"containers":[{"image":"x"}]}}'`,
  `patch po web nope -p '{"metadata":{"labels":{"z":"1"}}}'`,
  `patch po web -p '{"metadata":{"labels":{"q":"1"}}}' --dry-run=server`,
  `patch po web -p '{"metadata":{"labels":{"q":"1"}}}' --dry-run=client -o jsonpath='{.metadata.labels}'`,
  `patch po web -p '{}' -o name`,
  `patch po web --subresource=status --type=merge -p '{"status":{"phase":"Failed"}}'`,
  `patch po web --subresource=scale -p '{}'`,
];

const BINARY = kubectl133();

/** The twin pod as a file names it (no namespace: -n says which twin). */
const WEB_FILE =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

describe.skipIf(BINARY === null)('kubectl patch, chat beside kubectl 1.33 through the API door', () => {
  const twin = twinPods(BINARY ?? '', { 'web.yaml': WEB_FILE });

  const token = (text: string) => text.replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-XXXXX');
  it.each(TWIN_CASES)('GIVEN `kubectl %s` THEN chat prints what kubectl prints', async (line) => {
    const { chat, real } = await twin(line);
    expect(token(chat)).toBe(token(real));
  });
});
