import { describe, expect, it } from 'vitest';
import { mergePatch, strategicMergePatch } from '../../src/cluster/patch.ts';
import { POD } from './patch-fixtures.ts';

describe('JSON merge patch (RFC 7386)', () => {
  it.each([
    ['a label added', { metadata: { labels: { tier: 'web' } } }, { run: 'kubia', env: 'prod', tier: 'web' }],
    ['a label removed with null', { metadata: { labels: { env: null } } }, { run: 'kubia' }],
    [
      'an existing label replaced',
      { metadata: { labels: { env: 'debug' } } },
      { run: 'kubia', env: 'debug' },
    ],
  ])('GIVEN %s THEN the labels merge', (_name, patch, labels) => {
    const result = mergePatch(POD, patch);
    expect(result.ok && (result.value as typeof POD).metadata.labels).toEqual(labels);
  });

  it('GIVEN a list in a merge patch THEN it replaces the whole list', () => {
    const result = mergePatch(POD, { spec: { containers: [{ name: 'kubia', image: 'v2' }] } });
    expect(result.ok && (result.value as typeof POD).spec.containers).toEqual([
      { name: 'kubia', image: 'v2' },
    ]);
  });

  it('GIVEN __proto__ as a key THEN it is only a key, never the prototype', () => {
    const result = mergePatch({}, JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('GIVEN a patch nested past any Pod THEN it is refused, not recursed into', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(mergePatch({}, deep)).toEqual({ ok: false, error: 'the patch is nested too deeply' });
  });
});

describe('strategic merge patch', () => {
  it("GIVEN kubectl apply's image change THEN containers merge by name and the order follows $setElementOrder", () => {
    const patch = {
      spec: {
        '$setElementOrder/containers': [{ name: 'side' }, { name: 'kubia' }],
        containers: [{ name: 'kubia', image: 'luksa/kubia:v2' }],
      },
    };
    const result = strategicMergePatch(POD, patch);
    const containers = result.ok ? (result.value as typeof POD).spec.containers : [];
    expect(containers.map((c) => [c.name, c.image])).toEqual([
      ['side', 'busybox'],
      ['kubia', 'luksa/kubia:v2'],
    ]);
    expect(containers[1]?.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
  });

  it('GIVEN no $setElementOrder THEN the patch names the order, and items only the server had keep their place before them', () => {
    const names = (patch: unknown) => {
      const result = strategicMergePatch(POD, { spec: { containers: patch } });
      return result.ok && (result.value as typeof POD).spec.containers.map((c) => c.name);
    };
    // As kubectl 1.33 patch --local --type=strategic orders them (apimachinery normalizeElementOrder).
    expect(names([{ name: 'b' }, { name: 'a' }])).toEqual(['b', 'a', 'kubia', 'side']);
    expect(names([{ name: 'a' }, { name: 'side' }, { name: 'b' }])).toEqual(['a', 'kubia', 'side', 'b']);
    expect(names([{ name: 'side' }, { name: 'kubia' }])).toEqual(['side', 'kubia']);
  });

  it('GIVEN $patch: delete on a list item THEN that container goes', () => {
    const result = strategicMergePatch(POD, { spec: { containers: [{ name: 'side', $patch: 'delete' }] } });
    expect(result.ok && (result.value as typeof POD).spec.containers.map((c) => c.name)).toEqual(['kubia']);
  });

  it.each([
    // apimachinery's words (mergepatch.ErrBadPatchType, ErrNoMergeKey), maps as Go's %v prints them.
    [{ $patch: 'explode' }, 'unknown patch type: explode in map: map[$patch:explode]'],
    [
      { spec: { containers: [{ image: 'x', ports: [{ containerPort: 80 }] }] } },
      'map: map[image:x ports:[map[containerPort:80]]] does not contain declared merge key: name',
    ],
    [{ metadata: { $weird: 1 } }, 'unknown patch directive: $weird'],
  ])('GIVEN the bad patch %j THEN it is refused with %s', (patch, message) => {
    expect(strategicMergePatch(POD, patch)).toEqual({ ok: false, error: message });
  });
});
