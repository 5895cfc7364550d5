import { matchesSelector, parseSelector } from '../cluster/labels/selector.ts';
import { err, ok, type Result } from '../result.ts';
import { runPrepared } from './predict.ts';
import { choicesOf, type Question, rightChoices } from './question.ts';

/**
 * Grading a member's answer. Choice questions take ids (`B`, `b`, `A,C`, `A C`); true/false takes
 * T/F (also true/false, O/X, 참/거짓); a selector question takes a selector, which is run through
 * the real parser and matcher against the question's pods: any selector that selects exactly the
 * expected pods is right. Input that is not an answer at all (no such choice, two picks for a
 * single-choice question, a selector that does not parse, a 10 KB paste) is an error, not a wrong
 * answer: nothing is recorded and the member can try again.
 */
export const MAX_ANSWER_LENGTH = 300;

export interface Graded {
  correct: boolean;
  /** The answer as stored and shown: `B`, `A,C`, `T`, or the selector text. */
  text: string;
  /** The choice ids picked (empty for a selector question). */
  picked: string[];
  /**
   * The share of the answer that is right, in [0, 1]: 1 or 0, except for a multiple selection,
   * where it is (right picks - wrong picks) / size of the key, never below 0.
   */
  credit: number;
  /** Selector questions: the pods the member's selector selects. */
  selected?: string[];
  /** Command questions: what the member's command printed in the scratch sandbox. */
  printed?: string;
}

export type AnswerError =
  | { code: 'empty' }
  | { code: 'tooLong'; length: number; max: number }
  | { code: 'noSuchChoice'; choice: string; valid: string[] }
  | { code: 'pickOne' }
  | { code: 'selectorSyntax'; message: string; column: number; text: string }
  /** A choice letter typed for a selector question (a habit from the other kinds). */
  | { code: 'selectorLetter'; letter: string }
  /** A command question's answer that is not a kubectl command line (or does not tokenize). */
  | { code: 'notCommand'; message: string };

const TRUE_WORDS = new Set(['T', 'TRUE', 'O', '참', 'YES', 'Y']);
const FALSE_WORDS = new Set(['F', 'FALSE', 'X', '거짓', 'NO', 'N']);

export function grade(question: Question, raw: string): Result<Graded, AnswerError> {
  const text = raw.trim();
  const length = [...text].length;
  if (length > MAX_ANSWER_LENGTH) return err({ code: 'tooLong', length, max: MAX_ANSWER_LENGTH });
  if (question.kind === 'selector') return gradeSelector(question, text);
  if (question.kind === 'command') return gradeCommand(question, text);
  if (text === '') return err({ code: 'empty' });
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  const picked = question.kind === 'truefalse' ? words.map(trueFalseId) : words.map((w) => w.toUpperCase());
  const valid = choicesOf(question).map((c) => c.id);
  const unknown = picked.find((id) => !valid.includes(id));
  if (unknown !== undefined) {
    const shown = words[picked.indexOf(unknown)] ?? unknown;
    return err({ code: 'noSuchChoice', choice: shown, valid });
  }
  const unique = valid.filter((id) => picked.includes(id));
  if (question.kind !== 'multi' && unique.length !== 1) return err({ code: 'pickOne' });
  const right = rightChoices(question);
  const correct = unique.length === right.length && unique.every((id) => right.includes(id));
  const hits = unique.filter((id) => right.includes(id)).length;
  const credit =
    question.kind === 'multi' ? Math.max(0, (hits - (unique.length - hits)) / right.length) : correct ? 1 : 0;
  return ok({ correct, text: unique.join(','), picked: unique, credit });
}

function trueFalseId(word: string): string {
  const upper = word.toUpperCase();
  if (TRUE_WORDS.has(upper)) return 'T';
  if (FALSE_WORDS.has(upper)) return 'F';
  return word;
}

