import { createIds, type Ids } from '../../cluster/ids.ts';
import { findImage } from '../../cluster/images.ts';
import type { Cluster, Container, Labels, Pod } from '../../cluster/model.ts';
import { createPod, type PodInput } from '../../cluster/pods.ts';
import { seedCluster } from '../../cluster/seed.ts';
import { fill, type Params } from '../../i18n/catalogue.ts';
import { podTable } from '../../kubectl/printers/pods.ts';
import { formatTable } from '../../kubectl/printers/table.ts';
import type { Localized } from '../question.ts';

/**
 * A throwaway sandbox for a generated question: the same fresh cluster every member starts with,
 * and pods made through the API server's path (`createPod`: validation, defaults, scheduling),
 * so the question's answer is whatever the simulator does, not what its author believed.
 */
export const GEN_NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

export interface Sim {
  cluster: Cluster;
  ids: Ids;
}

export function simCluster(seed: string): Sim {
  const ids = simIds(seed, 0);
  const seeded = seedCluster(GEN_NOW, ids);
  return { cluster: { now: GEN_NOW, ...seeded, forwards: [], files: [] }, ids };
}

/** The ids of the sim made from `seed`, as they stand after `serial` of them were handed out. */
export const simIds = (seed: string, serial: number): Ids => createIds(`quiz:${seed}`, serial);

export interface PodSpecInput {
  name: string;
  labels?: Labels;
  annotations?: Labels;
  nodeSelector?: Labels;
  containers?: Container[];
}

/** Creates a pod in the sim (as `kubectl create` would) and returns it; a bug if it is refused. */
export function addPod(sim: Sim, spec: PodSpecInput): Pod {
  const input: PodInput = {
    name: spec.name,
    namespace: 'default',
    labels: spec.labels ?? {},
    annotations: spec.annotations ?? {},
    containers: spec.containers ?? [container('main', 'nginx')],
    nodeSelector: spec.nodeSelector ?? {},
    restartPolicy: 'Always',
    createdVia: 'create',
  };
  const created = createPod(sim.cluster, input, sim.ids);
  if (!created.ok) throw new Error(`generator made an invalid pod ${spec.name}: ${created.error.code}`);
  sim.cluster.pods.push(created.value.pod);
  return created.value.pod;
}

export function container(name: string, image: string, command?: string[], args?: string[]): Container {
  const listens = findImage(image)?.listens ?? [];
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    ports: listens.map((port) => ({ containerPort: port, protocol: 'TCP' as const })),
    env: [],
    ...(command === undefined ? {} : { command }),
    ...(args === undefined ? {} : { args }),
  };
}

/**
 * fluent-bit as a metrics server: its stock config keeps the HTTP server off, so the question
 * starts it with `-H` (and shows that), as a real manifest must.
 */
export const FLUENT_BIT_HTTP_ARGS = ['-c', '/fluent-bit/etc/fluent-bit.conf', '-H'];

/** `command: [...]` and `args: [...]` lines of a container, as a manifest shows them. */
export function commandLines(c: Container, indent: string): string[] {
  const list = (words: readonly string[]) => `[${words.map((w) => `"${w}"`).join(', ')}]`;
  return [
    ...(c.command === undefined ? [] : [`${indent}command: ${list(c.command)}`]),
    ...(c.args === undefined ? [] : [`${indent}args: ${list(c.args)}`]),
  ];
}

export const userPods = (sim: Sim): Pod[] =>
  sim.cluster.pods.filter((p) => p.metadata.namespace === 'default');

/** `kubectl get po --show-labels` as the sandbox prints it, a few minutes after the pods were made. */
export function showLabels(pods: readonly Pod[], now = GEN_NOW + 5 * 60_000): string {
  const rows = podTable(pods, now, { wide: false, withNamespace: false, keys: [], showLabels: true });
  return `$ kubectl get po --show-labels\n${formatTable(rows)}`;
}

/** A sentence in both languages with `{name}` slots and `{을/를}` particles, for generated explanations. */
export function say(template: Localized, params: Params): Localized {
  return { ko: fill(template.ko, params), en: fill(template.en, params) };
}

export function joinLines(lines: readonly Localized[]): Localized {
  return { ko: lines.map((l) => l.ko).join('\n'), en: lines.map((l) => l.en).join('\n') };
}

/** The same text in both languages (pod names, commands, kubectl output). */
export const same = (text: string): Localized => ({ ko: text, en: text });
