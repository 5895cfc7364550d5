import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KUBECTL_VERBS } from '../../commands/index.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { runKubectl } from '../../src/kubectl/run-kubectl.ts';
import { labelColumnsScenario } from '../../src/quiz/generate/label-columns.ts';
import { labelOverwriteScenario } from '../../src/quiz/generate/label-overwrite.ts';
import { LOGS_NOW, logsAfterScenario } from '../../src/quiz/generate/logs-after.ts';
import { podSplitScenario, SPLIT_NOW } from '../../src/quiz/generate/pod-split.ts';
import { FORWARD_NOW, portForwardScenario } from '../../src/quiz/generate/port-forward.ts';
import { FIELDS_NOW, serverFieldsScenario } from '../../src/quiz/generate/server-fields.ts';
import { GEN_NOW, type Sim } from '../../src/quiz/generate/sim.ts';
import { choicesOf, type Question, rightChoices } from '../../src/quiz/question.ts';
import { testApp } from '../helpers/app.ts';

/**
 * The second edition's families (#14) proven a second way: each question's command is typed
 * through kubectl (and curl) in a sandbox built as a member would build it, and what kubectl
 * prints must be what the key says.
 */
const SEEDS = Array.from({ length: 30 }, (_, i) => `s${i}`);

function kubectl(cluster: Cluster, sim: Sim, argv: readonly string[]) {
  const result = runKubectl(KUBECTL_VERBS, { cluster, ids: sim.ids, stdin: null, attachments: [] }, argv);
  if (!result.ok) return { exitCode: 1, text: result.error.code, changes: [] as never[] };
  const text = result.value.output.map((l) => l.text).join('\n');
  return { exitCode: result.value.exitCode, text, changes: result.value.changes };
}

const answerText = (q: Question): string[] =>
  rightChoices(q).map((id) => choicesOf(q).find((c) => c.id === id)?.text.en ?? '');

