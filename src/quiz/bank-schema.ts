import { matchesSelector, parseSelector } from '../cluster/labels/selector.ts';
import {
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from '../cluster/labels/validation.ts';
import { ALL_CONCEPTS, type Concept, readConcept } from './concepts.ts';
import { predictKey, runPrepared, type SetupStep } from './predict.ts';
import type { ChoiceSpec, Localized, ProofStep, Question, SelectorPod } from './question.ts';

/**
 * The schema of one bank file, checked field by field so that a mistake is reported at the field
 * that has it (the loader turns each path into file:line:column). Selector questions are proven
 * with the real parser and matcher: the `sample` must select exactly `expect`.
 *
 *   topic: STRING (the file's name)        title: {ko, en}
 *   questions:
 *     - id, kind: single|multi|truefalse|selector, concept: 1..17|pod|labels (concepts.ts), section,
 *       prompt: {ko, en}, explanation: {ko, en}
 *       single/multi: choices: [{id: A.., ko, en, misconception?: {ko, en}}], answer: ID | [ID..]
 *       truefalse:    answer: true|false, misconception: {ko, en}
 *       selector:     pods: [{name, labels}], expect: [NAME..], sample: SELECTOR
 *       proof (any kind, optional): [COMMAND | {advance: 10s} |
 *                                    {say: COMMAND, expect: TEXT|[TEXT..], absent?: TEXT|[TEXT..], error?: true}]
 */
export type Path = readonly (string | number)[];

export interface SchemaProblem {
  path: Path;
  message: string;
}

export interface BankContent {
  topic: string;
  title: Localized;
  questions: Question[];
}

type Obj = Record<string, unknown>;

const COMMON = ['id', 'kind', 'concept', 'section', 'prompt', 'explanation', 'proof'];
const KEYS: Record<Question['kind'], string[]> = {
  single: [...COMMON, 'choices', 'answer'],
  multi: [...COMMON, 'choices', 'answer'],
  truefalse: [...COMMON, 'answer', 'misconception'],
  selector: [...COMMON, 'pods', 'expect', 'sample'],
  predict: [...COMMON, 'setup', 'command', 'choices'],
  command: [...COMMON, 'setup', 'sample', 'check'],
};
const ID_PATTERN = /^[a-z][a-z0-9]*-\d{3}$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one bank; every problem found is pushed to `problems` (the bank is usable only if none). */
export function readBank(value: unknown, topic: string, problems: SchemaProblem[]): BankContent | null {
  const report = (path: Path, message: string) => problems.push({ path, message });
  if (!isObj(value)) {
    report([], 'a bank is a map with topic, title and questions');
    return null;
  }
  unknownKeys(value, ['topic', 'title', 'questions'], [], report);
  if (value.topic !== topic)
    report(['topic'], `must be "${topic}", the file's name (found ${JSON.stringify(value.topic ?? null)})`);
  const title = localized(value.title, ['title'], report);
  if (!Array.isArray(value.questions) || value.questions.length === 0) {
    report(['questions'], 'must be a non-empty list of questions');
    return null;
  }
  const before = problems.length;
  const questions = value.questions.map((q, i) => readQuestion(q, topic, ['questions', i], report));
  if (problems.length > before || title === null) return null;
  return { topic, title, questions: questions.filter((q): q is Question => q !== null) };
}

type Report = (path: Path, message: string) => void;

function readQuestion(value: unknown, topic: string, path: Path, report: Report): Question | null {
  if (!isObj(value)) {
    report(path, 'a question is a map');
    return null;
  }
  const kind = value.kind;
  if (
    kind !== 'single' &&
    kind !== 'multi' &&
    kind !== 'truefalse' &&
    kind !== 'selector' &&
    kind !== 'predict' &&
    kind !== 'command'
  ) {
    report(
      [...path, 'kind'],
      `must be single, multi, truefalse, selector, predict or command (found ${JSON.stringify(kind ?? null)})`,
    );
    return null;
  }
  unknownKeys(value, KEYS[kind], path, report);
  const id = text(value.id, [...path, 'id'], report);
  if (id !== null && !ID_PATTERN.test(id)) report([...path, 'id'], `"${id}" is not of the form topic-NNN`);
  const concept = readConcept(value.concept);
  if (concept === null)
    report(
      [...path, 'concept'],
      `must be one of the notes' concepts ${ALL_CONCEPTS.join(', ')} (found ${JSON.stringify(value.concept ?? null)})`,
    );
  const section = text(value.section, [...path, 'section'], report);
  const prompt = localized(value.prompt, [...path, 'prompt'], report);
  const explanation = localized(value.explanation, [...path, 'explanation'], report);
  // The kind's own fields are checked even when a common one failed: every problem is reported.
  const common = {
    id: id ?? '',
    topic,
    concept: concept ?? 1,
    section: section ?? '',
    prompt: prompt ?? EMPTY,
    explanation: explanation ?? EMPTY,
  };
  const proof = value.proof === undefined ? undefined : readProof(value.proof, [...path, 'proof'], report);
  const read = readKind(value, kind, common, path, report);
  const question = read === null || proof === undefined || proof === null ? read : { ...read, proof };
  return id === null || concept === null || section === null || prompt === null || explanation === null
    ? null
    : question;
}

const EMPTY: Localized = { ko: '', en: '' };

function readKind(
  value: Obj,
  kind: Question['kind'],
  common: {
    id: string;
    topic: string;
    concept: Concept;
    section: string;
    prompt: Localized;
    explanation: Localized;
  },
  path: Path,
  report: Report,
): Question | null {
  switch (kind) {
    case 'single':
    case 'multi': {
      const choices = readChoices(value, kind, path, report);
      if (choices === null) return null;
      if (kind === 'single')
        return { ...common, kind, choices: choices.choices, answer: choices.answer[0] ?? '' };
      return { ...common, kind, choices: choices.choices, answer: choices.answer };
    }
    case 'truefalse': {
      if (typeof value.answer !== 'boolean') report([...path, 'answer'], 'must be true or false');
      const misconception = localized(value.misconception, [...path, 'misconception'], report);
      if (typeof value.answer !== 'boolean' || misconception === null) return null;
      return { ...common, kind, answer: value.answer, misconception };
    }
    case 'selector':
      return readSelectorQuestion(value, common, path, report);
    case 'predict':
      return readPredict(value, common, path, report);
    case 'command':
      return readCommand(value, common, path, report);
  }
}

/**
 * `command`: setup steps, a `sample` command that answers it, and `check: state | output`. The
 * sample is run at load: it must succeed, and (for `state`) change the sandbox, or the question
 * could not tell a right answer from a harmless one.
 */
function readCommand(
  value: Obj,
  common: Omit<Extract<Question, { kind: 'command' }>, 'kind' | 'setup' | 'sample' | 'check'>,
  path: Path,
  report: Report,
): Question | null {
  const setup = readSetup(value.setup, [...path, 'setup'], report);
  const sample = text(value.sample, [...path, 'sample'], report);
  const check = value.check;
  if (check !== 'state' && check !== 'output') report([...path, 'check'], 'must be state or output');
  if (setup === null || sample === null || (check !== 'state' && check !== 'output')) return null;
  const before = runPrepared(setup, common.id, 'kubectl version --client');
  const ran = runPrepared(setup, common.id, sample);
  if (!ran.ok || !before.ok) {
    report([...path, 'sample'], ran.ok ? (before.ok ? '' : before.error) : ran.error);
    return null;
  }
  if (ran.value.exitCode !== 0) {
    report([...path, 'sample'], `fails: ${ran.value.printed.slice(0, 200)}`);
    return null;
  }
  if (check === 'state' && ran.value.state === before.value.state) {
    report(
      [...path, 'sample'],
      'changes nothing, so check: state cannot tell answers apart (use check: output)',
    );
    return null;
  }
  const exhibit = setup.map((s) => ('run' in s ? `$ ${s.run}` : `# … ${s.advanceMs / 1000} s later`));
  return {
    ...common,
    kind: 'command',
    ...(exhibit.length === 0 ? {} : { exhibit: exhibit.join('\n') }),
    setup,
    sample,
    check,
  };
}

/**
 * `predict`: setup (kubectl commands and `{advance: 10s}` pauses), the asked `command`, and
 * choices that are outputs (`{id, output, misconception}`). The key is computed here by running
 * them in a fresh sandbox (`predict.ts`); the exhibit shows the setup and the command.
 */
function readPredict(
  value: Obj,
  common: Omit<Extract<Question, { kind: 'predict' }>, 'kind' | 'command' | 'choices' | 'answer'>,
  path: Path,
  report: Report,
): Question | null {
  const setup = readSetup(value.setup, [...path, 'setup'], report);
  const command = text(value.command, [...path, 'command'], report);
  if (command !== null && !command.startsWith('kubectl '))
    report([...path, 'command'], 'must be a kubectl command');
  const list = value.choices;
  if (!Array.isArray(list) || list.length < 2 || list.length > 6) {
    report([...path, 'choices'], 'must be a list of 2 to 6 choices');
    return null;
  }
  const choices: ChoiceSpec[] = [];
  for (const [i, c] of list.entries()) {
    const at = [...path, 'choices', i];
    if (!isObj(c) || typeof c.id !== 'string' || !/^[A-Z]$/.test(c.id) || typeof c.output !== 'string') {
      report(at, 'a choice is a map with id (one capital letter), output and misconception');
      continue;
    }
    unknownKeys(c, ['id', 'output', 'misconception'], at, report);
    const misconception = localized(c.misconception, [...at, 'misconception'], report);
    if (misconception !== null)
      choices.push({ id: c.id, text: { ko: c.output, en: c.output }, misconception });
  }
  if (setup === null || command === null || choices.length !== list.length) return null;
  const key = predictKey(setup, command, choices, common.id);
  if (!key.ok) {
    report([...path, 'command'], key.error);
    return null;
  }
  const exhibit = [
    ...setup.map((s) => ('run' in s ? `$ ${s.run}` : `# … ${s.advanceMs / 1000} s later`)),
    `$ ${command}`,
  ];
  return {
    ...common,
    kind: 'predict',
    exhibit: exhibit.join('\n'),
    command,
    // The right choice's note would never be shown: it is dropped.
    choices: choices.map((c) => (c.id === key.value.answer ? { id: c.id, text: c.text } : c)),
    answer: key.value.answer,
  };
}

function readSetup(value: unknown, path: Path, report: Report): SetupStep[] | null {
  if (!Array.isArray(value) || value.length > 20) {
    report(path, 'must be a list of at most 20 steps');
    return null;
  }
  const steps: SetupStep[] = [];
  for (const [i, step] of value.entries()) {
    if (typeof step === 'string' && step.startsWith('kubectl ')) steps.push({ run: step });
    else if (isObj(step) && typeof step.advance === 'string' && DURATION.test(step.advance)) {
      const [, n = '0', unit] = DURATION.exec(step.advance) ?? [];
      steps.push({ advanceMs: Number(n) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000) });
    } else report([...path, i], 'a step is a kubectl command or {advance: DURATION}');
  }
  return steps.length === value.length ? steps : null;
}

