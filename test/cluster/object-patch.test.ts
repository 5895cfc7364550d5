import { describe, expect, it } from 'vitest';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { PATCH_CONTENT_TYPES, patchObject, patchTypeOf } from '../../src/cluster/object-patch.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { T0 } from '../helpers/app.ts';

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
