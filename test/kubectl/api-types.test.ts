import { describe, expect, it } from 'vitest';
import { API_RESOURCES, groupVersion, qualifiedResource } from '../../src/cluster/openapi/discovery.ts';
import { resourcesNamed } from '../../src/kubectl/resources.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15 acceptance 2: every type discovery lists exists. Whatever the sandbox simulates, no
 * verb may tell a learner that a real type does not exist.
 */
const FALSE_FACTS = /does not exist|no matches for kind|doesn't have a resource type/;

describe('every api-resources type is a real type', () => {
  it('GIVEN kubectl api-resources THEN it lists the v1.34 types, about 60', () => {
    const box = verbSandbox();
    const { text, ok } = box.kubectl('api-resources -o name');
    expect(ok).toBe(true);
    const names = text.split('\n');
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const expected of [
      'pods',
      'services',
      'events',
      'deployments.apps',
      'replicationcontrollers',
      'events.events.k8s.io',
    ])
      expect(names).toContain(expected);
  });

  it.each(API_RESOURCES.map((r) => [qualifiedResource(r), r] as const))(
    'GIVEN %s WHEN get, get NAME, describe, explain and delete THEN none says the type does not exist',
    (qualified, r) => {
      const box = verbSandbox();
      // explain takes the first type whose resource[.group] prefixes its argument, so
      // `explain events.events.k8s.io` is core Event's path `events.k8s.io` (kubectl 1.33:
      // error: field "io" does not exist); such a type is explained with --api-version.
      const shadowed = resourcesNamed(r.name)[0]?.group !== r.group;
      const explained = shadowed ? `${r.name} --api-version=${groupVersion(r)}` : qualified;
      for (const line of [
        `get ${qualified}`,
        `get ${qualified} nosuch`,
        `describe ${qualified}`,
        `describe ${qualified} nosuch`,
        `explain ${explained}`,
        `delete ${qualified} nosuch`,
        `delete ${qualified} --all`,
      ]) {
        const { text } = box.kubectl(line);
        expect(text, `kubectl ${line}`).not.toMatch(FALSE_FACTS);
      }
    },
  );

  it('GIVEN a type the sandbox does not simulate WHEN get THEN kubectl answers as an empty cluster does', () => {
    const box = verbSandbox();
    expect(box.kubectl('get deploy').text).toBe('No resources found in default namespace.');
    expect(box.kubectl('get pv').text).toBe('No resources found');
    expect(box.kubectl('get deploy web').text).toBe(
      'Error from server (NotFound): deployments.apps "web" not found',
    );
    expect(box.kubectl('logs deploy/web').text).toBe(
      'Error from server (NotFound): deployments.apps "web" not found',
    );
  });
});
