import { describe, expect, it } from 'vitest';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import {
  PATCH_CONTENT_TYPES,
  patchedJson,
  patchObject,
  patchTypeOf,
} from '../../src/cluster/object-patch.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { T0 } from '../helpers/app.ts';
import { POD } from './patch-fixtures.ts';

/** The PATCH step both doors share: a patch type, then the kind's update rules. */
function cluster(): { cluster: Cluster; ids: ReturnType<typeof createIds> } {
  const ids = createIds('object-patch', 0);
  return { cluster: { now: T0, ...seedCluster(T0, ids), forwards: [], files: [] }, ids };
}

describe('object-patch: one PATCH for both doors', () => {
  it('GIVEN each patch Content-Type THEN its patch type, and none for another', () => {
    for (const [type, content] of Object.entries(PATCH_CONTENT_TYPES))
      expect(patchTypeOf(content)).toBe(type);
    expect(patchTypeOf('application/apply-patch+yaml')).toBeUndefined();
  });

  it('GIVEN a node WHEN each patch type sets a label THEN the stored node changes once; the same again writes nothing', () => {
    const { cluster: c, ids } = cluster();
    const node = c.nodes.find((n) => n.metadata.name === 'node01');
    if (node === undefined) throw new Error('no node01');
    const bodies = {
      strategic: '{"metadata":{"labels":{"disk":"ssd"}}}',
      merge: '{"metadata":{"labels":{"disk":"ssd"}}}',
      json: '[{"op":"add","path":"/metadata/labels/disk","value":"ssd"}]',
    } as const;
    for (const [type, body] of Object.entries(bodies) as [keyof typeof bodies, string][]) {
      const first = patchObject(c, node, type, body, ids);
      expect(first.ok && first.value.changed).toBe(true);
      if (!first.ok) return;
      const after = applyToCluster(c, first.value.changes);
      const stored = after.nodes.find((n) => n.metadata.name === 'node01');
      expect(stored?.metadata.labels.disk).toBe('ssd');
      if (stored === undefined) return;
      const again = patchObject(after, stored, type, body, ids);
      expect(again.ok && again.value).toMatchObject({ changed: false, changes: [] });
    }
  });

  it('GIVEN a body that is no JSON THEN each patch type refuses it as the API server’s patch handler does', () => {
    const { cluster: c, ids } = cluster();
    const ns = c.namespaces.find((n) => n.metadata.name === 'default');
    if (ns === undefined) throw new Error('no default');
    // Go's encoding/json for a strategic merge patch (json.Unmarshal into a map), never V8's words;
    // jsonpatch.MergePatch's ErrBadJSONPatch for a JSON merge patch. An unquoted chat -p loses
    // its inner quotes this way: `{metadata:...}`.
    const strategic = patchObject(c, ns, 'strategic', '{metadata:{}}', ids);
    expect(!strategic.ok && strategic.error.message).toBe(
      "invalid character 'm' looking for beginning of object key string",
    );
    const merge = patchObject(c, ns, 'merge', '{bad', ids);
    expect(!merge.ok && merge.error.message).toBe('Invalid JSON Patch');
    const json = patchObject(c, ns, 'json', '{"op":"add"}', ids);
    expect(!json.ok && json.error.message).toBe(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  });
});

/**
 * application/json-patch+json: the library's patch (src/go/json-patch.ts) with patch.go
 * applyJSPatch's wrapping around it.
 */
describe('object-patch: a JSON patch (RFC 6902) as the API server applies it', () => {
  const patched = (ops: unknown) => patchedJson(POD, 'json', JSON.stringify(ops));
  const labelsAfter = (ops: unknown) => {
    const result = patched(ops);
    return result.ok ? (result.value as typeof POD).metadata.labels : result.error;
  };

  it.each([
    [
      'add',
      [{ op: 'add', path: '/metadata/labels/tier', value: 'web' }],
      { run: 'kubia', env: 'prod', tier: 'web' },
    ],
    [
      'replace',
      [{ op: 'replace', path: '/metadata/labels/env', value: 'dev' }],
      { run: 'kubia', env: 'dev' },
    ],
    ['remove', [{ op: 'remove', path: '/metadata/labels/env' }], { run: 'kubia' }],
    [
      'copy',
      [{ op: 'copy', from: '/metadata/labels/run', path: '/metadata/labels/app' }],
      { run: 'kubia', env: 'prod', app: 'kubia' },
    ],
    [
      'move',
      [{ op: 'move', from: '/metadata/labels/env', path: '/metadata/labels/stage' }],
      { run: 'kubia', stage: 'prod' },
    ],
    [
      '~1 for /',
      [{ op: 'add', path: '/metadata/labels/example.com~1tier', value: 'x' }],
      { run: 'kubia', env: 'prod', 'example.com/tier': 'x' },
    ],
    [
      'a passing test',
      [{ op: 'test', path: '/metadata/labels/env', value: 'prod' }],
      { run: 'kubia', env: 'prod' },
    ],
  ])('GIVEN %s THEN the labels are as the operations leave them', (_name, ops, labels) => {
    expect(labelsAfter(ops)).toEqual(labels);
  });

  it('GIVEN "-" THEN the item goes after the last; an index inserts before it', () => {
    const result = patched([
      { op: 'add', path: '/spec/containers/-', value: { name: 'last' } },
      { op: 'add', path: '/spec/containers/0', value: { name: 'first' } },
    ]);
    const names = result.ok && (result.value as typeof POD).spec.containers.map((c) => c.name);
    expect(names).toEqual(['first', 'kubia', 'side', 'last']);
  });

  // patch.go: `patchedJS, err := patchObj.Apply(versionedJS); if err != nil { return nil, nil,
  // errors.NewGenericServerResponse(http.StatusUnprocessableEntity, "", schema.GroupResource{},
  // "", err.Error(), 0, false) }`; for 422 that constructor keeps its own message and, with
  // isUnexpectedResponse false, no cause: the library's words never reach the client.
  it.each([
    ['a failing test', [{ op: 'test', path: '/metadata/labels/env', value: 'dev' }]],
    ['remove of a missing key', [{ op: 'remove', path: '/metadata/labels/nope' }]],
    ['replace past the end of a list', [{ op: 'replace', path: '/spec/containers/5', value: {} }]],
    ['a path under nothing', [{ op: 'add', path: '/metadata/nope/zz', value: '1' }]],
    ['an index that is no number', [{ op: 'add', path: '/spec/containers/x', value: {} }]],
    ['an unknown op', [{ op: 'bogus', path: '/x' }]],
    ['a move from nothing', [{ op: 'move', from: '/metadata/labels/nope', path: '/metadata/labels/m' }]],
    ['a copy from past the end', [{ op: 'copy', from: '/spec/containers/3', path: '/metadata/labels/m' }]],
  ])(
    'GIVEN %s THEN a 422 Invalid in the constructor’s words, naming nothing, and the object untouched',
    (_name, ops) => {
      expect(patched([{ op: 'add', path: '/metadata/labels/tier', value: 'x' }, ...ops])).toEqual({
        ok: false,
        error: {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Invalid',
          code: 422,
          message: 'the server rejected our request due to an error in our request',
          details: {},
        },
      });
      expect(POD.metadata.labels).toEqual({ run: 'kubia', env: 'prod' });
    },
  );

  it.each([
    ['{"op":"add"}', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['[1]', 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
    ['[{"op":"add"', 'unexpected end of JSON input'],
  ])('GIVEN the body %s THEN DecodePatch’s error is a 400 in its words', (body, message) => {
    const result = patchedJson(POD, 'json', body);
    expect(!result.ok && [result.error.code, result.error.reason, result.error.message]).toEqual([
      400,
      'BadRequest',
      message,
    ]);
  });

  it('GIVEN 10001 operations THEN a 413 before any is applied; 10000 are applied', () => {
    const ops = (n: number) =>
      JSON.stringify(Array(n).fill({ op: 'test', path: '/metadata/name', value: 'kubia' }));
    const tooMany = patchedJson(POD, 'json', ops(10_001));
    expect(!tooMany.ok && tooMany.error).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'RequestEntityTooLarge',
      code: 413,
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    });
    expect(patchedJson(POD, 'json', ops(10_000)).ok).toBe(true);
  });
});
