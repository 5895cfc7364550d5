import { describe, expect, it } from 'vitest';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import { LIMITS } from '../../src/cluster/limits.ts';
import type { Cluster, Container } from '../../src/cluster/model.ts';
import { createNamespace } from '../../src/cluster/namespaces.ts';
import { createPod, type PodInput } from '../../src/cluster/pods.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import type { Status } from '../../src/cluster/status.ts';
import { T0 } from '../helpers/app.ts';

/** What the API server answers, as data: reason, HTTP code and the server's own message. */
const ids = createIds('status-test', 0);
const fresh = (): Cluster => ({ now: T0, ...seedCluster(T0, ids), forwards: [], files: [] });
const container: Container = { name: 'c', image: 'nginx', imagePullPolicy: 'Always', ports: [], env: [] };
const pod = (over: Partial<PodInput> = {}): PodInput => ({
  name: 'web',
  namespace: 'default',
  labels: {},
  annotations: {},
  containers: [container],
  nodeSelector: {},
  restartPolicy: 'Always',
  createdVia: 'create',
  ...over,
});
const refusal = (r: { ok: true; value: unknown } | { ok: false; error: Status }) => {
  if (r.ok) throw new Error('expected a refusal');
  const { reason, code, message } = r.error;
  return { reason, code, message };
};
const withPod = (cluster: Cluster, input: PodInput): Cluster => {
  const created = createPod(cluster, input, ids);
  if (!created.ok) throw new Error(created.error.message);
  return applyToCluster(cluster, created.value.changes);
};
const terminating = (cluster: Cluster, name: string): Cluster => ({
  ...cluster,
  namespaces: cluster.namespaces.map((n) =>
    n.metadata.name === name ? { ...n, status: { phase: 'Terminating' as const } } : n,
  ),
});

describe('server Status', () => {
  it.each([
    [
      'GIVEN a pod that exists WHEN it is created again THEN AlreadyExists 409',
      () => createPod(withPod(fresh(), pod()), pod(), ids),
      { reason: 'AlreadyExists', code: 409, message: 'pods "web" already exists' },
    ],
    [
      'GIVEN no namespace "nope" WHEN a pod is created in it THEN NotFound 404 about the namespace',
      () => createPod(fresh(), pod({ namespace: 'nope' }), ids),
      { reason: 'NotFound', code: 404, message: 'namespaces "nope" not found' },
    ],
    [
      'GIVEN a terminating namespace WHEN a pod is created in it THEN Forbidden 403',
      () => createPod(terminating(fresh(), 'kube-public'), pod({ namespace: 'kube-public' }), ids),
      {
        reason: 'Forbidden',
        code: 403,
        message:
          'pods "web" is forbidden: unable to create new content in namespace kube-public because it is being terminated',
      },
    ],
    [
      'GIVEN a bad pod name WHEN it is created THEN Invalid 422 naming the field',
      () => createPod(fresh(), pod({ name: 'Web' }), ids),
      {
        reason: 'Invalid',
        code: 422,
        message: expect.stringMatching(
          /^Pod "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123/,
        ),
      },
    ],
    [
      'GIVEN a namespace that exists WHEN it is created again THEN AlreadyExists 409',
      () => createNamespace(fresh(), { name: 'default', labels: {}, annotations: {} }, ids),
      { reason: 'AlreadyExists', code: 409, message: 'namespaces "default" already exists' },
    ],
    [
      'GIVEN too many containers WHEN the pod is created THEN Forbidden 403 with the sandbox limit',
      () =>
        createPod(
          fresh(),
          pod({
            containers: Array.from({ length: LIMITS.containersPerPod + 1 }, (_, i) => ({
              ...container,
              name: `c${i}`,
            })),
          }),
          ids,
        ),
      {
        reason: 'Forbidden',
        code: 403,
        message: `pods "web" is forbidden: this sandbox allows at most ${LIMITS.containersPerPod} containers in a pod, got ${LIMITS.containersPerPod + 1}`,
      },
    ],
  ])('%s', (_name, call, expected) => {
    expect(refusal(call())).toEqual(expected);
  });

  it('GIVEN two invalid fields THEN the message lists both and the details carry each field apart', () => {
    const created = createPod(fresh(), pod({ name: 'Web', labels: { 'a b': 'x' } }), ids);
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.error.message).toMatch(/^Pod "Web" is invalid: \[metadata\.name: .*, metadata\.labels: /);
    expect(created.error.details?.causes?.map((c) => c.field)).toEqual(['metadata.name', 'metadata.labels']);
  });
});
