import type { Ids } from './ids.ts';
import { iso } from './iso.ts';
import type { Container, Namespace, Node, Pod, Service } from './model.ts';
import { originalKubernetesService } from './services.ts';
import { asStaticPod } from './static-pods.ts';

/**
 * A fresh small cluster, as kubeadm leaves it: one control-plane node and three workers, the four
 * standard namespaces, the usual kube-system pods and the `kubernetes` Service. The cluster was made a few minutes before
 * the member first used it, so everything in it is already Running.
 */
export const KUBERNETES_VERSION = 'v1.34.1';
const CLUSTER_AGE_MS = 7 * 60_000;

export const CONTROL_PLANE = 'controlplane';
export const WORKERS = ['node01', 'node02', 'node03'] as const;

export interface SeedObjects {
  nodes: Node[];
  namespaces: Namespace[];
  pods: Pod[];
  services: Service[];
}

export function seedCluster(now: number, ids: Ids): SeedObjects {
  const born = now - CLUSTER_AGE_MS;
  const stamp = iso(born);
  const nodes = [CONTROL_PLANE, ...WORKERS].map((name, i) => makeNode(name, i, stamp, ids));
  const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map(
    (name): Namespace => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(name, stamp, ids, { 'kubernetes.io/metadata.name': name }),
      status: { phase: 'Active' },
    }),
  );
  const pods = systemPods(nodes, born, ids);
  // Made from the namespace's ids, not the counter: the ids of everything after stay as they were.
  const services = namespaces.filter((n) => n.metadata.name === 'default').map(originalKubernetesService);
  return { nodes, namespaces, pods, services };
}

function makeNode(name: string, index: number, stamp: string, ids: Ids): Node {
  const controlPlane = name === CONTROL_PLANE;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, stamp, ids, labels, {
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    }),
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      taints: controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
      unschedulable: false,
    },
    status: {
      internalIP: `172.30.1.${index + 2}`,
      kubeletVersion: KUBERNETES_VERSION,
      osImage: 'Ubuntu 24.04.1 LTS',
      kernelVersion: '6.8.0-45-generic',
      containerRuntimeVersion: 'containerd://1.7.24',
      architecture: 'amd64',
    },
  };
}

function systemPods(nodes: Node[], born: number, ids: Ids): Pod[] {
  const pods: Pod[] = [];
  const cp = nodes[0];
  if (cp === undefined) return pods;
  const staticPod = (component: string, image: string) =>
    asStaticPod(
      pod(`${component}-${CONTROL_PLANE}`, cp, true, { component, tier: 'control-plane' }, image, born, ids),
      component,
      born + 12_000,
    );
  pods.push(staticPod('etcd', 'registry.k8s.io/etcd:3.6.4-0'));
  pods.push(staticPod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`));
  pods.push(
    staticPod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`),
  );
  pods.push(staticPod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`));
  const dnsHash = ids.hex(10).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)] ?? 'x');
  for (const node of nodes) {
    pods.push(
      pod(
        `kube-proxy-${ids.suffix(5)}`,
        node,
        true,
        { 'k8s-app': 'kube-proxy' },
        `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
        born,
        ids,
      ),
    );
    pods.push(
      pod(
        `kube-flannel-ds-${ids.suffix(5)}`,
        node,
        true,
        { app: 'flannel', 'k8s-app': 'flannel' },
        'ghcr.io/flannel-io/flannel:v0.26.1',
        born,
        ids,
      ),
    );
  }
  for (const node of nodes.slice(1, 3)) {
    pods.push(
      pod(
        `coredns-${dnsHash}-${ids.suffix(5)}`,
        node,
        false,
        { 'k8s-app': 'kube-dns' },
        'registry.k8s.io/coredns/coredns:v1.12.1',
        born,
        ids,
        53,
      ),
    );
  }
  return pods;
}

function pod(
  name: string,
  node: Node,
  hostNetwork: boolean,
  labels: Record<string, string>,
  image: string,
  born: number,
  ids: Ids,
  port?: number,
): Pod {
  const container: Container = {
    name: name.startsWith('coredns') ? 'coredns' : name.split('-').slice(0, -1).join('-') || name,
    image,
    imagePullPolicy: 'IfNotPresent',
    ports: port === undefined ? [] : [{ containerPort: port, protocol: 'UDP', name: 'dns' }],
    env: [],
  };
  const nodeIndex = Number(node.spec.podCIDR.split('.')[2]);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(name, iso(born + 20_000), ids, labels), namespace: 'kube-system' },
    spec: {
      containers: [container],
      nodeSelector: {},
      restartPolicy: 'Always',
      nodeName: node.metadata.name,
      hostNetwork,
    },
    sim: {
      scheduledAt: born + 20_000,
      podIP: hostNetwork ? node.status.internalIP : `10.244.${nodeIndex}.${2 + (name.length % 2)}`,
      hostIP: node.status.internalIP,
      createdVia: 'create',
      tokenSuffix: ids.suffix(5),
      requests: [],
    },
  };
}

function meta(
  name: string,
  stamp: string,
  ids: Ids,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) {
  return {
    name,
    uid: ids.uid(),
    resourceVersion: ids.resourceVersion(),
    creationTimestamp: stamp,
    labels,
    annotations,
  };
}

export { iso };
