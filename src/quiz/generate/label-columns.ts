import { matchesSelector, parseSelector } from '../../cluster/labels/selector.ts';
import type { Labels } from '../../cluster/model.ts';
import type { Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { VOCABULARY } from './labels.ts';
import { addPod, type Sim, same, say, showLabels, simCluster, userPods } from './sim.ts';

/**
 * (h) "`kubectl get po -L KEY` or `-l KEY`: which pods are listed?" `-L` adds a column and lists
 * every pod; `-l` is a selector and lists only the pods that match (the real matcher decides).
 */
const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

export const labelColumns: Family = {
  name: 'label-columns',
  topic: 'labels',
  concepts: [12, 14],
  generate: (seed) => labelColumnsScenario(seed).question,
};

export function labelColumnsScenario(seed: string): { question: Question; sim: Sim; argv: string[] } {
  const random = createRandom(`label-columns:${seed}`);
  const key = random.pick(Object.keys(VOCABULARY));
  const values = VOCABULARY[key] ?? ['x'];
  const flag = random.chance(0.5) ? '-L' : '-l';
  const value = random.pick(values);
  const selectorText = flag === '-l' && random.chance(0.4) ? `${key}=${value}` : key;
  const sim = simCluster(seed);
  const names = random.shuffle(NAMES).slice(0, 4).sort();
  for (const [i, name] of names.entries()) {
    const labels: Labels = { app: 'kubia' };
    // At least one pod lacks the key and at least one has it.
    const has = i === 0 ? true : i === 1 ? false : random.chance(0.5);
    if (has) labels[key] = i === 0 ? value : random.pick(values);
    addPod(sim, { name, labels });
  }
  const pods = userPods(sim);
  const parsed = parseSelector(selectorText);
  if (!parsed.ok) throw new Error(`label-columns made a bad selector ${selectorText}`);
  const listed = pods.filter((p) => flag === '-L' || matchesSelector(parsed.value, p.metadata.labels));
  const argv = ['get', 'po', flag, selectorText];
  const answer = pods.flatMap((p, i) => (listed.includes(p) ? [letter(i)] : []));
  const question: Question = {
    id: generatedId('label-columns', seed),
    kind: 'multi',
    concept: 12,
    topic: 'labels',
    section: '파드와 레이블(label)',
    prompt: say(
      {
        ko: '`kubectl {command}`는 어떤 파드를 보여주나요? 모두 고르세요.',
        en: 'Which pods does `kubectl {command}` list? Pick all.',
      },
      { command: argv.join(' ') },
    ),
    exhibit: showLabels(pods),
    choices: pods.map((p, i) => ({
      id: letter(i),
      text: same(p.metadata.name),
      ...(answer.includes(letter(i))
        ? {}
        : {
            misconception: say(
              {
                ko: '`-l`도 `-L`처럼 열만 더한다고 생각했을 수 있어요. `-l {selector}`{은/는} 셀렉터라서 {name}처럼 맞지 않는 파드는 빠져요.',
                en: 'You may be assuming `-l` only adds a column like `-L`. `-l {selector}` is a selector: a pod that does not match, like {name}, is left out.',
              },
              { selector: selectorText, name: p.metadata.name },
            ),
          }),
    })),
    answer,
    explanation:
      flag === '-L'
        ? say(
            {
              ko: '`-L {key}`{은/는} {KEY} 열을 더할 뿐 아무것도 걸러내지 않아요. 모든 파드가 나오고, 키가 없는 파드는 그 열이 비어 있어요. 거르는 건 `-l`(셀렉터)이에요.',
              en: '`-L {key}` adds a {KEY} column and filters nothing: every pod is listed, blank in that column where the key is missing. Filtering is `-l` (a selector).',
            },
            { key, KEY: key.toUpperCase() },
          )
        : say(
            {
              ko: '`-l {selector}`{은/는} 레이블 셀렉터라서 맞는 파드만 나와요: {pods}. 열을 더하기만 하는 건 `-L`이에요.',
              en: '`-l {selector}` is a label selector, so only matching pods are listed: {pods}. Adding a column alone is `-L`.',
            },
            { selector: selectorText, pods: listed.map((p) => p.metadata.name).join(', ') || '-' },
          ),
  };
  return { question, sim, argv };
}
