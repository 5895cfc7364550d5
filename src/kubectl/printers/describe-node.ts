import { cpuText, memoryText, nodeFacts } from '../../cluster/api-object.ts';
import { nodeEvents } from '../../cluster/events.ts';
import { podStatus } from '../../cluster/lifecycle.ts';
import type { Cluster, Namespace, Node } from '../../cluster/model.ts';
import { namespaceConditions } from '../../cluster/namespace-deletion.ts';
import { NODE_ALLOCATABLE, podTotals } from '../../cluster/quantity.ts';
import { compare } from '../query.ts';
import { describeWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './describe-writer.ts';
import { nodeRoles } from './nodes.ts';
import { age } from './pods.ts';

/** `kubectl describe node`, as kubectl's describeNode writes it. */
export function describeNode(node: Node, cluster: Pick<Cluster, 'now' | 'pods'>): string {
  const now = cluster.now;
  const facts = nodeFacts(node, now);
  const w = describeWriter();
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(Date.parse(node.metadata.creationTimestamp))}\n`);
  const taints = node.spec.taints.map(
    (t) => `${t.key}${t.value === undefined ? '' : `=${t.value}`}:${t.effect}`,
  );
  if (taints.length === 0) w.write(0, 'Taints:\t<none>\n');
  taints.forEach((t, i) => {
    w.write(0, `${i === 0 ? 'Taints:' : ''}\t${t}\n`);
  });
  w.write(0, `Unschedulable:\t${node.spec.unschedulable}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(facts.leaseRenewed)}\n`);
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of facts.conditions) {
    w.write(
      1,
      `${c.type} \t${c.status} \t${rfc1123z(c.heartbeat)} \t${rfc1123z(c.transition)} \t${c.reason} \t${c.message}\n`,
    );
  }
  w.write(0, 'Addresses:\n');
  w.write(1, `InternalIP:\t${node.status.internalIP}\n`);
  w.write(1, `Hostname:\t${node.metadata.name}\n`);
  for (const [title, list] of [
    ['Capacity', facts.capacity],
    ['Allocatable', facts.allocatable],
  ] as const) {
    w.write(0, `${title}:\n`);
    for (const [name, value] of Object.entries(list).sort(([a], [b]) => compare(a, b))) {
      w.write(0, `  ${name}:\t${value}\n`);
    }
  }
  w.write(0, 'System Info:\n');
  const info: [string, string][] = [
    ['Machine ID', facts.machineID],
    ['System UUID', facts.systemUUID],
    ['Boot ID', facts.bootID],
    ['Kernel Version', node.status.kernelVersion],
    ['OS Image', node.status.osImage],
    ['Operating System', 'linux'],
    ['Architecture', node.status.architecture],
    ['Container Runtime Version', node.status.containerRuntimeVersion],
    ['Kubelet Version', node.status.kubeletVersion],
    ['Kube-Proxy Version', ''],
  ];
  for (const [key, value] of info) w.write(0, `  ${key}:\t${value}\n`);
  w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  w.write(0, `PodCIDRs:\t${node.spec.podCIDR}\n`);
  writePods(w, node, cluster);
  writeEvents(w, nodeEvents(node, now), now);
  return w.text();
}

const ALLOCATABLE_CPU = NODE_ALLOCATABLE.cpuMilli;
const ALLOCATABLE_MEMORY = NODE_ALLOCATABLE.memoryBytes;

/** describeNodeResource: the node's non-terminated pods and what they request. */
function writePods(
  w: ReturnType<typeof describeWriter>,
  node: Node,
  cluster: Pick<Cluster, 'now' | 'pods'>,
): void {
  const pods = cluster.pods
    .filter((p) => p.spec.nodeName === node.metadata.name)
    .filter((p) => !['Succeeded', 'Failed'].includes(podStatus(p, cluster.now).phase))
    .sort(
      (a, b) =>
        compare(a.metadata.namespace, b.metadata.namespace) || compare(a.metadata.name, b.metadata.name),
    );
  const pct = (value: number, of: number) => Math.trunc((value / of) * 100);
  const cpu = (m: number) => `${cpuText(m)} (${pct(m, ALLOCATABLE_CPU)}%)`;
  const mem = (bytes: number) => `${memoryText(bytes)} (${pct(bytes, ALLOCATABLE_MEMORY)}%)`;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const pod of pods) {
    const row = podTotals(pod);
    total.cpuReq += row.cpuReq;
    total.cpuLim += row.cpuLim;
    total.memReq += row.memReq;
    total.memLim += row.memLim;
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cpu(row.cpuReq)}\t${cpu(row.cpuLim)}\t${mem(row.memReq)}\t${mem(row.memLim)}\t${age(pod.metadata.creationTimestamp, cluster.now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${cpu(total.cpuReq)}\t${cpu(total.cpuLim)}\n`);
  w.write(1, `memory\t${mem(total.memReq)}\t${mem(total.memLim)}\n`);
  for (const name of ['ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi'])
    w.write(1, `${name}\t0 (0%)\t0 (0%)\n`);
}

/**
 * `kubectl describe namespace`: no quotas or limit ranges exist in the sandbox. A namespace being
 * deleted shows the namespace controller's conditions.
 */
export function describeNamespace(namespace: Namespace, cluster: Pick<Cluster, 'now' | 'pods'>): string {
  const w = describeWriter();
  w.write(0, `Name:\t${namespace.metadata.name}\n`);
  writeLabels(w, 'Labels', namespace.metadata.labels);
  writeAnnotations(w, namespace.metadata.annotations);
  w.write(0, `Status:\t${namespace.status.phase}\n`);
  const conditions = namespaceConditions(namespace, cluster.pods, cluster.now);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions)
      w.write(
        1,
        `${c.type}\t${c.status}\t${rfc1123z(Date.parse(c.lastTransitionTime))}\t${c.reason}\t${c.message}\n`,
      );
  }
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.text();
}
