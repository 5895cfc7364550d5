import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { asSeen } from '../../src/cluster/as-seen.ts';
import { applyToCluster } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster, Labels } from '../../src/cluster/model.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { renderError } from '../../src/kubectl/errors.ts';
import { runKubectl } from '../../src/kubectl/run-kubectl.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { T0 } from '../helpers/app.ts';

/**
 * A cluster driven through the kubectl verbs without chat or SQLite, for tests that also need
 * objects no verb can make yet (a pod with a `nodeSelector`) or want to look at the stored state.
 */
export interface VerbSandbox {
  cluster: Cluster;
  /** Runs `kubectl LINE`; returns the output and whether it succeeded, applying its changes. */
  kubectl(line: string): { text: string; ok: boolean };
  addPod(name: string, opts?: { labels?: Labels; nodeSelector?: Labels }): void;
  advance(ms: number): void;
}

export function verbSandbox(): VerbSandbox {
  const ids = createIds('verb-sandbox', 0);
  const seed = seedCluster(T0, ids);
  const box: VerbSandbox = {
    cluster: { now: T0, ...seed, forwards: [], files: [] },
    kubectl(line) {
      const tokens = tokenize(line);
      if (!tokens.ok) throw new Error(tokens.error);
      const result = runKubectl(
        KUBECTL_VERBS,
        { cluster: asSeen(box.cluster), ids, stdin: null, attachments: [] },
        tokens.value,
      );
      if (!result.ok) return { text: renderError(result.error), ok: false };
      box.cluster = applyToCluster(box.cluster, result.value.changes);
      return { text: result.value.output.map((l) => l.text).join('\n'), ok: result.value.exitCode === 0 };
    },
    addPod(name, opts = {}) {
      const container = {
        name: 'kubia',
        image: 'luksa/kubia',
        imagePullPolicy: 'Always' as const,
        ports: [],
        env: [],
      };
      const created = createPod(
        box.cluster,
        {
          name,
          namespace: 'default',
          labels: opts.labels ?? {},
          annotations: {},
          containers: [container],
          nodeSelector: opts.nodeSelector ?? {},
          restartPolicy: 'Always',
          createdVia: 'create',
        },
        ids,
      );
      if (!created.ok) throw new Error(created.error.message);
      box.cluster = applyToCluster(box.cluster, created.value.changes);
    },
    advance(ms) {
      box.cluster = { ...box.cluster, now: box.cluster.now + ms };
    },
  };
  return box;
}
