import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { applyToCluster } from '../cluster/changes.ts';
import { deepFreeze, FREEZE_CACHED } from '../cluster/freeze.ts';
import { renderError } from '../kubectl/errors.ts';
import { runKubectl } from '../kubectl/run-kubectl.ts';
import { tokenize } from '../kubectl/tokenize.ts';
import { err, ok, type Result } from '../result.ts';
import { simCluster, simIds } from './generate/sim.ts';
import type { ChoiceSpec } from './question.ts';

/**
 * The key of a `predict` question, computed: the setup commands and then the asked command run
 * through kubectl in a fresh sandbox (the one every member starts with), and the choice whose
 * output appears in what kubectl printed is the answer. None, or more than one, is a bank error.
 */
export type SetupStep = { run: string } | { advanceMs: number };

export interface Predicted {
  answer: string;
  /** What kubectl printed for the asked command (stdout and stderr, as a member sees them). */
  printed: string;
}

export function predictKey(
  setup: readonly SetupStep[],
  command: string,
  choices: readonly ChoiceSpec[],
  seed: string,
): Result<Predicted, string> {
  const sandbox = prepared(setup, seed);
  if (!sandbox.ok) return sandbox;
  const { cluster, ids } = sandbox.value;
  const asked = kubectl(cluster, ids, command);
  if (!asked.ok) return err(`\`${command}\` ${asked.error}`);
  const printed = asked.value.printed;
  const matching = choices.filter((c) => printed.includes(c.text.en.trim()));
  if (matching.length !== 1)
    return err(
      `\`${command}\` prints ${JSON.stringify(printed.slice(0, 300))}, which ${
        matching.length === 0 ? 'no choice' : `choices ${matching.map((c) => c.id).join(', ')}`
      } match${matching.length === 1 ? 'es' : ''}; exactly one must`,
    );
  return ok({ answer: matching[0]?.id ?? '', printed });
}

function kubectl(
  cluster: ReturnType<typeof simCluster>['cluster'],
  ids: ReturnType<typeof simCluster>['ids'],
  line: string,
) {
  const words = tokenize(line.replace(/^kubectl\s+/, ''));
  if (!words.ok) return err(`does not tokenize: ${words.error}`);
  const result = runKubectl(KUBECTL_VERBS, { cluster, ids, stdin: null, attachments: [] }, words.value);
  if (!result.ok) return ok({ exitCode: 1, changes: [], printed: renderError(result.error) });
  const printed = result.value.output.map((l) => l.text).join('\n');
  return ok({ exitCode: result.value.exitCode, changes: result.value.changes, printed });
}

type Sandbox = ReturnType<typeof simCluster>;

/** A fresh sandbox after the setup steps, or why a step failed. */
export function prepared(setup: readonly SetupStep[], seed: string): Result<Sandbox, string> {
  // A command question grades every answer in a sandbox prepared from its setup (a live quiz:
  // a thousand answers in a second). The result is the same every time (seeded ids, the
  // generator's clock), so it is kept per question, for this very setup; each use gets ids of its
  // own, at the counter the setup left, since running a command hands out more.
  const kept = preparedKept.get(seed);
  if (kept !== undefined && kept.setup === setup)
    return kept.result.ok
      ? ok({ cluster: kept.result.value.cluster, ids: simIds(`predict:${seed}`, kept.result.value.serial) })
      : kept.result;
  const made = preparedAfresh(setup, seed);
  if (made.ok && FREEZE_CACHED) deepFreeze(made.value.cluster);
  if (preparedKept.size >= PREPARED_KEPT) preparedKept.clear();
  preparedKept.set(seed, {
    setup,
    result: made.ok ? ok({ cluster: made.value.cluster, serial: made.value.ids.serial }) : made,
  });
  return made;
}

const preparedKept = new Map<
  string,
  { setup: readonly SetupStep[]; result: Result<{ cluster: Sandbox['cluster']; serial: number }, string> }
>();
/** More than the banks hold questions with a setup. */
const PREPARED_KEPT = 1024;

/** The sandbox prepared afresh (what the kept ones must equal; tests). */
export function preparedAfresh(setup: readonly SetupStep[], seed: string): Result<Sandbox, string> {
  const sim = simCluster(`predict:${seed}`);
  let cluster = sim.cluster;
  for (const step of setup) {
    if ('advanceMs' in step) {
      cluster = { ...cluster, now: cluster.now + step.advanceMs };
      continue;
    }
    const ran = kubectl(cluster, sim.ids, step.run);
    if (!ran.ok) return err(`setup \`${step.run}\` failed: ${ran.error}`);
    if (ran.value.exitCode !== 0) return err(`setup \`${step.run}\` failed: ${ran.value.printed}`);
    cluster = applyToCluster(cluster, ran.value.changes);
  }
  return ok({ cluster, ids: sim.ids });
}

export interface Ran {
  exitCode: number;
  printed: string;
  /** The sandbox's objects afterwards, as one comparable text (names, labels, annotations, nodes). */
  state: string;
}

/**
 * One command line (with or without `kubectl `/`k `) run in a scratch sandbox prepared afresh
 * from the setup (the same every time: the ids are seeded), so nothing a member types persists.
 */
export function runPrepared(setup: readonly SetupStep[], seed: string, line: string): Result<Ran, string> {
  return runIn(prepared(setup, seed), line);
}

/** One command line run in a prepared sandbox (or the reason it could not be prepared). */
export function runIn(sandbox: Result<Sandbox, string>, line: string): Result<Ran, string> {
  if (!sandbox.ok) return sandbox;
  const { cluster, ids } = sandbox.value;
  const ran = kubectl(cluster, ids, line.replace(/^(kubectl|k)\s+/, 'kubectl '));
  if (!ran.ok) return ran;
  const after = applyToCluster(cluster, ran.value.changes);
  return ok({ exitCode: ran.value.exitCode, printed: ran.value.printed, state: stateOf(after) });
}

function stateOf(cluster: Sandbox['cluster']): string {
  const pods = cluster.pods
    .map((p) => ({
      at: `${p.metadata.namespace}/${p.metadata.name}`,
      labels: p.metadata.labels,
      annotations: p.metadata.annotations,
      images: p.spec.containers.map((c) => c.image),
      nodeSelector: p.spec.nodeSelector,
    }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  const nodes = cluster.nodes.map((n) => ({ name: n.metadata.name, labels: n.metadata.labels }));
  const namespaces = cluster.namespaces.map((n) => n.metadata.name).sort();
  const forwards = cluster.forwards.map((f) => `${f.localPort}->${f.pod}:${f.podPort}`).sort();
  return JSON.stringify({ pods, nodes, namespaces, forwards });
}
