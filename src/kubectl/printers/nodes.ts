import type { Namespace, Node } from '../../cluster/model.ts';
import { type LabelColumns, labelCells, labelHeaders } from './labels.ts';
import { age } from './pods.ts';

/** printers.go nodeColumnDefinitions / printNode. */
export function nodeTable(
  nodes: readonly Node[],
  now: number,
  opts: LabelColumns & { wide: boolean },
): string[][] {
  const header = [
    'NAME',
    'STATUS',
    'ROLES',
    'AGE',
    'VERSION',
    ...(opts.wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : []),
    ...labelHeaders(opts),
  ];
  const rows = nodes.map((n) => [
    n.metadata.name,
    n.spec.unschedulable ? 'Ready,SchedulingDisabled' : 'Ready',
    nodeRoles(n),
    age(n.metadata.creationTimestamp, now),
    n.status.kubeletVersion,
    ...(opts.wide
      ? [
          n.status.internalIP,
          '<none>',
          n.status.osImage,
          n.status.kernelVersion,
          n.status.containerRuntimeVersion,
        ]
      : []),
    ...labelCells(n.metadata.labels, opts),
  ]);
  return [header, ...rows];
}

/** ROLES: suffixes of node-role.kubernetes.io/<role> labels plus kubernetes.io/role, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

export function namespaceTable(
  namespaces: readonly Namespace[],
  now: number,
  opts: LabelColumns,
): string[][] {
  return [
    ['NAME', 'STATUS', 'AGE', ...labelHeaders(opts)],
    ...namespaces.map((n) => [
      n.metadata.name,
      n.status.phase,
      age(n.metadata.creationTimestamp, now),
      ...labelCells(n.metadata.labels, opts),
    ]),
  ];
}