function readChoices(
  value: Obj,
  kind: 'single' | 'multi',
  path: Path,
  report: Report,
): { choices: ChoiceSpec[]; answer: string[] } | null {
  const list = value.choices;
  if (!Array.isArray(list) || list.length < 2) {
    report([...path, 'choices'], 'must be a list of at least two choices');
    return null;
  }
  const ids = list.map((c) => (isObj(c) && typeof c.id === 'string' ? c.id : ''));
  const answer = readAnswer(value.answer, kind, ids, [...path, 'answer'], report);
  const choices: ChoiceSpec[] = [];
  for (const [i, c] of list.entries()) {
    const at = [...path, 'choices', i];
    if (!isObj(c)) {
      report(at, 'a choice is a map with id, ko and en');
      continue;
    }
    unknownKeys(c, ['id', 'ko', 'en', 'misconception'], at, report);
    if (typeof c.id !== 'string' || !/^[A-Z]$/.test(c.id))
      report([...at, 'id'], 'must be one capital letter');
    else if (ids.indexOf(c.id) !== i) report([...at, 'id'], `"${c.id}" is used by another choice`);
    const label = localized({ ko: c.ko, en: c.en }, at, report);
    const wrong = answer !== null && !answer.includes(String(c.id));
    let misconception: Localized | null = null;
    if (c.misconception !== undefined)
      misconception = localized(c.misconception, [...at, 'misconception'], report);
    else if (wrong)
      report([...at, 'misconception'], `wrong choice ${String(c.id)} needs a misconception {ko, en}`);
    if (label !== null)
      choices.push({ id: String(c.id), text: label, ...(misconception ? { misconception } : {}) });
  }
  if (answer === null || choices.length !== list.length) return null;
  return { choices, answer };
}

