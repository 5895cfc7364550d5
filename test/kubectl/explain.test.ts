import { describe, expect, it } from 'vitest';
import { DEFINITIONS, type Definition } from '../../src/cluster/openapi/discovery.ts';
import { wrap } from '../../src/kubectl/explain/render.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15 acceptance 3: `explain` prints the v1.34 schema data (src/cluster/openapi/v1.34.json)
 * for every field path of the types the course meets, and `--recursive` prints every field.
 */
const ROOTS: Record<string, string> = {
  pods: 'io.k8s.api.core.v1.Pod',
  nodes: 'io.k8s.api.core.v1.Node',
  namespaces: 'io.k8s.api.core.v1.Namespace',
  services: 'io.k8s.api.core.v1.Service',
  events: 'io.k8s.api.core.v1.Event',
};

/** Every field path under a definition, each type opened once per branch (no cycles). */
function paths(
  key: string,
  prefix: string,
  open: readonly string[],
): { path: string; def: Definition; name: string }[] {
  const def = DEFINITIONS[key];
  if (def === undefined) return [];
  return Object.entries(def.f).flatMap(([name, field]) => {
    const path = `${prefix}.${name}`;
    const deeper =
      field.r === undefined || open.includes(field.r) ? [] : paths(field.r, path, [...open, field.r]);
    return [{ path, def, name }, ...deeper];
  });
}

const indented = (text: string) => `    ${wrap(text, 76).replaceAll('\n', '\n    ')}`;

describe('explain from the v1.34 schema', () => {
  const box = verbSandbox();
  for (const [resource, root] of Object.entries(ROOTS)) {
    const all = paths(root, resource, [root]);
    it(`GIVEN every field path of ${resource} (${all.length}) WHEN explained THEN FIELD, type and description are the schema's`, () => {
      expect(all.length).toBeGreaterThan(resource === 'namespaces' ? 20 : 60);
      for (const { path, def, name } of all) {
        const field = def.f[name];
        if (field === undefined) throw new Error(path);
        const { text, ok } = box.kubectl(`explain ${path}`);
        expect(ok, path).toBe(true);
        expect(text, path).toContain(`FIELD: ${name} <${field.t}>`);
        expect(text, path).toContain(indented(field.d));
      }
    });
  }

  it('GIVEN explain pods --recursive THEN every field appears, nested two spaces per level, in order', () => {
    const { text } = box.kubectl('explain pods --recursive');
    const expected: string[] = [];
    const walk = (key: string, pad: number, open: readonly string[]) => {
      const def = DEFINITIONS[key];
      if (def === undefined) return;
      for (const name of Object.keys(def.f).sort()) {
        const f = def.f[name];
        if (f === undefined) continue;
        expected.push(`${' '.repeat(pad)}${name}\t<${f.t}>${f.q === 1 ? ' -required-' : ''}`);
        if (f.r !== undefined && !open.includes(f.r)) walk(f.r, pad + 2, [...open, f.r]);
      }
    };
    walk(ROOTS.pods ?? '', 2, [ROOTS.pods ?? '']);
    const listed = text.slice(text.indexOf('FIELDS:\n') + 'FIELDS:\n'.length).split('\n');
    expect(listed).toEqual(expected);
    expect(listed).toContain('      tolerations\t<[]Toleration>'.slice(2));
  });

  it('GIVEN pods.spec.tolerations (shown by -o yaml) THEN explain knows it', () => {
    expect(box.kubectl('explain pods.spec.tolerations').text).toContain('FIELD: tolerations <[]Toleration>');
  });

  it('GIVEN a group resource THEN the GROUP line comes first, and a wrong --api-version is refused', () => {
    expect(
      box
        .kubectl('explain deploy')
        .text.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n'),
    ).toBe(true);
    expect(box.kubectl('explain deployments.apps.spec.replicas').text).toContain('FIELD: replicas <integer>');
    expect(box.kubectl('explain deploy --api-version=apps/v2').text).toBe(
      `error: couldn't find resource for "apps/v2, Resource=deployments"`,
    );
  });

  it('GIVEN a field with enum values THEN ENUM lists them (kept from the v3 document)', () => {
    expect(box.kubectl('explain pods.spec.restartPolicy').text).toContain(
      'ENUM:\n    Always\n    Never\n    OnFailure\n',
    );
  });
});

