import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster, Container, Labels, Pod, RestartPolicy } from '../../src/cluster/model.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { renderError } from '../../src/kubectl/errors.ts';
import { runKubectl } from '../../src/kubectl/run-kubectl.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { T0 } from '../helpers/app.ts';

/**
 * A cluster driven through the kubectl verbs without chat or SQLite, with pods of any number of
 * containers (`kubectl create -f` is not needed for them), for the network, exec and logs tests.
 */
export interface NetSandbox {
  cluster: Cluster;
  kubectl(line: string, stdin?: string): { text: string; ok: boolean; exitCode: number };
  pod(
    name: string,
    containers: ContainerSketch[],
    opts?: { labels?: Labels; restartPolicy?: RestartPolicy; annotations?: Labels },
  ): Pod;
  get(name: string): Pod;
  advance(ms: number): void;
}

export interface ContainerSketch {
  name: string;
  image: string;
  args?: string[];
  env?: Record<string, string>;
}

export function netSandbox(): NetSandbox {
  const ids = createIds('net-sandbox', 0);
  const seed = seedCluster(T0, ids);
  const box: NetSandbox = {
    cluster: { now: T0, ...seed, forwards: [], files: [] },
    kubectl(line, stdin) {
      const tokens = tokenize(line);
      if (!tokens.ok) throw new Error(tokens.error);
      const ctx = { cluster: box.cluster, ids, stdin: stdin ?? null, attachments: [] };
      const result = runKubectl(KUBECTL_VERBS, ctx, tokens.value);
      if (!result.ok) return { text: renderError(result.error), ok: false, exitCode: 1 };
      box.cluster = applyToCluster(box.cluster, result.value.changes);
      const { output, exitCode } = result.value;
      return { text: output.map((l) => l.text).join('\n'), ok: exitCode === 0, exitCode };
    },
    pod(name, sketches, opts = {}) {
      const containers: Container[] = sketches.map((s) => ({
        name: s.name,
        image: s.image,
        imagePullPolicy: 'Always',
        ports: [],
        env: Object.entries(s.env ?? {}).map(([k, v]) => ({ name: k, value: v })),
        ...(s.args === undefined ? {} : { args: s.args }),
      }));
      const created = createPod(
        box.cluster,
        {
          name,
          namespace: 'default',
          labels: opts.labels ?? {},
          annotations: opts.annotations ?? {},
          containers,
          nodeSelector: {},
          restartPolicy: opts.restartPolicy ?? 'Always',
          createdVia: 'create',
        },
        ids,
      );
      if (!created.ok) throw new Error(created.error.message);
      box.cluster = applyToCluster(box.cluster, created.value.changes);
      return created.value.pod;
    },
    get(name) {
      const found = box.cluster.pods.find(
        (p) => p.metadata.name === name && p.metadata.namespace === 'default',
      );
      if (found === undefined) throw new Error(`no pod ${name}`);
      return found;
    },
    advance(ms) {
      box.cluster = { ...box.cluster, now: box.cluster.now + ms };
    },
  };
  return box;
}

export const kubia = (name = 'kubia'): ContainerSketch => ({ name, image: 'luksa/kubia' });
export const sleeper = (name = 'side'): ContainerSketch => ({
  name,
  image: 'busybox',
  args: ['sleep', '3600'],
});
export const nginx = (name = 'web'): ContainerSketch => ({ name, image: 'nginx' });
