import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BankProblem, formatProblem, loadBanks, parseBank } from '../../src/quiz/banks.ts';
import { choicesOf, rightChoices } from '../../src/quiz/question.ts';

const GOOD = `topic: demo
title: { ko: "데모", en: "Demo" }
questions:
  - id: demo-001
    kind: single
    section: "파드"
    prompt: { ko: "질문", en: "Question" }
    choices:
      - id: A
        ko: "가"
        en: "a"
      - id: B
        ko: "나"
        en: "b"
        misconception: { ko: "오해", en: "myth" }
    answer: A
    explanation: { ko: "해설", en: "Why" }
    concept: 8
`;

function problems(source: string): BankProblem[] {
  const result = parseBank(source, 'quizzes/demo.yaml', 'demo');
  if (result.ok) throw new Error('expected the bank to be refused');
  return result.error;
}

describe('quiz banks', () => {
  it('GIVEN the quizzes folder WHEN loaded THEN every bank validates: 11 topics, 145 questions, unique ids', () => {
    const banks = loadBanks();
    if (!banks.ok) throw new Error(banks.error.map(formatProblem).join('\n'));
    expect(banks.value).toHaveLength(11);
    const questions = banks.value.flatMap((b) => b.questions);
    expect(questions).toHaveLength(145);
    expect(new Set(questions.map((q) => q.id)).size).toBe(145);
    for (const q of questions) {
      for (const text of [q.prompt, q.explanation]) expect(text.ko.trim() && text.en.trim()).toBeTruthy();
      const ids = choicesOf(q).map((c) => c.id);
      for (const id of rightChoices(q)) expect(ids).toContain(id);
    }
    const kinds = new Set(questions.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['command', 'multi', 'predict', 'selector', 'single', 'truefalse']);
  });

  it('GIVEN a good bank WHEN parsed THEN its question comes back typed', () => {
    const bank = parseBank(GOOD, 'quizzes/demo.yaml', 'demo');
    expect(bank.ok && bank.value.questions[0]).toMatchObject({ id: 'demo-001', kind: 'single', answer: 'A' });
  });

  it.each([
    ['a YAML syntax error', GOOD.replace('answer: A', 'answer: [A'), 17, '', /YAML/],
    [
      'a missing field',
      GOOD.replace('    section: "파드"\n', ''),
      4,
      'questions[0] (demo-001).section',
      /missing/,
    ],
    [
      'an answer not among the choices',
      GOOD.replace('answer: A', 'answer: E'),
      16,
      'questions[0] (demo-001).answer',
      /"E" is not one of the choices \(A, B\)/,
    ],
    [
      'a missing language',
      GOOD.replace('prompt: { ko: "질문", en: "Question" }', 'prompt: { ko: "질문" }'),
      7,
      'questions[0] (demo-001).prompt.en',
      /missing language "en"/,
    ],
    [
      'a wrong choice without misconception',
      GOOD.replace('        misconception: { ko: "오해", en: "myth" }\n', ''),
      12,
      'questions[0] (demo-001).choices[1].misconception',
      /needs a misconception/,
    ],
    [
      'an unknown field (a typo)',
      GOOD.replace('explanation:', 'explantion:'),
      17,
      'questions[0] (demo-001).explantion',
      /unknown field/,
    ],
    [
      'a topic that is not the file name',
      GOOD.replace('topic: demo', 'topic: other'),
      1,
      'topic',
      /must be "demo"/,
    ],
    ['a duplicate key', GOOD.replace('    answer: A\n', '    answer: A\n    answer: B\n'), 17, '', /unique/],
  ])(
    'GIVEN %s WHEN parsed THEN it is reported at file:line with the field',
    (_name, source, line, field, message) => {
      const [first] = problems(source);
      expect(first).toMatchObject({ file: 'quizzes/demo.yaml', line, field });
      expect(first?.message).toMatch(message);
      expect(formatProblem(first as BankProblem)).toMatch(new RegExp(`^quizzes/demo\\.yaml:${line}:\\d+: `));
    },
  );

  it('GIVEN a selector question whose sample selects other pods WHEN parsed THEN the real matcher refuses it', () => {
    const source = `topic: demo
title: { ko: "데모", en: "Demo" }
questions:
  - id: demo-002
    kind: selector
    section: "파드"
    prompt: { ko: "셀렉터", en: "Selector" }
    pods:
      - name: a
        labels: { env: "prod" }
      - name: b
        labels: {}
    expect: [a, b]
    sample: "env=prod"
    explanation: { ko: "해설", en: "Why" }
    concept: 8
`;
    const [first] = problems(source);
    expect(first).toMatchObject({ line: 14, field: 'questions[0] (demo-002).sample' });
    expect(first?.message).toBe('selects [a], not the expected [a, b]');
    expect(problems(source.replace('sample: "env=prod"', 'sample: "env in (prod"'))[0]?.message).toMatch(
      /^does not parse: .*\(column \d+\)$/,
    );
  });

  it('GIVEN the same id in two files WHEN the folder is loaded THEN the duplicate is reported with both places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-banks-'));
    writeFileSync(join(dir, 'demo.yaml'), GOOD);
    writeFileSync(join(dir, 'other.yaml'), GOOD.replace('topic: demo', 'topic: other'));
    const loaded = loadBanks(dir);
    expect(loaded.ok).toBe(false);
    const problem = loaded.ok ? undefined : loaded.error[0];
    expect(problem).toMatchObject({ line: 4, field: 'questions[0] (demo-001).id' });
    expect(problem?.file).toMatch(/other\.yaml$/);
    expect(problem?.message).toMatch(/duplicate id "demo-001" \(also in .*demo\.yaml:4\)/);
  });

  it('GIVEN a predict question WHEN the bank loads THEN its key is the choice kubectl prints, computed in a fresh sandbox', () => {
    const source = (command: string) => `topic: demo
title: { ko: "데모", en: "Demo" }
questions:
  - id: demo-009
    kind: predict
    concept: 13
    section: "파드"
    prompt: { ko: "출력은?", en: "Output?" }
    setup:
      - kubectl run kubia --image=luksa/kubia --labels=env=prod
    command: "${command}"
    choices:
      - { id: A, output: "pod/kubia labeled", misconception: { ko: "오해", en: "myth" } }
      - { id: B, output: "already has a value (prod)", misconception: { ko: "오해", en: "myth" } }
    explanation: { ko: "해설", en: "Why" }
`;
    const refused = parseBank(source('kubectl label po kubia env=dev'), 'quizzes/demo.yaml', 'demo');
    expect(refused.ok && refused.value.questions[0]).toMatchObject({ kind: 'predict', answer: 'B' });
    const overwritten = parseBank(
      source('kubectl label po kubia env=dev --overwrite'),
      'quizzes/demo.yaml',
      'demo',
    );
    expect(overwritten.ok && overwritten.value.questions[0]).toMatchObject({ answer: 'A' });
    expect(overwritten.ok && overwritten.value.questions[0]?.exhibit).toBe(
      '$ kubectl run kubia --image=luksa/kubia --labels=env=prod\n$ kubectl label po kubia env=dev --overwrite',
    );
    const [none] = problems(source('kubectl get po kubia -o name'));
    expect(none).toMatchObject({ field: 'questions[0] (demo-009).command' });
    expect(none?.message).toMatch(/prints "pod\/kubia", which no choice match; exactly one must/);
  });
});
