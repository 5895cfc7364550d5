import { describe, expect, it } from 'vitest';
import { apiObject, qosClass } from '../../src/cluster/api-object.ts';
import { at, boundPod, container, createThrough, seededCluster } from './lifecycle-fixtures.ts';

type Json = Record<string, unknown>;
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Json)[k] : undefined), value);

describe('objects as the API server returns them', () => {
  it('GIVEN a pod made like `kubectl run` WHEN returned THEN the spec carries the server defaults and no sim field', () => {
    const { cluster, pod } = createThrough(seededCluster(), 'kubia', [
      container('kubia', 'luksa/kubia', { ports: [{ containerPort: 8080, protocol: 'TCP' }] }),
    ]);
    const object = apiObject(pod, { ...cluster, now: at(10_000) });
    expect(Object.keys(object).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(JSON.stringify(object)).not.toContain('"sim"');
    expect(get(object, 'spec', 'containers', 0)).toEqual({
      image: 'luksa/kubia',
      imagePullPolicy: 'Always',
      name: 'kubia',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [
        {
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          name: `kube-api-access-${pod.sim.tokenSuffix}`,
          readOnly: true,
        },
      ],
    });
    expect(get(object, 'spec')).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    });
    expect(get(object, 'status', 'containerStatuses', 0)).toMatchObject({
      image: 'docker.io/luksa/kubia:latest',
      lastState: {},
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: '2025-01-15T10:00:03Z' } },
    });
    expect(String(get(object, 'status', 'containerStatuses', 0, 'containerID'))).toMatch(
      /^containerd:\/\/[0-9a-f]{64}$/,
    );
    expect(String(get(object, 'status', 'containerStatuses', 0, 'imageID'))).toMatch(
      /^docker\.io\/luksa\/kubia@sha256:[0-9a-f]{64}$/,
    );
    expect(get(object, 'status', 'conditions')).toEqual(
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
        (type) => ({
          lastProbeTime: null,
          lastTransitionTime:
            type === 'Ready' || type === 'ContainersReady' ? '2025-01-15T10:00:03Z' : '2025-01-15T10:00:00Z',
          observedGeneration: 1,
          status: 'True',
          type,
        }),
      ),
    );
    expect(get(object, 'metadata', 'generation')).toBe(1);
    expect(get(object, 'status')).toMatchObject({
      observedGeneration: 1,
      phase: 'Running',
      qosClass: 'BestEffort',
      startTime: '2025-01-15T10:00:00Z',
    });
  });

  it('GIVEN an unschedulable pod WHEN returned THEN only PodScheduled=False with the scheduler message, and no IPs', () => {
    const { cluster, pod } = createThrough(seededCluster(), 'gpu', [container('kubia', 'luksa/kubia')], {
      nodeSelector: { gpu: 'true' },
    });
    const status = get(apiObject(pod, { ...cluster, now: at(5000) }), 'status');
    expect(status).toEqual({
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: '2025-01-15T10:00:00Z',
          message:
            "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
          observedGeneration: 1,
          reason: 'Unschedulable',
          status: 'False',
          type: 'PodScheduled',
        },
      ],
      phase: 'Pending',
      qosClass: 'BestEffort',
    });
  });

  it('GIVEN a crash-looping container WHEN returned THEN lastState holds the previous instance, with its own container id', () => {
    const pod = boundPod([{ name: 'bb' }]);
    const cs = get(
      apiObject(pod, { ...seededCluster(), pods: [pod], now: at(20_000) }),
      'status',
      'containerStatuses',
      0,
    );
    expect(cs).toMatchObject({
      ready: false,
      restartCount: 2,
      started: false,
      lastState: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2025-01-15T10:00:14Z' } },
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
    expect(get(cs, 'lastState', 'terminated', 'containerID')).toBe(get(cs, 'containerID'));
    expect(
      get(apiObject(pod, { ...seededCluster(), pods: [pod], now: at(20_000) }), 'status', 'conditions', 2),
    ).toMatchObject({
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [bb]',
    });
  });

  it('GIVEN a manifest with an emptyDir, mounts and resources WHEN returned THEN they are kept and the token comes last', () => {
    const pod = boundPod([
      {
        name: 'app',
        extra: {
          volumeMounts: [{ mountPath: '/var/log', name: 'logs' }],
          resources: { limits: { cpu: '0.5', memory: '128Mi' } },
        },
      },
    ]);
    pod.spec.extra = { volumes: [{ name: 'logs', emptyDir: {} }] };
    const object = apiObject(pod, { ...seededCluster(), pods: [pod], now: at(5000) });
    expect(get(object, 'spec', 'volumes', 0)).toEqual({ name: 'logs', emptyDir: {} });
    expect(get(object, 'spec', 'volumes', 1, 'name')).toBe('kube-api-access-abcde');
    expect(get(object, 'spec', 'containers', 0, 'volumeMounts', 0)).toEqual({
      mountPath: '/var/log',
      name: 'logs',
    });
    expect(get(object, 'spec', 'containers', 0, 'resources')).toEqual({
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
    expect(qosClass(pod)).toBe('Guaranteed');
  });

  it('GIVEN a node and a namespace WHEN returned THEN they have the realistic status and the kubernetes finalizer', () => {
    const cluster = seededCluster();
    const node = cluster.nodes[1];
    const ns = cluster.namespaces[0];
    if (node === undefined || ns === undefined) throw new Error('seed');
    const object = apiObject(node, cluster);
    expect(get(object, 'status', 'addresses')).toEqual([
      { address: node.status.internalIP, type: 'InternalIP' },
      { address: node.metadata.name, type: 'Hostname' },
    ]);
    expect(get(object, 'status', 'daemonEndpoints')).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(get(object, 'status', 'conditions', 4)).toMatchObject({
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
    });
    expect(get(object, 'spec')).toEqual({ podCIDR: node.spec.podCIDR, podCIDRs: [node.spec.podCIDR] });
    expect(apiObject(ns, cluster)).toMatchObject({
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });
});

describe("a pod's object with fields the manifest set beyond the model", () => {
  it('GIVEN spec and container fields the simulator does not model THEN they sit where a spread of them would: in place when the server has the key, else after the defaults', () => {
    const pod = boundPod([{ image: 'nginx:1.27', extra: { workingDir: '/w', imagePullPolicy: 'Always' } }]);
    const withExtra = {
      ...pod,
      spec: { ...pod.spec, extra: { activeDeadlineSeconds: 100, dnsPolicy: 'Default' } },
    };
    const object = apiObject(withExtra, { ...seededCluster(), now: at(60_000) }) as {
      spec: Record<string, unknown> & { containers: Record<string, unknown>[] };
    };
    expect(Object.keys(object.spec)).toEqual([
      'containers',
      'dnsPolicy',
      'enableServiceLinks',
      'nodeName',
      'preemptionPolicy',
      'priority',
      'restartPolicy',
      'schedulerName',
      'securityContext',
      'serviceAccount',
      'serviceAccountName',
      'terminationGracePeriodSeconds',
      'activeDeadlineSeconds',
      'tolerations',
      'volumes',
    ]);
    expect(object.spec.dnsPolicy).toBe('Default');
    expect(Object.keys(object.spec.containers[0] ?? {})).toEqual([
      'image',
      'imagePullPolicy',
      'name',
      'resources',
      'terminationMessagePath',
      'terminationMessagePolicy',
      'workingDir',
      'volumeMounts',
    ]);
    expect(object.spec.containers[0]?.imagePullPolicy).toBe('Always');
  });
});
