import { describe, expect, it } from 'vitest';
import { KUBECTL_VERBS } from '../../commands/index.ts';
import { explainSelector, parseSelector } from '../../src/cluster/labels/selector.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { planProcess } from '../../src/cluster/process.ts';
import { place } from '../../src/cluster/scheduler.ts';
import { WORKERS } from '../../src/cluster/seed.ts';
import { runKubectl } from '../../src/kubectl/run-kubectl.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { CURL_NOW, curlScenario } from '../../src/quiz/generate/curl.ts';
import { deleteSelectorScenario } from '../../src/quiz/generate/delete-selector.ts';
import { FAMILIES, generatedQuestion } from '../../src/quiz/generate/families.ts';
import { placementScenario } from '../../src/quiz/generate/placement.ts';
import { CLASH_AT, portClashScenario } from '../../src/quiz/generate/port-clash.ts';
import { selectorMatchScenario } from '../../src/quiz/generate/selector-match.ts';
import {
  addPod,
  container,
  FLUENT_BIT_HTTP_ARGS,
  type Sim,
  simCluster,
} from '../../src/quiz/generate/sim.ts';
import { type ChoiceSpec, choicesOf, type Question, rightChoices } from '../../src/quiz/question.ts';

/**
 * Every generated question's answer is proven a second way: through kubectl itself (get, delete)
 * or the scheduler and process model the sandbox uses, and every distractor is shown to be wrong.
 */
const SEEDS = Array.from({ length: 40 }, (_, i) => `seed${i}`);

function kubectl(cluster: Cluster, sim: Sim, ...argv: string[]) {
  const result = runKubectl(KUBECTL_VERBS, { cluster, ids: sim.ids, stdin: null, attachments: [] }, argv);
  if (!result.ok) throw new Error(`kubectl ${argv.join(' ')} failed: ${result.error.code}`);
  return result.value;
}

const stdout = (outcome: ReturnType<typeof kubectl>) =>
  outcome.output
    .filter((l) => l.stream === 'stdout')
    .map((l) => l.text)
    .join('\n');

function choiceText(q: Question, id: string): string {
  return choicesOf(q).find((c) => c.id === id)?.text.en ?? '';
}

const choices = (q: Question): readonly ChoiceSpec[] => choicesOf(q);