function readAnswer(value: unknown, kind: 'single' | 'multi', ids: string[], path: Path, report: Report) {
  const given = kind === 'single' ? [value] : value;
  if (kind === 'single' && typeof value !== 'string') {
    report(path, 'must be the id of one choice');
    return null;
  }
  if (!Array.isArray(given) || given.length === 0 || !given.every((a) => typeof a === 'string')) {
    report(path, 'must be a list of choice ids');
    return null;
  }
  const answer = given as string[];
  for (const [i, a] of answer.entries()) {
    const at = kind === 'single' ? path : [...path, i];
    if (!ids.includes(a)) report(at, `"${a}" is not one of the choices (${ids.join(', ')})`);
    else if (answer.indexOf(a) !== i) report(at, `"${a}" is listed twice`);
  }
  return answer.every((a, i) => ids.includes(a) && answer.indexOf(a) === i) ? answer : null;
}

function readSelectorQuestion(
  value: Obj,
  common: Omit<Extract<Question, { kind: 'selector' }>, 'kind' | 'pods' | 'expect' | 'sample'>,
  path: Path,
  report: Report,
): Question | null {
  const pods = readPods(value.pods, [...path, 'pods'], report);
  const names = pods?.map((p) => p.name) ?? [];
  const expect = value.expect;
  let expected: string[] | null = null;
  if (!Array.isArray(expect) || !expect.every((n) => typeof n === 'string')) {
    report([...path, 'expect'], 'must be a list of pod names');
  } else {
    expected = expect as string[];
    for (const [i, n] of expected.entries())
      if (pods !== null && !names.includes(n))
        report([...path, 'expect', i], `"${n}" is not one of the pods`);
  }
  const sample = text(value.sample, [...path, 'sample'], report);
  if (pods === null || expected === null || sample === null) return null;
  const parsed = parseSelector(sample);
  if (!parsed.ok) {
    report([...path, 'sample'], `does not parse: ${parsed.error.message} (column ${parsed.error.column})`);
    return null;
  }
  const selected = pods.filter((p) => matchesSelector(parsed.value, p.labels)).map((p) => p.name);
  if ([...selected].sort().join() !== [...expected].sort().join()) {
    report(
      [...path, 'sample'],
      `selects [${selected.join(', ')}], not the expected [${expected.join(', ')}]`,
    );
    return null;
  }
  return { ...common, kind: 'selector', pods, expect: expected, sample };
}