/**
 * The selector in a typed answer. Besides the bare selector, a member may write it as on the
 * command line: `-l X`, `-lX`, `-l=X`, `--selector=X`, `--selector X`, or the whole
 * `kubectl get po -l X` (`k get pods …` too), quoted or not.
 *
 *   answer   = [ "kubectl" | "k" ] [ "get" ( "po" | "pod" | "pods" ) ] [ flag ] selector
 *   flag     = "-l" [ "=" ] | "--selector" ( "=" | " " )
 */
const COMMAND_PREFIX = /^(?:(?:kubectl|k)\s+)?get\s+(?:po|pods?)\s+/;
const FLAG_PREFIX = /^(?:-l\s*=?|--selector(?:\s*=|\s+))\s*/;

export function selectorOf(text: string): string {
  let rest = text.trim();
  const command = COMMAND_PREFIX.exec(rest);
  if (command !== null) rest = rest.slice(command[0].length);
  const flag = FLAG_PREFIX.exec(rest);
  if (flag !== null) rest = rest.slice(flag[0].length);
  // Quoted, as on a command line: -l 'env in (prod)'.
  return rest
    .trim()
    .replace(/^(['"])(.*)\1$/s, '$2')
    .trim();
}

function gradeSelector(
  question: Extract<Question, { kind: 'selector' }>,
  text: string,
): Result<Graded, AnswerError> {
  if (/^[A-Fa-f]$/.test(text)) return err({ code: 'selectorLetter', letter: text });
  const selectorText = selectorOf(text);
  if (selectorText === '') return err({ code: 'empty' });
  const parsed = parseSelector(selectorText);
  if (!parsed.ok)
    return err({
      code: 'selectorSyntax',
      message: parsed.error.message,
      column: parsed.error.column,
      text: selectorText,
    });
  const selected = question.pods.filter((p) => matchesSelector(parsed.value, p.labels)).map((p) => p.name);
  const expected = new Set(question.expect);
  const correct = selected.length === expected.size && selected.every((n) => expected.has(n));
  return ok({ correct, text: selectorText, picked: [], selected, credit: correct ? 1 : 0 });
}

/**
 * A command answer is run in a scratch sandbox prepared by the question's setup, and so is the
 * sample: right when both leave the same objects (check `state`) or print the same (`output`).
 * Every correct spelling (`-l app=kubia`, `--selector=app=kubia`, `k delete pods …`) is right.
 */
/**
 * The sample answer's run, the same for every answer (a prepared sandbox, seeded ids): kept with
 * the question, so that grading an answer runs only the answer.
 */
const samples = new WeakMap<object, ReturnType<typeof runPrepared>>();

function sampleRun(question: Extract<Question, { kind: 'command' }>): ReturnType<typeof runPrepared> {
  const known = samples.get(question);
  if (known !== undefined) return known;
  const ran = runPrepared(question.setup, question.id, question.sample);
  samples.set(question, ran);
  return ran;
}

function gradeCommand(
  question: Extract<Question, { kind: 'command' }>,
  text: string,
): Result<Graded, AnswerError> {
  if (text === '') return err({ code: 'empty' });
  const line = text.replace(/^`+|`+$/g, '').trim();
  if (!/^(kubectl|k)\s+\S/.test(line))
    return err({ code: 'notCommand', message: 'it should start with kubectl' });
  const answer = runPrepared(question.setup, question.id, line);
  if (!answer.ok) return err({ code: 'notCommand', message: answer.error });
  const sample = sampleRun(question);
  if (!sample.ok)
    throw new Error(`command question ${question.id}: its sample no longer runs: ${sample.error}`);
  const same =
    question.check === 'state'
      ? answer.value.state === sample.value.state
      : answer.value.printed === sample.value.printed;
  const correct = answer.value.exitCode === 0 && same;
  return ok({ correct, text: line, picked: [], credit: correct ? 1 : 0, printed: answer.value.printed });
}