describe('generated questions', () => {
  it.each(FAMILIES.map((f) => [f.name, f] as const))(
    'GIVEN family %s WHEN the same seed is generated twice THEN the question is identical, well formed and bilingual',
    (_name, family) => {
      for (const seed of SEEDS) {
        const q = family.generate(seed);
        expect(generatedQuestion(q.id)).toEqual(q);
        expect(q.id).toBe(`gen:${family.name}:${seed}`);
        expect(q.topic).toBe(family.topic);
        const ids = choices(q).map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBeGreaterThanOrEqual(3);
        expect(ids.length).toBeLessThanOrEqual(6);
        expect(new Set(choices(q).map((c) => c.text.en)).size).toBe(ids.length);
        for (const id of rightChoices(q)) expect(ids).toContain(id);
        for (const c of choices(q)) {
          if (!rightChoices(q).includes(c.id)) expect(c.misconception?.ko).toBeTruthy();
          expect(c.text.en.length).toBeLessThanOrEqual(80);
        }
        expect(q.prompt.ko).toMatch(/[가-힣]/);
        expect(q.explanation.ko).toMatch(/[가-힣]/);
      }
    },
  );

  it('GIVEN seeds WHEN the families run THEN each family produces different questions (it is random)', () => {
    for (const family of FAMILIES) {
      const prompts = new Set(SEEDS.map((s) => JSON.stringify(family.generate(s))));
      expect(prompts.size).toBeGreaterThan(SEEDS.length / 2);
    }
  });

  it('GIVEN a selector-match question WHEN kubectl get -l runs in its sandbox THEN it lists exactly the answer, and every other pod fails exactly one requirement', () => {
    for (const seed of SEEDS) {
      const { question, sim, selector } = selectorMatchScenario(seed);
      const listed = stdout(kubectl(sim.cluster, sim, 'get', 'po', '-l', selector, '-o', 'name'))
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.replace('pod/', ''));
      const answered = rightChoices(question).map((id) => choiceText(question, id));
      expect(answered.sort()).toEqual(listed.sort());
      expect(listed.length).toBeGreaterThan(0);
      const parsed = parseSelector(selector);
      if (!parsed.ok) throw new Error('bad selector');
      for (const pod of sim.cluster.pods.filter((p) => p.metadata.namespace === 'default')) {
        if (listed.includes(pod.metadata.name)) continue;
        const failing = explainSelector(parsed.value, pod.metadata.labels).filter((e) => !e.matches);
        expect(failing, `${seed} ${pod.metadata.name}`).toHaveLength(1);
      }
    }
  });

  it('GIVEN a placement question WHEN kubectl get -o wide looks at the pod THEN its NODE is the answer, and the scheduler refuses every distractor node', () => {
    let pending = 0;
    for (const seed of SEEDS) {
      const { question, sim, pod } = placementScenario(seed);
      const row =
        stdout(kubectl(sim.cluster, sim, 'get', 'po', pod.metadata.name, '-o', 'wide')).split('\n')[1] ?? '';
      const [, , status, , , , node] = row.split(/\s+/);
      const answer = choiceText(question, rightChoices(question)[0] ?? '');
      if (answer.includes('Pending')) {
        pending++;
        expect(status).toBe('Pending');
        expect(node).toBe('<none>');
      } else expect(node).toBe(answer);
      for (const worker of WORKERS) {
        const fits = place(pod, {
          nodes: sim.cluster.nodes.filter((n) => n.metadata.name === worker),
          pods: [],
        }).ok;
        expect(fits, `${seed} ${worker}`).toBe(worker === answer);
      }
      if (answer.includes('Pending'))
        expect(question.explanation.en).toContain("didn't match Pod's node affinity/selector");
    }
    expect(pending).toBeGreaterThan(0);
  });

  it('GIVEN a curl question WHEN its command runs through kubectl exec in its sandbox THEN the container that served it (or the refusal) is the answer', () => {
    let refused = 0;
    for (const seed of SEEDS) {
      const { question, sim, host, port } = curlScenario(seed);
      const command = /`kubectl ([^`]*)`/.exec(question.prompt.en)?.[1] ?? '';
      expect(command).toContain(`${host}:${port}`);
      const argv = tokenize(command);
      if (!argv.ok) throw new Error(`bad command ${command}`);
      const outcome = kubectl({ ...structuredClone(sim.cluster), now: CURL_NOW }, sim, ...argv.value);
      const served = outcome.changes.flatMap((c) =>
        c.op === 'putPod'
          ? c.pod.sim.requests.map((r) => `${r.container} in pod ${c.pod.metadata.name}`)
          : [],
      );
      const answer = choiceText(question, rightChoices(question)[0] ?? '');
      if (served.length === 0) {
        refused++;
        expect(outcome.exitCode, `${seed}: ${command}`).not.toBe(0);
        expect(answer).toMatch(/Connection refused/);
      } else expect([answer], `${seed}: ${command}`).toEqual(served);
    }
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(SEEDS.length);
  });

  it('GIVEN a port-clash question WHEN kubectl get po shows the pod a minute later THEN READY and the number restarting are the answer’s, and no choice names the race’s loser', () => {
    let clashes = 0;
    for (const seed of SEEDS) {
      const { question, sim, pod } = portClashScenario(seed);
      const later = { ...sim.cluster, now: CLASH_AT };
      const row = stdout(kubectl(later, sim, 'get', 'po', 'duo')).split('\n')[1] ?? '';
      const [, ready, status, restarts] = row.split(/\s+/);
      const answer = choiceText(question, rightChoices(question)[0] ?? '');
      expect(answer.startsWith(`READY ${ready},`), `${seed}: ${answer} vs ${row}`).toBe(true);
      if (answer.includes('nothing restarts')) expect(restarts).toBe('0');
      else {
        clashes++;
        expect(status).toMatch(/CrashLoopBackOff|Error|NotReady|Running/);
        expect(Number(restarts)).toBeGreaterThan(0);
        const crashed = podStatus(pod, CLASH_AT).containers.filter((c) => c.restartCount > 0);
        expect(answer).toContain(`${crashed.length} container`);
        expect(question.explanation.en).toMatch(/already taken/);
        expect(question.explanation.en).toMatch(/race/);
      }
      // Which of two clashing containers loses is a race on a real cluster: no choice names one.
      for (const c of choices(question))
        for (const container of pod.spec.containers) expect(c.text.en).not.toContain(container.name);
      // Choice texts are unique (checked above), so every distractor names an outcome that did not happen.
    }
    expect(clashes).toBeGreaterThan(0);
  });

  it('GIVEN fluent/fluent-bit WHEN started as the stock image THEN its HTTP server is off; with -H it binds 2020, and the questions using it show -H', () => {
    const sim = simCluster('fluent');
    const stock = addPod(sim, { name: 'stock', containers: [container('fb', 'fluent/fluent-bit')] });
    const http = addPod(sim, {
      name: 'http',
      containers: [container('fb', 'fluent/fluent-bit', undefined, FLUENT_BIT_HTTP_ARGS)],
    });
    expect(planProcess(stock, 0).listens).toEqual([]);
    expect(planProcess(stock, 0).logs.join('\n')).not.toContain('http_server');
    expect(planProcess(http, 0).listens).toEqual([2020]);
    let shown = 0;
    for (const seed of SEEDS) {
      for (const q of [curlScenario(seed).question, portClashScenario(seed).question]) {
        if (!(q.exhibit ?? '').includes('fluent-bit')) continue;
        shown++;
        expect(q.exhibit).toMatch(/fluent-bit\.conf", "-H"\]|fluent-bit\.conf -H/);
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('GIVEN a delete-selector question WHEN each choice is run as kubectl delete THEN only the answer deletes exactly the asked pods', () => {
    for (const seed of SEEDS) {
      const { question, sim, selectors, targets } = deleteSelectorScenario(seed);
      expect(question.prompt.en).toContain(targets.join(', '));
      for (const [i, selector] of selectors.entries()) {
        const outcome = kubectl(structuredClone(sim.cluster), sim, 'delete', 'po', '-l', selector);
        const deleted = outcome.changes.flatMap((c) => (c.op === 'deletePod' ? [c.name] : [])).sort();
        const right = rightChoices(question)[0] === choices(question)[i]?.id;
        expect(deleted.join() === [...targets].sort().join(), `${seed} ${selector}`).toBe(right);
        expect(choices(question)[i]?.text.en).toBe(`kubectl delete po -l '${selector}'`);
      }
    }
  });
});