function readPods(value: unknown, path: Path, report: Report): SelectorPod[] | null {
  if (!Array.isArray(value) || value.length < 2) {
    report(path, 'must be a list of at least two pods');
    return null;
  }
  const pods: SelectorPod[] = [];
  for (const [i, p] of value.entries()) {
    const at = [...path, i];
    if (!isObj(p) || typeof p.name !== 'string' || !isObj(p.labels)) {
      report(at, 'a pod is a map with name and labels');
      continue;
    }
    unknownKeys(p, ['name', 'labels'], at, report);
    const nameErrors = dns1123SubdomainErrors(p.name);
    if (nameErrors.length > 0)
      report([...at, 'name'], `"${p.name}" is not a valid pod name: ${nameErrors[0]}`);
    if (value.findIndex((o) => isObj(o) && o.name === p.name) !== i)
      report([...at, 'name'], `"${p.name}" is used by another pod`);
    const labels: Record<string, string> = {};
    for (const [key, v] of Object.entries(p.labels)) {
      const problem =
        typeof v !== 'string'
          ? 'must be a string (quote it)'
          : (qualifiedNameErrors(key)[0] ?? labelValueErrors(v)[0]);
      if (problem !== undefined) report([...at, 'labels', key], `label ${key}: ${problem}`);
      else labels[key] = String(v);
    }
    pods.push({ name: p.name, labels });
  }
  return pods.length === value.length ? pods : null;
}

