import type { Labels } from '../../cluster/model.ts';
import type { ChoiceSpec, Localized, Question } from '../question.ts';
import { createRandom, letter } from '../random.ts';
import { type Family, generatedId } from './family.ts';
import { addPod, type Sim, say, simCluster } from './sim.ts';

/**
 * (g) "What does `kubectl label|annotate po web KEY=VALUE [--overwrite]` do?" on a pod whose
 * metadata may already hold the key with that value, another value, or not at all. The tests run
 * the very command through kubectl and compare its output and the pod's metadata with the key.
 */
const KEYS = ['env', 'tier', 'owner', 'release'];
const VALUES = ['prod', 'dev', 'blue', 'green', 'minji', 'v2'];

export type Verb = 'label' | 'annotate';
export type Outcome = 'added' | 'changed' | 'refused' | 'unchanged' | 'both';

export const labelOverwrite: Family = {
  name: 'label-overwrite',
  topic: 'labels',
  concepts: [13, 16],
  generate: (seed) => labelOverwriteScenario(seed).question,
};

export interface OverwriteScenario {
  question: Question;
  sim: Sim;
  verb: Verb;
  argv: string[];
  outcome: Outcome;
  key: string;
  value: string;
}

export function labelOverwriteScenario(seed: string): OverwriteScenario {
  const random = createRandom(`label-overwrite:${seed}`);
  const verb: Verb = random.chance(0.6) ? 'label' : 'annotate';
  const key = random.pick(KEYS);
  const [value = 'prod', old = 'dev'] = random.shuffle(VALUES);
  const state = random.pick(['absent', 'same', 'other', 'other'] as const);
  const overwrite = random.chance(0.5);
  const existing: Labels = state === 'absent' ? {} : { [key]: state === 'same' ? value : old };
  const sim = simCluster(seed);
  addPod(sim, {
    name: 'web',
    labels: verb === 'label' ? { app: 'web', ...existing } : { app: 'web' },
    ...(verb === 'annotate' ? { annotations: existing } : {}),
  });
  const argv = [verb, 'po', 'web', `${key}=${value}`, ...(overwrite ? ['--overwrite'] : [])];
  const outcome: Outcome =
    state === 'absent'
      ? 'added'
      : state === 'same'
        ? verb === 'label'
          ? 'unchanged'
          : 'changed'
        : overwrite
          ? 'changed'
          : 'refused';
  const noun = verb === 'label' ? NOUN.label : NOUN.annotate;
  const params = {
    key,
    value,
    old: existing[key] ?? old,
    verb,
    ko: noun.ko,
    en: noun.en,
    notDone: verb === 'label' ? 'not labeled' : 'not annotated',
  };
  const choices: ChoiceSpec[] = ALL.filter(
    (o) => o !== 'added' || state === 'absent' || random.chance(0.5),
  ).map((o, i) => ({ id: letter(i), text: text(o, params) }));
  const answer = choices.find((c) => c.text.en === text(outcome, params).en)?.id ?? 'A';
  const question: Question = {
    id: generatedId('label-overwrite', seed),
    kind: 'single',
    concept: verb === 'label' ? 13 : 16,
    topic: 'labels',
    section: verb === 'label' ? '파드와 레이블(label)' : '파드와 어노테이션',
    prompt: say(
      {
        ko: '파드 `web`의 {what}{이/가} 아래와 같아요. `kubectl {command}`를 실행하면 어떻게 되나요?',
        en: 'Pod `web` has the {whatEn} below. What does `kubectl {command}` do?',
      },
      { what: noun.plural.ko, whatEn: noun.plural.en, command: argv.join(' ') },
    ),
    exhibit: `${noun.plural.en} of web: ${
      Object.entries(verb === 'label' ? { app: 'web', ...existing } : existing)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || '<none>'
    }`,
    choices: choices.map((c) =>
      c.id === answer ? c : { ...c, misconception: misconception(outcomeOf(c, params), params) },
    ),
    answer,
    explanation: explain(outcome, params, overwrite),
  };
  return { question, sim, verb, argv, outcome, key, value };
}

const NOUN = {
  label: { ko: '레이블', en: 'label', plural: { ko: '레이블', en: 'labels' } },
  annotate: { ko: '어노테이션', en: 'annotation', plural: { ko: '어노테이션', en: 'annotations' } },
} as const;

