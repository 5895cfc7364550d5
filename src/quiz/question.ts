import type { Lang } from '../i18n/lang.ts';
import type { Concept } from './concepts.ts';
import type { SetupStep } from './predict.ts';

/**
 * A quiz question, as loaded from a bank (`quizzes/*.yaml`) or made by a generator from the
 * simulator. Every text a member reads is given in both languages; `exhibit` is language-neutral
 * (a pod table, node labels) and is shown as a code block under the prompt.
 */
export type Localized = Readonly<Record<Lang, string>>;

export interface ChoiceSpec {
  /** A, B, C ... as the member types it. */
  id: string;
  text: Localized;
  /** Why a member might pick this wrong choice; shown when they do. */
  misconception?: Localized;
}

export interface SelectorPod {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/**
 * A step of a question's proof transcript (`proof:` in a bank), replayed by the tests through the
 * real dispatch in a fresh sandbox: a command that must succeed, a pause of the sandbox clock, or a
 * command whose reply must contain every `expect` fragment and none of the `absent` ones (and
 * fail, with `error: true`).
 */
export type ProofStep =
  | { run: string }
  | { advanceMs: number }
  | { say: string; expect: string[]; absent: string[]; error: boolean };

interface Common {
  /** `sel-001` for a bank question, `gen:FAMILY:SEED` for a generated one. */
  id: string;
  topic: string;
  /** The concept of the notes it teaches (`concepts.ts`). */
  concept: Concept;
  /** The heading of the course notes the question tests. */
  section: string;
  prompt: Localized;
  exhibit?: string;
  explanation: Localized;
  /** For a key that depends on cluster behaviour: the kubectl transcript that proves it. */
  proof?: ProofStep[];
}

export type Question =
  | (Common & { kind: 'single'; choices: ChoiceSpec[]; answer: string })
  | (Common & { kind: 'multi'; choices: ChoiceSpec[]; answer: string[] })
  | (Common & { kind: 'truefalse'; answer: boolean; misconception: Localized })
  /**
   * "What does kubectl print?": the choices are outputs, and the key was computed when the bank
   * loaded, by running `setup` and then `command` in a fresh sandbox (`predict.ts`).
   */
  | (Common & { kind: 'predict'; command: string; choices: ChoiceSpec[]; answer: string })
  /**
   * The answer is a kubectl command, run in a scratch sandbox prepared by `setup`: right when it
   * leaves the same objects as `sample` (check `state`) or prints the same (check `output`).
   */
  | (Common & {
      kind: 'command';
      setup: SetupStep[];
      sample: string;
      check: 'state' | 'output';
    })
  /** Free answer graded by meaning: any selector that selects exactly `expect` is right. */
  | (Common & { kind: 'selector'; pods: SelectorPod[]; expect: string[]; sample: string });

export type QuestionKind = Question['kind'];

/** The two buttons of a true/false question. */
export const TRUE_FALSE: readonly ChoiceSpec[] = [
  { id: 'T', text: { ko: '참 (O)', en: 'True' } },
  { id: 'F', text: { ko: '거짓 (X)', en: 'False' } },
];

/** The buttons a question offers; a selector question has none (the answer is typed). */
export function choicesOf(question: Question): readonly ChoiceSpec[] {
  switch (question.kind) {
    case 'single':
    case 'predict':
    case 'multi':
      return question.choices;
    case 'truefalse':
      return TRUE_FALSE;
    case 'selector':
    case 'command':
      return [];
  }
}

/** The ids of the right choices (empty for a selector question). */
export function rightChoices(question: Question): string[] {
  switch (question.kind) {
    case 'single':
    case 'predict':
      return [question.answer];
    case 'multi':
      return [...question.answer];
    case 'truefalse':
      return [question.answer ? 'T' : 'F'];
    case 'selector':
    case 'command':
      return [];
  }
}

export const isGenerated = (id: string): boolean => id.startsWith('gen:');