const texts = (value: unknown): string[] | null => {
  const list = typeof value === 'string' ? [value] : value;
  return Array.isArray(list) && list.length > 0 && list.every((e) => typeof e === 'string' && e !== '')
    ? (list as string[])
    : null;
};

const DURATION = /^(\d{1,4})(ms|s|m)$/;

/** A proof transcript: commands, pauses, and commands whose reply must hold given fragments. */
function readProof(value: unknown, path: Path, report: Report): ProofStep[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 40) {
    report(path, 'must be a list of 1 to 40 steps');
    return null;
  }
  const steps: ProofStep[] = [];
  for (const [i, step] of value.entries()) {
    const at = [...path, i];
    if (typeof step === 'string' && step.trim() !== '') steps.push({ run: step });
    else if (isObj(step) && 'advance' in step) {
      const match = typeof step.advance === 'string' ? DURATION.exec(step.advance) : null;
      if (match === null) report([...at, 'advance'], 'must be a duration like 10s, 500ms or 2m');
      else {
        const unit = match[2] === 'ms' ? 1 : match[2] === 's' ? 1000 : 60_000;
        steps.push({ advanceMs: Number(match[1]) * unit });
      }
    } else if (isObj(step) && typeof step.say === 'string') {
      unknownKeys(step, ['say', 'expect', 'absent', 'error'], at, report);
      const expect = texts(step.expect);
      const absent = step.absent === undefined ? [] : texts(step.absent);
      if (expect === null)
        report([...at, 'expect'], 'must be a text, or a list of texts, the reply must contain');
      else if (absent === null)
        report([...at, 'absent'], 'must be a text, or a list of texts, the reply must not contain');
      else steps.push({ say: step.say, expect, absent, error: step.error === true });
    } else report(at, 'a step is a command, {advance: DURATION} or {say: COMMAND, expect: TEXT}');
  }
  return steps.length === value.length ? steps : null;
}

function text(value: unknown, path: Path, report: Report): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  report(path, value === undefined ? 'is missing' : 'must be a non-empty string');
  return null;
}

/** `{ko, en}`, both non-empty: a question missing a language is refused. */
function localized(value: unknown, path: Path, report: Report): Localized | null {
  if (!isObj(value)) {
    report(path, value === undefined ? 'is missing' : 'must be a map {ko, en}');
    return null;
  }
  let good = true;
  for (const lang of ['ko', 'en'] as const) {
    const v = value[lang];
    if (typeof v !== 'string' || v.trim() === '') {
      report([...path, lang], v === undefined ? `missing language "${lang}"` : 'must be a non-empty string');
      good = false;
    }
  }
  for (const key of Object.keys(value))
    if (key !== 'ko' && key !== 'en') report([...path, key], `unknown language "${key}" (ko and en only)`);
  return good ? { ko: String(value.ko), en: String(value.en) } : null;
}

function unknownKeys(value: Obj, allowed: readonly string[], path: Path, report: Report): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      report([...path, key], `unknown field (expected one of ${allowed.join(', ')})`);
}