describe('explain and get on what does not exist (kubectl 1.33 against Podium’s API door)', () => {
  const box = verbSandbox();
  it('GIVEN an unknown type WHEN explain THEN kubectl’s NoMatch line, without `error:`; WHEN get or describe THEN with it, naming only the resource', () => {
    expect(box.kubectl('explain foo.apps')).toEqual({
      text: 'the server doesn\'t have a resource type "foo"',
      ok: false,
    });
    expect(box.kubectl('get foo.v1.apps').text).toBe('error: the server doesn\'t have a resource type "foo"');
    expect(box.kubectl('describe po.v2').text).toBe('error: the server doesn\'t have a resource type "po"');
    // TYPE.v1 names a group v1; the core group is `pods.` or `pods.v1.`.
    expect(box.kubectl('get pods.v1').text).toBe('error: the server doesn\'t have a resource type "pods"');
    expect(box.kubectl('get pods.v1. -o name').ok).toBe(true);
    expect(box.kubectl('get pods. -o name').ok).toBe(true);
  });

  it('GIVEN a known type WHEN explain names a field it lacks THEN the kind’s header comes before the error', () => {
    expect(box.kubectl('explain deployments.apps.spec.nosuch')).toEqual({
      text: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nerror: field "nosuch" does not exist',
      ok: false,
    });
    expect(box.kubectl('explain pods.spec.containers.foo').text).toBe(
      'KIND:       Pod\nVERSION:    v1\n\nerror: field "foo" does not exist',
    );
  });
});

describe('explain TYPE[.GROUP].FIELD… and --api-version, read as kubectl 1.33 reads them (checked against Podium’s API door)', () => {
  const box = verbSandbox();
  const pod = 'KIND:       Pod\nVERSION:    v1\n\n';
  const deployment = 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n';
  const missing = (header: string, field: string) => `${header}error: field "${field}" does not exist`;

  // A version or group after the type is not a qualifier: only `resource.group` as a prefix is;
  // anything else is the path, and a missing path names its last field.
  it.each([
    ['explain pods.v1.spec', missing(pod, 'spec')],
    ['explain po.v1.spec', missing(pod, 'spec')],
    ['explain pods.v1.metadata.name', missing(pod, 'name')],
    ['explain pods.nosuch.metadata', missing(pod, 'metadata')],
    ['explain pods.spec.containers.v1', missing(pod, 'v1')],
    ['explain pods.spec..', missing(pod, '')],
    ['explain deployments.v1.apps.spec', missing(deployment, 'spec')],
    ['explain deploy.apps.spec', missing(deployment, 'spec')],
    ['explain events.events.k8s.io.note', missing('KIND:       Event\nVERSION:    v1\n\n', 'note')],
    ['explain --api-version=v1 pods.v1.spec', missing(pod, 'spec')],
    ['explain --api-version=apps/v1 deployments.apps.spec', missing(deployment, 'spec')],
    ['explain pods.spec..containers', 'error: invalid jsonpath syntax, first node must be field node'],
    ['explain *.spec', 'error: invalid jsonpath syntax, first node must be field node'],
    ['explain --api-version=v1 pods..spec', 'error: invalid jsonpath syntax, all nodes must be field nodes'],
    ['explain pods.spec[', 'error: unterminated array'],
    ['explain pods}{.x', 'error: must pass in 1 jsonpath string'],
    ['explain .', 'error: a resource must be present, got: /, Resource='],
    ['explain --api-version=apps/v1 pods', 'error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema'],
    [
      'explain --api-version=v1 deployments.apps',
      'error: GVR (/v1, Resource=deployments) not found in OpenAPI schema',
    ],
    ['explain --api-version=v2 pods', 'error: couldn\'t find resource for "/v2, Resource=pods"'],
    ['explain --api-version=a/b/c pods', 'error: unexpected GroupVersion string: a/b/c'],
  ])('GIVEN %s THEN kubectl’s answer', (line, expected) => {
    expect(box.kubectl(line)).toEqual({ text: expected, ok: false });
  });

  it.each([
    ['explain pods..spec', `${pod}FIELD: spec <PodSpec>`],
    ['explain pods.spec.', `${pod}FIELD: spec <PodSpec>`],
    ['explain pods..', `${pod}DESCRIPTION:`],
    ['explain --api-version=/v1 pods', `${pod}DESCRIPTION:`],
    ['explain --api-version=apps/v1 deploy.spec', `${deployment}FIELD: spec <DeploymentSpec>`],
    [
      'explain --api-version=events.k8s.io/v1 events.note',
      'GROUP:      events.k8s.io\nKIND:       Event\nVERSION:    v1\n\nFIELD: note <string>',
    ],
  ])('GIVEN %s THEN it is explained', (line, start) => {
    const { text, ok } = box.kubectl(line);
    expect(ok).toBe(true);
    expect(text.startsWith(start), text.slice(0, 200)).toBe(true);
  });
});
