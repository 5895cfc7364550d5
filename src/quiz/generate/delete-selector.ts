import {
  formatRequirement,
  type Operator,
  parseSelector,
  type Requirement,
  type Selector,
} from '../../cluster/labels/selector.ts';
import type { Labels } from '../../cluster/model.ts';
import { listObjects } from '../../kubectl/query.ts';
import { resolveResource } from '../../kubectl/resources.ts';
import type { Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { breaking, randomSelector, satisfying, VOCABULARY } from './labels.ts';
import { addPod, joinLines, type Sim, say, showLabels, simCluster, userPods } from './sim.ts';

/**
 * (e) "Which `kubectl delete po -l ...` removes exactly these pods?" The right selector and its
 * near misses (an operator flipped, a requirement dropped, a value changed) are all run through
 * the query `kubectl delete` uses; a near miss is kept only if it deletes a different set.
 */
const NAMES = ['kiwi', 'lime', 'mango', 'olive', 'peach', 'plum', 'quince'];
const FLIP: Partial<Record<Operator, Operator>> = {
  Equals: 'NotEquals',
  NotEquals: 'Equals',
  In: 'NotIn',
  NotIn: 'In',
  Exists: 'DoesNotExist',
  DoesNotExist: 'Exists',
};

export const deleteSelector: Family = {
  name: 'delete-selector',
  topic: 'deleting-pods',
  concepts: [17, 14],
  generate: (seed) => deleteSelectorScenario(seed).question,
};

export interface DeleteScenario {
  question: Question;
  sim: Sim;
  /** The selector of each choice, in choice order. */
  selectors: string[];
  targets: string[];
}

export function deleteSelectorScenario(seed: string): DeleteScenario {
  const random = createRandom(`delete-selector:${seed}`);
  const { text, selector } = randomSelector(random, 2);
  const names = random.shuffle(NAMES).slice(0, 5).sort();
  const targets = new Set(random.shuffle(names).slice(0, 2));
  const sim = simCluster(seed);
  for (const name of names) {
    const good = satisfying(random, selector);
    const labels: Labels = targets.has(name)
      ? good
      : breaking(random, good, random.pick(selector.requirements));
    addPod(sim, { name, labels });
  }
  const deleted = deletedBy(sim, selector);
  const near = nearMisses(selector)
    .map((s) => ({ text: s.text, pods: deletedBy(sim, s.selector) }))
    .filter((s) => s.pods.join() !== deleted.join());
  const unique = near.filter((s, i) => near.findIndex((o) => o.text === s.text) === i);
  const options = random.shuffle([{ text, pods: deleted }, ...random.shuffle(unique).slice(0, 3)]);
  const answerIndex = options.findIndex((o) => o.text === text);
  const command = (selectorText: string) => `kubectl delete po -l '${selectorText}'`;
  const question: Question = {
    id: generatedId('delete-selector', seed),
    kind: 'single',
    concept: 17,
    topic: 'deleting-pods',
    section: '파드 중지/제거',
    prompt: say(
      {
        ko: '아래 파드 중 {pods} 파드만 지우고 나머지는 남기려면 어떤 명령을 써야 하나요?',
        en: 'Which command deletes exactly {pods}, and no other pod?',
      },
      { pods: deleted.join(', ') },
    ),
    exhibit: showLabels(userPods(sim)),
    choices: options.map((o, i) => ({
      id: letter(i),
      text: { ko: command(o.text), en: command(o.text) },
      ...(i === answerIndex ? {} : { misconception: deletes(o.pods) }),
    })),
    answer: letter(answerIndex),
    explanation: joinLines(
      options.map((o, i) => {
        const line = deletes(o.pods);
        const mark = i === answerIndex ? ' ✓' : '';
        return { ko: `${letter(i)}. ${line.ko}${mark}`, en: `${letter(i)}. ${line.en}${mark}` };
      }),
    ),
  };
  return { question, sim, selectors: options.map((o) => o.text), targets: deleted };
}

/** The pods `kubectl delete po -l` would delete: the same query the verb runs. */
export function deletedBy(sim: Sim, selector: Selector): string[] {
  const pods = resolveResource('pods');
  if (pods === undefined) throw new Error('no pods resource');
  return listObjects(sim.cluster, pods, 'default', selector).map((o) => o.metadata.name);
}

const deletes = (pods: readonly string[]): Localized =>
  pods.length === 0
    ? { ko: '아무 파드도 지우지 않아요 (No resources found).', en: 'Deletes nothing (No resources found).' }
    : say({ ko: '{pods} 파드를 지워요.', en: 'Deletes {pods}.' }, { pods: pods.join(', ') });

/** Selectors one edit away from `selector`, each parsed by the real parser. */
function nearMisses(selector: Selector): { text: string; selector: Selector }[] {
  const variants: Requirement[][] = [];
  const reqs = selector.requirements;
  for (const [i, r] of reqs.entries()) {
    const flipped = FLIP[r.operator];
    if (flipped !== undefined) variants.push(reqs.map((o, j) => (j === i ? { ...r, operator: flipped } : o)));
    if (reqs.length > 1) variants.push(reqs.filter((_, j) => j !== i));
    const other = (VOCABULARY[r.key] ?? []).find((v) => !r.values.includes(v));
    if (other !== undefined && r.values.length > 0)
      variants.push(
        reqs.map((o, j) => (j === i ? { ...r, values: [...r.values.slice(1), other].sort() } : o)),
      );
    if (r.operator !== 'Exists')
      variants.push(reqs.map((o, j) => (j === i ? { ...r, operator: 'Exists', values: [] } : o)));
  }
  return variants.flatMap((requirements) => {
    const text = requirements.map(formatRequirement).join(',');
    const parsed = parseSelector(text);
    return parsed.ok ? [{ text, selector: parsed.value }] : [];
  });
}