describe('second-edition families, replayed through kubectl', () => {
  it('GIVEN a port-forward question WHEN its forward and curl are typed in a sandbox THEN curl does what the key says', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { question, pod, local, remote, curl } = portForwardScenario(seed);
      const t = testApp();
      const image = pod.spec.containers[0]?.image ?? '';
      expect(t.send('m', `kubectl run web --image=${image}`).ok).toBe(true);
      t.advance(FORWARD_NOW - GEN_NOW);
      expect(t.say('m', `kubectl port-forward web ${local}:${remote}`)).toContain(
        `127.0.0.1:${local} -> ${remote}`,
      );
      const out = t.say('m', `curl localhost:${curl}`);
      const got = /Empty reply/.test(out)
        ? 'empty'
        : /Failed to connect|Couldn't connect/.test(out)
          ? 'refused'
          : 'answers';
      seen.add(got);
      const key = answerText(question)[0] ?? '';
      const expected = key.startsWith('The `web`')
        ? 'answers'
        : key.startsWith('It connects')
          ? 'empty'
          : 'refused';
      expect(got, `${seed}: ${local}:${remote} curl ${curl}\n${out}`).toBe(expected);
    }
    expect([...seen].sort()).toEqual(['answers', 'empty', 'refused']);
  });

  it('GIVEN a logs question WHEN the pod is run, left to restart (or deleted) and logs is typed THEN the output is the key', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { question, pod, command, deleted } = logsAfterScenario(seed);
      const script = pod.spec.containers[0]?.command?.[2] ?? '';
      const t = testApp();
      expect(t.send('m', `kubectl run app --image=busybox --command -- sh -c "${script}"`).ok).toBe(true);
      t.advance(LOGS_NOW - GEN_NOW);
      if (deleted) expect(t.send('m', 'kubectl delete po app --wait=false').ok).toBe(true);
      const out = t.say('m', command);
      const key = answerText(question)[0] ?? '';
      seen.add(key.replace(/`\w+`/, 'WORD'));
      if (/not found \(NotFound\)/.test(key)) expect(out).toMatch(/pods "app" not found/);
      else if (/no previous terminated/.test(key))
        expect(out).toMatch(/previous terminated container "app" in pod "app" not found/);
      else {
        const word = /^`(\w+)`/.exec(key)?.[1] ?? '?';
        expect(out.trim(), `${seed}: ${command}`).toBe(word);
        expect(key.includes('before the restart')).toBe(command.includes('--previous'));
      }
    }
    expect(seen.size).toBe(4);
  });

  it('GIVEN a label/annotate question WHEN its command runs THEN the output and the pod’s metadata are what the key says', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const { question, sim, argv, outcome, key, value, verb } = labelOverwriteScenario(seed);
      seen.add(`${verb}:${outcome}`);
      const run = kubectl(structuredClone(sim.cluster), sim, argv);
      // An annotate that changes nothing stores nothing: the pod is then as it was.
      const pod =
        run.changes.flatMap((c) => (c.op === 'putPod' ? [c.pod] : []))[0] ??
        sim.cluster.pods.find((p) => p.metadata.name === 'web');
      const map = verb === 'label' ? pod?.metadata.labels : pod?.metadata.annotations;
      switch (outcome) {
        case 'refused':
          expect(run.exitCode, run.text).not.toBe(0);
          expect(run.text).toMatch(/already has a value/);
          break;
        case 'unchanged':
          expect(run.text).toBe('pod/web not labeled');
          break;
        default:
          expect(run.exitCode, run.text).toBe(0);
          expect(map?.[key], `${seed} ${argv.join(' ')}`).toBe(value);
      }
      expect(answerText(question)).toHaveLength(1);
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('GIVEN a -L/-l question WHEN the get runs THEN exactly the key’s pods are listed', () => {
    const flags = new Set<string>();
    for (const seed of SEEDS) {
      const { question, sim, argv } = labelColumnsScenario(seed);
      flags.add(argv[2] ?? '');
      const run = kubectl({ ...sim.cluster, now: GEN_NOW + 60_000 }, sim, argv);
      const listed = run.text
        .split('\n')
        .slice(1)
        .map((row) => row.split(/\s+/)[0])
        .filter((n) => n !== undefined && n !== '');
      expect(listed.sort(), `${seed} ${argv.join(' ')}`).toEqual(answerText(question).sort());
    }
    expect([...flags].sort()).toEqual(['-L', '-l']);
  });

  it('GIVEN a server-fields question WHEN get -o yaml runs THEN a field is shown exactly when the key picks it', () => {
    let pending = 0;
    for (const seed of SEEDS) {
      const { question, sim } = serverFieldsScenario(seed);
      const run = kubectl({ ...sim.cluster, now: FIELDS_NOW }, sim, ['get', 'po', 'web', '-o', 'yaml']);
      const printed: unknown = parse(run.text);
      if (!/podIP/.test(run.text)) pending++;
      for (const c of choicesOf(question)) {
        const path = c.text.en.startsWith('metadata.annotations.')
          ? ['metadata', 'annotations', c.text.en.slice('metadata.annotations.'.length)]
          : c.text.en.startsWith('metadata.labels.')
            ? ['metadata', 'labels', c.text.en.slice('metadata.labels.'.length)]
            : c.text.en.split('.');
        let at: unknown = printed;
        for (const part of path) at = (at as Record<string, unknown> | undefined)?.[part];
        expect(at !== undefined, `${seed}: ${c.text.en}`).toBe(rightChoices(question).includes(c.id));
      }
    }
    expect(pending).toBeGreaterThan(0);
  });

  it('GIVEN a pod-split question WHEN get po -o json lists the pods THEN the running containers of the asked name are the key', () => {
    const counts = new Set<number>();
    for (const seed of SEEDS) {
      const { question, sim, target, count } = podSplitScenario(seed);
      const run = kubectl({ ...sim.cluster, now: SPLIT_NOW }, sim, ['get', 'po', '-o', 'json']);
      const list = JSON.parse(run.text) as {
        items: { status: { containerStatuses?: { name: string; state: Record<string, unknown> }[] } }[];
      };
      const running = list.items
        .flatMap((p) => p.status.containerStatuses ?? [])
        .filter((c) => c.name === target && 'running' in c.state).length;
      expect(running, seed).toBe(count);
      expect(answerText(question)[0]).toBe(String(count));
      counts.add(count);
    }
    expect(counts.size).toBeGreaterThan(2);
  });
});