type Params = {
  key: string;
  value: string;
  old: string;
  verb: Verb;
  ko: string;
  en: string;
  notDone: string;
};

const TEXT: Record<Outcome, Localized> = {
  added: { ko: '{key}={value} {ko}{이/가} 새로 붙어요', en: 'A new {en} {key}={value} is added' },
  changed: { ko: '{key}의 값이 {value}{으로/로} 바뀌어요', en: '{key} now has the value {value}' },
  refused: {
    ko: "오류: '{key}'에 이미 값({old})이 있어요. 아무것도 바뀌지 않아요",
    en: "An error: '{key}' already has a value ({old}); nothing changes",
  },
  unchanged: {
    ko: '`pod/web {notDone}`: 이미 같은 값이에요',
    en: '`pod/web {notDone}`: it already has that value',
  },
  both: {
    ko: '{key}{이/가} {old}{와/과} {value} 두 값을 가져요',
    en: '{key} holds both values, {old} and {value}',
  },
};

const text = (o: Outcome, p: Params): Localized => say(TEXT[o], p);

const ALL: readonly Outcome[] = ['added', 'changed', 'refused', 'unchanged', 'both'];

/** The outcome a choice names (its text is that outcome's). */
const outcomeOf = (choice: ChoiceSpec, p: Params): Outcome =>
  ALL.find((o) => text(o, p).en === choice.text.en) ?? 'both';

function misconception(wrong: Outcome, p: Params): Localized {
  const notes: Record<Outcome, Localized> = {
    added: {
      ko: '키가 없다고 생각했을 수 있어요. {key}{은/는} 이미 있어요. 같은 키는 하나만 있을 수 있어요.',
      en: 'You may be assuming the key is new. {key} is already there, and a key exists only once.',
    },
    changed: {
      ko: '값을 언제든 덮어쓴다고 생각했을 수 있어요. 다른 값이 이미 있으면 `--overwrite` 없이는 바뀌지 않아요.',
      en: 'You may be assuming a value is always replaced. Another value already there changes only with `--overwrite`.',
    },
    refused: {
      ko: '키가 있으면 무조건 오류라고 생각했을 수 있어요. 키가 없거나 같은 값이거나 `--overwrite`가 있으면 오류가 아니에요.',
      en: 'You may be assuming any existing key is an error. A new key, the same value, or `--overwrite` is no error.',
    },
    unchanged: {
      ko: '이미 같은 값이라고 생각했을 수 있어요. 지금 값을 다시 보세요.',
      en: 'You may be assuming it already has that value: look at the current value again.',
    },
    both: {
      ko: '한 키에 값이 여러 개 있을 수 있다고 생각했을 수 있어요. 키 하나에 값은 하나예요.',
      en: 'You may be assuming a key can hold several values. A key has exactly one value.',
    },
  };
  return say(notes[wrong], p);
}

function explain(outcome: Outcome, p: Params, overwrite: boolean): Localized {
  const why: Record<Outcome, Localized> = {
    added: {
      ko: '{key}{은/는} 없던 키라서 그냥 붙어요. `--overwrite`는 필요 없어요.',
      en: '{key} was not there, so it is simply added; no `--overwrite` needed.',
    },
    changed: overwrite
      ? {
          ko: '`--overwrite`가 있어서 있던 값이 {value}{으로/로} 바뀌어요.',
          en: 'With `--overwrite` the old value is replaced by {value}.',
        }
      : {
          ko: '`kubectl annotate`는 이미 같은 값이면 오류 없이 그대로 적용해요.',
          en: '`kubectl annotate` with the value the key already has succeeds and changes nothing.',
        },
    refused: {
      ko: "{key}에 다른 값({old})이 이미 있고 `--overwrite`가 없어서 kubectl이 거부해요: `'{key}' already has a value ({old})`. 바꾸려면 `--overwrite`를 붙여요.",
      en: "{key} already has another value ({old}) and there is no `--overwrite`, so kubectl refuses: `'{key}' already has a value ({old})`. Add `--overwrite` to change it.",
    },
    unchanged: {
      ko: '이미 {key}={value}라서 `kubectl label`은 바꿀 게 없다고 `pod/web not labeled`를 찍어요.',
      en: 'It already is {key}={value}, so `kubectl label` has nothing to change and prints `pod/web not labeled`.',
    },
    both: { ko: '', en: '' },
  };
  return say(why[outcome], p);
}
