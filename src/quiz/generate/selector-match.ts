import { formatRequirement, matchesSelector, type Selector } from '../../cluster/labels/selector.ts';
import type { Labels } from '../../cluster/model.ts';
import type { Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { breaking, explainPods, randomSelector, satisfying } from './labels.ts';
import { addPod, joinLines, type Sim, same, say, showLabels, simCluster, userPods } from './sim.ts';

/**
 * (a) "Which pods does `kubectl get po -l S` list?" Pods that match are made to meet every
 * requirement; every other pod fails exactly one. The answer is what the real matcher says, and
 * the explanation shows each requirement's result for each pod.
 */
const NAMES = ['amber', 'birch', 'cedar', 'dune', 'ember', 'fjord', 'grove', 'heath'];

export const selectorMatch: Family = {
  name: 'selector-match',
  topic: 'selectors',
  concepts: [14],
  generate: (seed) => selectorMatchScenario(seed).question,
};

/** The question with the sandbox it was computed in (the tests re-run kubectl there). */
export function selectorMatchScenario(seed: string): { question: Question; sim: Sim; selector: string } {
  const random = createRandom(`selector-match:${seed}`);
  const { text, selector } = randomSelector(random, random.chance(0.3) ? 3 : 2);
  const names = random.shuffle(NAMES).slice(0, 5).sort();
  // One to three pods match, anywhere in the (name-sorted) table.
  const matching = new Set(random.shuffle(names).slice(0, 1 + random.int(3)));
  const sim = simCluster(seed);
  for (const name of names) {
    const good = satisfying(random, selector);
    const labels: Labels = matching.has(name)
      ? good
      : breaking(random, good, random.pick(selector.requirements));
    addPod(sim, { name, labels });
  }
  const pods = userPods(sim);
  const answer = pods
    .map((p, i) => ({ id: letter(i), hit: matchesSelector(selector, p.metadata.labels) }))
    .filter((c) => c.hit)
    .map((c) => c.id);
  const question: Question = {
    id: generatedId('selector-match', seed),
    kind: 'multi',
    concept: 14,
    topic: 'selectors',
    section: '파드와 레이블 셀렉터',
    prompt: say(
      {
        ko: "`kubectl get po -l '{selector}'`는 어떤 파드를 보여주나요? 모두 고르세요.",
        en: "Which pods does `kubectl get po -l '{selector}'` list? Pick all.",
      },
      { selector: text },
    ),
    exhibit: showLabels(pods),
    choices: pods.map((p, i) => ({
      id: letter(i),
      text: same(p.metadata.name),
      ...wrongNote(answer, i, selector, p.metadata.labels),
    })),
    answer,
    explanation: joinLines([
      {
        ko: '쉼표는 AND예요. 모든 조건이 맞는 파드만 선택돼요.',
        en: 'A comma is AND: a pod is listed only if every requirement holds.',
      },
      explainPods(
        selector,
        pods.map((p) => ({ name: p.metadata.name, labels: p.metadata.labels })),
        { yes: { ko: '선택됨', en: 'listed' }, no: { ko: '제외', en: 'not listed' } },
      ),
    ]),
  };
  return { question, sim, selector: text };
}

/** Every non-matching pod fails exactly one requirement: its note names that requirement. */
function wrongNote(answer: readonly string[], index: number, selector: Selector, labels: Labels) {
  if (answer.includes(letter(index))) return {};
  const failing = selector.requirements.find((r) => !matchesSelector({ requirements: [r] }, labels));
  const requirement = failing === undefined ? '' : formatRequirement(failing);
  const keyless = failing !== undefined && !Object.hasOwn(labels, failing.key);
  return {
    misconception: say(
      keyless
        ? {
            ko: '키가 없어도 `{requirement}`{을/를} 통과한다고 생각했을 수 있어요. 이 파드에는 `{key}` 키가 없어서 `{requirement}`에서 빠져요.',
            en: 'You may be assuming a pod without `{key}` passes `{requirement}`. It has no `{key}`, so `{requirement}` leaves it out.',
          }
        : {
            ko: '다른 조건이 맞으니 골라진다고 생각했을 수 있어요. 쉼표는 AND라서, 이 파드는 `{requirement}`{이/가} 맞지 않아 빠져요.',
            en: 'You may be assuming the other requirements are enough. A comma is AND, and this pod fails `{requirement}`.',
          },
      { requirement, key: failing?.key ?? '' },
    ),
  };
}
