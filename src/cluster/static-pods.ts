import { createHash } from 'node:crypto';
import type { Container, Pod } from './model.ts';

/**
 * What kubeadm's manifests in /etc/kubernetes/manifests give the four control-plane pods, and
 * what the kubelet adds to their mirrors: the `kubernetes.io/config.*` annotations (the hash of
 * the manifest, twice, when the kubelet saw the file, and that it came from a file), the
 * advertise annotations kubeadm writes for etcd and the API server, the host directories each
 * mounts, and the toleration of every NoExecute taint. Data, checked against kubeadm v1.34's
 * manifests; no service account (see api-object.ts isStaticPod).
 */
interface HostDir {
  name: string;
  path: string;
  type: 'DirectoryOrCreate' | 'FileOrCreate';
  readOnly: boolean;
}

const dir = (name: string, path: string, readOnly = true): HostDir => ({
  name,
  path,
  type: 'DirectoryOrCreate',
  readOnly,
});
const file = (name: string, path: string): HostDir => ({ name, path, type: 'FileOrCreate', readOnly: true });

const CA_DIRS = [
  dir('ca-certs', '/etc/ssl/certs'),
  dir('etc-ca-certificates', '/etc/ca-certificates'),
  dir('k8s-certs', '/etc/kubernetes/pki'),
  dir('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'),
  dir('usr-share-ca-certificates', '/usr/share/ca-certificates'),
];

const HOST_DIRS: Record<string, readonly HostDir[]> = {
  etcd: [dir('etcd-certs', '/etc/kubernetes/pki/etcd', false), dir('etcd-data', '/var/lib/etcd', false)],
  'kube-apiserver': CA_DIRS,
  'kube-controller-manager': [
    ...CA_DIRS.slice(0, 2),
    dir('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false),
    CA_DIRS[2] as HostDir,
    file('kubeconfig', '/etc/kubernetes/controller-manager.conf'),
    ...CA_DIRS.slice(3),
  ],
  'kube-scheduler': [file('kubeconfig', '/etc/kubernetes/scheduler.conf')],
};

function advertised(component: string, hostIP: string): Record<string, string> {
  if (component === 'etcd')
    return { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${hostIP}:2379` };
  if (component === 'kube-apiserver')
    return { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${hostIP}:6443` };
  return {};
}

/** RFC 3339 with nanoseconds, as Go prints a time.Time the kubelet took. */
function nanoStamp(ms: number, digits: string): string {
  const nanos = `${String(ms % 1000).padStart(3, '0')}${digits.replace(/\D/g, '').padEnd(6, '0').slice(0, 6)}`;
  return `${new Date(ms - (ms % 1000)).toISOString().slice(0, 19)}.${nanos}Z`;
}

/** The mirror of a kubeadm static pod, made from the seed's plain pod of that component. */
export function asStaticPod(pod: Pod, component: string, seenAt: number): Pod {
  const hash = createHash('sha256').update(`manifest:${component}:${pod.metadata.uid}`).digest('hex');
  const dirs = HOST_DIRS[component] ?? [];
  const annotations = {
    ...advertised(component, pod.sim.hostIP ?? ''),
    'kubernetes.io/config.hash': hash.slice(0, 32),
    'kubernetes.io/config.mirror': hash.slice(0, 32),
    'kubernetes.io/config.seen': nanoStamp(seenAt, hash.slice(32)),
    'kubernetes.io/config.source': 'file',
  };
  const mounts = dirs.map((d) => ({
    mountPath: d.path,
    name: d.name,
    ...(d.readOnly ? { readOnly: true } : {}),
  }));
  const containers = pod.spec.containers.map(
    (c): Container => ({ ...c, extra: { ...c.extra, volumeMounts: mounts } }),
  );
  const volumes = dirs.map((d) => ({ hostPath: { path: d.path, type: d.type }, name: d.name }));
  return {
    ...pod,
    metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, ...annotations } },
    spec: {
      ...pod.spec,
      containers,
      extra: { ...pod.spec.extra, tolerations: [{ effect: 'NoExecute', operator: 'Exists' }], volumes },
    },
  };
}
