import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { goJson, type JsonObject, jsonObject } from '../../src/go/json-value.ts';
import { renderError } from '../../src/kubectl/errors.ts';
import { readManifest } from '../../src/kubectl/manifest.ts';
import { decodeStrict } from '../../src/kubectl/manifest-decode.ts';
import { threeWayMerge } from '../../src/kubectl/manifest-merge.ts';
import { POD } from '../../src/kubectl/manifest-schema.ts';
import { testApp } from '../helpers/app.ts';

const read = (content: string, source = 'x.yaml') => readManifest({ source, content });
const errorOf = (content: string, source = 'x.yaml') => {
  const r = read(content, source);
  return r.error === null ? null : renderError(r.error);
};
const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-manual
spec:
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
      protocol: TCP
`;
const yamlError = (line: string) =>
  `error: error parsing x.yaml: error converting YAML to JSON: yaml: ${line}`;

describe('manifest parsing: good documents', () => {
  it.each([
    ['a YAML pod', POD_YAML, [['Pod', 'kubia-manual']]],
    [
      'two documents',
      `${POD_YAML}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n`,
      [
        ['Pod', 'kubia-manual'],
        ['Namespace', 'ns1'],
      ],
    ],
    [
      'empty and comment-only documents are skipped',
      `---\n# nothing\n---\n${POD_YAML}---\n`,
      [['Pod', 'kubia-manual']],
    ],
    [
      'a separator with a comment',
      `${POD_YAML}--- # next\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n`,
      [
        ['Pod', 'kubia-manual'],
        ['Namespace', 'b'],
      ],
    ],
    ['JSON', '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "j"}}', [['Namespace', 'j']]],
    [
      'a JSON stream',
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}',
      [
        ['Namespace', 'a'],
        ['Namespace', 'b'],
      ],
    ],
    [
      'a v1 List',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n',
      [
        ['Namespace', 'a'],
        ['Pod', 'b'],
      ],
    ],
    ['a Windows file', POD_YAML.replace(/\n/g, '\r\n'), [['Pod', 'kubia-manual']]],
  ])('GIVEN %s WHEN read THEN the objects come out in order', (_, content, expected) => {
    const r = read(content);
    expect(r.error).toBeNull();
    expect(r.objects.map((o) => [o.kind, o.name])).toEqual(expected);
  });

  it.each([
    ['yes', true],
    ['on', true],
    ['n', false],
    ['0755', 493],
    ['0x1F', 31],
    ['1_000', 1000],
    ['"8080"', '8080'],
    ['2001-12-14', '2001-12-14'],
    ['12:30:00', '12:30:00'],
    ['~', null],
  ])('GIVEN the YAML 1.1 scalar %s WHEN read THEN it means what go-yaml v2 makes of it', (scalar, value) => {
    // Under spec: a non-string in ObjectMeta's maps fails kubectl's own decoding before this.
    const r = read(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  a: ${scalar}\n`);
    expect(goJson(r.objects[0]?.raw ?? {})).toContain(`"spec":{"a":${JSON.stringify(value)}}`);
  });

  it('GIVEN a YAML map WHEN read THEN its keys are sorted as Go json.Marshal writes them', () => {
    const r = read('kind: Pod\napiVersion: v1\nmetadata:\n  name: x\n');
    expect(Object.keys(r.objects[0]?.raw ?? {})).toEqual(['apiVersion', 'kind', 'metadata']);
  });
});

describe('manifest parsing: bad documents give kubectl v1.32 exact errors', () => {
  it.each([
    [
      'a colon in a value',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia: x\n',
      yamlError('line 4: mapping values are not allowed in this context'),
    ],
    [
      'a key indented one less',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\n spec: 1\n',
      yamlError('line 4: did not find expected key'),
    ],
    [
      'a tab as indentation',
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
      yamlError('line 4: found character that cannot start any token'),
    ],
    [
      'a tab after a value',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n\tlabels: {}\n',
      yamlError('line 5: found a tab character that violates indentation'),
    ],
    [
      'an unclosed quote',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n',
      yamlError('line 5: found unexpected end of stream'),
    ],
    [
      'an unclosed flow sequence',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a, b\n',
      yamlError("line 5: did not find expected ',' or ']'"),
    ],
    [
      'an unclosed flow map',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: b\n',
      yamlError("line 5: did not find expected ',' or '}'"),
    ],
    [
      // go-yaml's end of stream moves to a line of its own after an unfinished last line.
      'an unclosed flow sequence on a last line without a line break',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a, b',
      yamlError("line 5: did not find expected ',' or ']'"),
    ],
    ['a lone unclosed flow sequence', '[1', yamlError("line 1: did not find expected ',' or ']'")],
    [
      'a sequence item out of line',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n   ports:\n    - containerPort: 1\n',
      yamlError('line 6: did not find expected key'),
    ],
    [
      'a value continued deeper',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n     image: b\n',
      yamlError('line 6: mapping values are not allowed in this context'),
    ],
    [
      'a missing colon',
      'apiVersion: v1\nkind Pod\nmetadata:\n  name: x\n',
      yamlError("line 3: could not find expected ':'"),
    ],
    [
      'a key without a value',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: a\n    app b\n',
      yamlError("line 8: could not find expected ':'"),
    ],
    [
      'a reserved character',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: @x\n',
      yamlError('line 4: found character that cannot start any token'),
    ],
    [
      'an unknown escape',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    app: "a\\qb"\n',
      yamlError('line 6: found unknown escape character'),
    ],
    [
      'an unknown anchor',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *x\n',
      yamlError("unknown anchor 'x' referenced"),
    ],
    [
      'a Helm template',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: {{ .Values.app }}\n',
      yamlError('invalid map key: map[interface {}]interface {}{".Values.app":interface {}(nil)}'),
    ],
    [
      'a tag that does not fit',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: !!int abc\n',
      yamlError('cannot decode !!str `abc` as a !!int'),
    ],
    ['a sequence root then a key', '- a\nb: c\n', yamlError("line 1: did not find expected '-' indicator")],
    // A scanner error on the first line names no line (go-yaml counts from a 0 mark), checked with kubectl 1.33.
    [
      'a colon in a value on the first line',
      'apiVersion: v1: x\nkind: Pod\n',
      yamlError('mapping values are not allowed in this context'),
    ],
    [
      'a tab on the first line',
      '\tapiVersion: v1\n',
      yamlError('found character that cannot start any token'),
    ],
    ['an unknown escape on the first line', 'a: "\\q"\n', yamlError('found unknown escape character')],
    [
      'a bad document separator',
      `${POD_YAML}---x\n`,
      'error: error parsing x.yaml: invalid Yaml document separator: x',
    ],
    [
      'an error in the second document',
      `${POD_YAML}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: y\n  bad: [\n`,
      yamlError('line 5: did not find expected node content'),
    ],
    [
      'JSON with a doubled comma',
      '{"apiVersion": "v1", "kind": "Pod",, }',
      "error: error parsing x.yaml: json: offset 36: invalid character ',' looking for beginning of object key string",
    ],
    [
      'JSON missing a comma',
      '{"apiVersion": "v1", "kind": "Pod" "x": 1}',
      `error: error parsing x.yaml: json: offset 36: invalid character '"' after object key:value pair`,
    ],
    [
      'JSON with a bare word',
      '{"apiVersion": v1}',
      "error: error parsing x.yaml: json: offset 16: invalid character 'v' looking for beginning of value",
    ],
    [
      'JSON with a newline in a string',
      '{"a": "b\nc"}',
      "error: error parsing x.yaml: json: offset 9: invalid character '\\n' in string literal",
    ],
    ['JSON cut short', '{"apiVersion": "v1"\n', 'error: error parsing x.yaml: unexpected EOF'],
    [
      'JSON with a broken literal',
      '{"a": tru}',
      "error: error parsing x.yaml: json: offset 10: invalid character '}' in literal true (expecting 'e')",
    ],
    [
      'no kind',
      'apiVersion: v1\nmetadata:\n  name: x\n',
      'error: error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ],
    [
      'no apiVersion',
      'kind: Pod\nmetadata:\n  name: x\n',
      'error: error validating "x.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ],
    [
      'neither',
      'foo: 1\n',
      'error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ],
    [
      'a numeric apiVersion',
      'apiVersion: 1\nkind: Pod\n',
      `error: error validating "x.yaml": error validating data: apiVersion isn't string type; if you choose to ignore these errors, turn validation off with --validate=false`,
    ],
    [
      'a list at the top',
      '- a\n- b\n',
      'error: error validating "x.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    ],
    [
      'a first line indented',
      '  apiVersion: v1\nkind: Pod\n',
      'error: error validating "x.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ],
  ])('GIVEN %s WHEN read THEN kubectl says exactly that', (_, content, expected) => {
    expect(errorOf(content)).toBe(expected);
  });

  it('GIVEN a good document before a broken one WHEN read THEN the first still stands', () => {
    const r = read(`${POD_YAML}---\nkind: [\n`);
    expect(r.objects.map((o) => o.name)).toEqual(['kubia-manual']);
    expect(r.error).not.toBeNull();
  });
});

describe('manifest parsing: bounded input', () => {
  it('GIVEN more than 64 KiB WHEN read THEN it is refused before parsing', () => {
    const big = `${POD_YAML}${'# padding padding padding padding\n'.repeat(2000)}`;
    expect(errorOf(big)).toBe(
      `error: error reading x.yaml: the manifest is ${Buffer.byteLength(big)} bytes; this sandbox accepts at most 65536 bytes per manifest`,
    );
  });

  it('GIVEN a billion-laughs alias bomb WHEN read THEN it is refused quickly', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++) {
      const [name, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
      bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const started = performance.now();
    expect(errorOf(bomb)).toBe(yamlError('document contains excessive aliasing'));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['flow sequences', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 1],
    ['flow maps', `a: ${'{b: '.repeat(3000)}1${'}'.repeat(3000)}\n`, 1],
    ['block sequences', `${'- '.repeat(3000)}x\n`, 1],
    ['block maps', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 65],
  ])('GIVEN %s nested thousands deep WHEN read THEN the depth limit refuses them', (_, content, line) => {
    const started = performance.now();
    expect(errorOf(content)).toBe(yamlError(`line ${line}: exceeded max depth of 64`));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('GIVEN JSON nested thousands deep WHEN read THEN the depth limit refuses it', () => {
    expect(errorOf(`{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`)).toBe(
      "error: error parsing x.yaml: json: offset 70: invalid character '[' exceeded max depth",
    );
  });

  it.each([
    [
      'YAML',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  __proto__:\n    polluted: yes\n  labels:\n    constructor: x\n',
    ],
    [
      'JSON',
      '{"apiVersion":"v1","kind":"Pod","__proto__":{"polluted":true},"metadata":{"name":"x","labels":{"constructor":"x"}}}',
    ],
  ])(
    'GIVEN %s with __proto__ and constructor keys WHEN read and decoded THEN they are plain keys',
    (_, content) => {
      const r = read(content);
      const raw = r.objects[0]?.raw as JsonObject;
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
      const decoded = decodeStrict(raw, POD);
      expect(decoded.error).toMatch(/unknown field "(metadata\.)?__proto__"/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('strict decoding into the Pod type', () => {
  const decode = (yaml: string) => decodeStrict(read(yaml).objects[0]?.raw ?? {}, POD).error;
  const pod = (container: string, spec = '') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n${spec}  containers:\n  - name: a\n    image: nginx\n${container}`;

  it.each([
    ['a KIA manifest', POD_YAML, null],
    [
      'the fields real manifests use',
      pod(
        '    resources:\n      limits:\n        cpu: 100m\n    livenessProbe:\n      httpGet:\n        path: /\n        port: 8080\n    volumeMounts:\n    - name: v\n      mountPath: /v\n',
        '  volumes:\n  - name: v\n    emptyDir: {}\n',
      ),
      null,
    ],
    [
      'a misspelled field',
      pod('    commnd: [sleep]\n'),
      'strict decoding error: unknown field "spec.containers[0].commnd"',
    ],
    [
      'two unknown fields',
      pod('    commnd: [sleep]\n', '  foo: 1\n'),
      'strict decoding error: unknown field "spec.containers[0].commnd", unknown field "spec.foo"',
    ],
    [
      'a quoted port',
      pod('    ports:\n    - containerPort: "abc"\n'),
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
    [
      'a fractional port',
      pod('    ports:\n    - containerPort: 80.5\n'),
      'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
    [
      'a bool in nodeSelector',
      pod('', '  nodeSelector:\n    gpu: true\n'),
      'json: cannot unmarshal bool into Go struct field PodSpec.spec.nodeSelector of type string',
    ],
    [
      'a string for args',
      pod('    args: sleep 1\n'),
      'json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string',
    ],
    [
      'a map for containers',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    name: a\n',
      'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    ],
    [
      'a string for spec',
      'apiVersion: v1\nkind: Pod\nspec: run\n',
      'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec',
    ],
    [
      'a type error and an unknown field',
      pod('    commnd: [sleep]\n    ports:\n    - containerPort: "abc"\n'),
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    ],
  ])('GIVEN %s WHEN decoded THEN the API server answers as kube-apiserver does', (_, yaml, expected) => {
    expect(decode(yaml)).toBe(expected);
  });

  it('GIVEN a number label sent to the API door WHEN decoded THEN the API server answers as kube-apiserver does', () => {
    // kubectl never sends this (it decodes ObjectMeta itself, below); a client of the door could.
    const raw = jsonObject([
      ['apiVersion', 'v1'],
      ['kind', 'Pod'],
      [
        'metadata',
        jsonObject([
          ['name', 'x'],
          ['labels', jsonObject([['version', 2]])],
        ]),
      ],
    ]);
    expect(decodeStrict(raw, POD).error).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it.each([
    [
      'labels:\n    version: 2\n  name: x\n',
      'number into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    // YAMLToJSON writes the keys sorted: labels is decoded before name, wherever it was written.
    [
      'name: 5\n  labels:\n    a: yes\n',
      'bool into Go struct field ObjectMeta.metadata.labels of type string',
    ],
    ['namespace: 6\n  name: 5\n', 'number into Go struct field ObjectMeta.metadata.name of type string'],
    [
      'name: x\n  annotations: [a]\n',
      'array into Go struct field ObjectMeta.metadata.annotations of type map[string]string',
    ],
  ])(
    'GIVEN metadata %j WHEN kubectl reads it THEN its own decoding refuses the first type error, before any request',
    (meta, why) => {
      const r = read(`apiVersion: v1\nkind: Pod\nmetadata:\n  ${meta}`, 'STDIN');
      expect(r.objects).toEqual([]);
      expect(r.error === null ? null : renderError(r.error)).toBe(
        `error: unable to decode "STDIN": json: cannot unmarshal ${why}`,
      );
    },
  );
});

describe('three-way merge for apply', () => {
  it('GIVEN a label added by kubectl label WHEN a manifest without it is applied THEN the label stays', () => {
    const current = { metadata: { labels: { a: '1', added: 'x' } } };
    expect(
      threeWayMerge({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { a: '2' } } }, current),
    ).toEqual({
      metadata: { labels: { a: '2', added: 'x' } },
    });
  });

  it('GIVEN a label the last manifest had WHEN the new manifest drops it THEN it is removed', () => {
    const current = { metadata: { labels: { a: '1', b: '2' } } };
    expect(
      threeWayMerge(
        { metadata: { labels: { a: '1', b: '2' } } },
        { metadata: { labels: { a: '1' } } },
        current,
      ),
    ).toEqual({
      metadata: { labels: { a: '1' } },
    });
  });

  it('GIVEN containers WHEN merged THEN they merge by name and keep server defaults', () => {
    const current = { spec: { containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Always' }] } };
    const merged = threeWayMerge(undefined, { spec: { containers: [{ name: 'a', image: 'y' }] } }, current);
    expect(merged).toEqual({ spec: { containers: [{ name: 'a', image: 'y', imagePullPolicy: 'Always' }] } });
  });
});

describe('namespaces of the sandbox', () => {
  it('GIVEN 20 namespaces of the member WHEN a 21st is created THEN a clear quota error, nothing changed', () => {
    const t = testApp();
    for (let i = 1; i <= 20; i++)
      expect(t.say('alice', `kubectl create namespace ns-${i}`)).toBe(`namespace/ns-${i} created`);
    const reply = t.send('alice', 'kubectl create namespace ns-21');
    expect(reply.ok).toBe(false);
    expect(t.say('alice', 'kubectl create namespace ns-21')).toBe(
      'Error from server (Forbidden): namespaces "ns-21" is forbidden: exceeded quota: sandbox, requested: namespaces=1, used: namespaces=20, limited: namespaces=20',
    );
    expect(t.say('alice', 'kubectl get ns ns-21')).toBe(
      'Error from server (NotFound): namespaces "ns-21" not found',
    );
  });

  it('GIVEN a manifest with a namespace and a pod in it WHEN created in one go THEN the pod finds its namespace', () => {
    const t = testApp();
    const text = `kubectl create -f -\n\`\`\`yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n---\n${POD_YAML.replace('name: kubia-manual', 'name: kubia-manual\n  namespace: team')}\`\`\``;
    expect(t.say('alice', text)).toBe('namespace/team created\npod/kubia-manual created');
  });

  it('GIVEN two members WHEN both create the same namespace THEN each has their own', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl create ns team')).toBe('namespace/team created');
    expect(t.say('bob', 'kubectl create ns team')).toBe('namespace/team created');
  });
});

describe('apply stores what kubectl stores', () => {
  it('GIVEN a manifest WHEN applied THEN last-applied is the compact, sorted JSON with a newline', () => {
    const t = testApp();
    t.say('alice', `kubectl apply -f -\n\`\`\`yaml\n${POD_YAML}\`\`\``);
    const yaml = t.say(
      'alice',
      `kubectl apply -f - --dry-run=client -o json\n\`\`\`yaml\n${POD_YAML.replace('kubia-manual', 'other')}\`\`\``,
    );
    const annotation =
      JSON.parse(yaml).metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    expect(annotation).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"other","namespace":"default"},"spec":{"containers":[{"image":"luksa/kubia","name":"kubia","ports":[{"containerPort":8080,"protocol":"TCP"}]}]}}\n',
    );
  });

  it('GIVEN a command with < > & in it WHEN applied THEN they are escaped as Go escapes them', () => {
    expect(goJson({ command: ['sh', '-c', 'a > b && c < d'] })).toBe(
      '{"command":["sh","-c","a \\u003e b \\u0026\\u0026 c \\u003c d"]}',
    );
  });
});

describe('ObjectMeta decoded on the client (issue 15)', () => {
  it.each([
    ['name: y', 'bool'],
    ['name: 12', 'number'],
    ['namespace: [a]', 'array'],
  ])(
    'GIVEN metadata %s WHEN create -f - THEN kubectl fails to decode it before sending (%s)',
    (line, kind) => {
      const t = testApp();
      const field = line.split(':')[0];
      const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  ${line}\nspec: {containers: [{name: c, image: nginx}]}`;
      const reply = t.send('alice', `kubectl create -f -\n\`\`\`yaml\n${manifest}\n\`\`\``);
      expect(reply.ok).toBe(false);
      expect(replyText(reply)).toBe(
        `error: unable to decode "STDIN": json: cannot unmarshal ${kind} into Go struct field ObjectMeta.metadata.${field} of type string`,
      );
      expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    },
  );
});
