import type { Pod } from './model.ts';

/**
 * Resource quantities (k8s.io/apimachinery resource.Quantity, reduced to what pods and nodes use):
 * each container's requests and limits, a pod's totals, and what a sandbox node can allocate.
 */
/** Requests and limits as quantity strings (`cpu: 100m`, `memory: 70Mi`), by resource name. */
export interface Resources {
  requests: Record<string, string>;
  limits: Record<string, string>;
}

/** What kubeadm's and the add-ons' manifests ask for the control-plane pods. */
const SYSTEM_RESOURCES: Record<string, Resources> = {
  etcd: { requests: { cpu: '100m', memory: '100Mi' }, limits: {} },
  'kube-apiserver': { requests: { cpu: '250m' }, limits: {} },
  'kube-controller-manager': { requests: { cpu: '200m' }, limits: {} },
  'kube-scheduler': { requests: { cpu: '100m' }, limits: {} },
  'kube-dns': { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
  flannel: { requests: { cpu: '100m', memory: '50Mi' }, limits: {} },
};

const stringMap = (value: unknown): Record<string, string> =>
  isRecord(value)
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalQuantity(k, String(v))]))
    : {};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A manifest's `resources` as the server keeps them: canonical quantities, requests default to limits. */
export function writtenResources(written: unknown): Resources | null {
  if (!isRecord(written)) return null;
  const limits = stringMap(written.limits);
  return { limits, requests: { ...limits, ...stringMap(written.requests) } };
}

/** A container's resources: the manifest's (requests default to limits), or the add-on's. */
export function containerResources(pod: Pod, index: number): Resources {
  const written = writtenResources(pod.spec.containers[index]?.extra?.resources);
  if (written !== null) return written;
  if (pod.metadata.namespace !== 'kube-system' || index > 0) return { requests: {}, limits: {} };
  const labels = pod.metadata.labels;
  const key = labels.component ?? labels['k8s-app'] ?? labels.app ?? '';
  return SYSTEM_RESOURCES[key] ?? { requests: {}, limits: {} };
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A quantity in base units (cores for cpu, bytes otherwise), or null if unreadable. */
export function parseQuantity(text: string): number | null {
  const m = /^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text.trim());
  if (m === null) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === undefined) return n;
  if (unit === 'm') return n / 1000;
  return n * (BINARY[unit] ?? DECIMAL[unit] ?? 1);
}

/** resource.Quantity's canonical String(): `0.5` cpu is `500m`, `1024Mi` is `1Gi`. */
function canonicalQuantity(name: string, text: string): string {
  const value = parseQuantity(text);
  if (value === null) return text;
  if (name === 'cpu') return cpuText(Math.round(value * 1000));
  return /[KMGT]i$/.test(text) ? memoryText(value) : text;
}

export const cpuText = (milli: number): string => (milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`);
export function memoryText(bytes: number): string {
  if (bytes === 0) return '0';
  for (const unit of ['Ti', 'Gi', 'Mi', 'Ki']) {
    const size = BINARY[unit] ?? 1;
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** Kubernetes' QoS rule: nothing set anywhere is BestEffort; limits = requests for cpu and memory everywhere is Guaranteed. */
export function qosClass(pod: Pod): string {
  const all = pod.spec.containers.map((_, i) => containerResources(pod, i));
  if (all.every((r) => Object.keys(r.requests).length === 0 && Object.keys(r.limits).length === 0))
    return 'BestEffort';
  const guaranteed = all.every((r) =>
    ['cpu', 'memory'].every((k) => r.limits[k] !== undefined && r.limits[k] === r.requests[k]),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** What every sandbox node can allocate (nodeFacts: 2 CPUs, 3907640Ki of memory). */
export const NODE_ALLOCATABLE = { cpuMilli: 2000, memoryBytes: 3907640 * 1024 } as const;

/** PodRequestsAndLimits: cpu in millicores and memory in bytes, summed over the containers. */
export function podTotals(pod: Pod): { cpuReq: number; cpuLim: number; memReq: number; memLim: number } {
  const sum = (pick: (r: Resources) => string | undefined, scale: number) =>
    pod.spec.containers.reduce(
      (n, _, i) => n + Math.round((parseQuantity(pick(containerResources(pod, i)) ?? '0') ?? 0) * scale),
      0,
    );
  return {
    cpuReq: sum((r) => r.requests.cpu, 1000),
    cpuLim: sum((r) => r.limits.cpu, 1000),
    memReq: sum((r) => r.requests.memory, 1),
    memLim: sum((r) => r.limits.memory, 1),
  };
}
