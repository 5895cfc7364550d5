import { describe, expect, it } from 'vitest';
import { grade } from '../../src/quiz/grade.ts';
import type { Question } from '../../src/quiz/question.ts';

const common = {
  topic: 't',
  concept: 1 as const,
  section: 's',
  prompt: { ko: '질문', en: 'q' },
  explanation: { ko: '해설', en: 'e' },
};
const choice = (id: string) => ({ id, text: { ko: id, en: id } });
const single: Question = {
  ...common,
  id: 't-001',
  kind: 'single',
  choices: ['A', 'B', 'C'].map(choice),
  answer: 'B',
};
const multi: Question = {
  ...common,
  id: 't-002',
  kind: 'multi',
  choices: ['A', 'B', 'C', 'D'].map(choice),
  answer: ['A', 'C'],
};
const tf: Question = {
  ...common,
  id: 't-003',
  kind: 'truefalse',
  answer: false,
  misconception: { ko: '오해', en: 'm' },
};
const selector: Question = {
  ...common,
  id: 't-004',
  kind: 'selector',
  pods: [
    { name: 'web-1', labels: { app: 'web', env: 'prod' } },
    { name: 'web-2', labels: { app: 'web', env: 'dev' } },
    { name: 'web-3', labels: { app: 'web' } },
  ],
  expect: ['web-2'],
  sample: 'env=dev',
};

describe('grading an answer', () => {
  it.each([
    ['single', single, 'B', true, 'B'],
    ['single', single, ' b ', true, 'B'],
    ['single', single, 'A', false, 'A'],
    ['multi', multi, 'A,C', true, 'A,C'],
    ['multi', multi, 'c a', true, 'A,C'],
    ['multi', multi, 'A, C, A', true, 'A,C'],
    ['multi', multi, 'A', false, 'A'],
    ['multi', multi, 'A,B,C', false, 'A,B,C'],
    ['true/false', tf, 'F', true, 'F'],
    ['true/false', tf, 'x', true, 'F'],
    ['true/false', tf, '거짓', true, 'F'],
    ['true/false', tf, 'true', false, 'T'],
    ['true/false', tf, 'O', false, 'T'],
    ['selector', selector, 'env=dev', true, 'env=dev'],
    ['selector', selector, "'env in (dev,qa)'", true, 'env in (dev,qa)'],
    ['selector', selector, 'env,env!=prod', true, 'env,env!=prod'],
    ['selector', selector, 'env!=prod', false, 'env!=prod'],
  ] as const)(
    'GIVEN a %s question WHEN answered %j THEN correct is %s and it is stored as %j',
    (_kind, question, answer, correct, text) => {
      const graded = grade(question, answer);
      expect(graded).toMatchObject({ ok: true, value: { correct, text } });
    },
  );

  it('GIVEN a selector answer WHEN graded THEN the pods it selects come back for the feedback', () => {
    expect(grade(selector, 'env!=prod')).toMatchObject({ ok: true, value: { selected: ['web-2', 'web-3'] } });
  });

  it.each([
    ['single', single, '', { code: 'empty' }],
    ['single', single, 'E', { code: 'noSuchChoice', choice: 'E', valid: ['A', 'B', 'C'] }],
    ['single', single, 'A,B', { code: 'pickOne' }],
    ['true/false', tf, 'maybe', { code: 'noSuchChoice', choice: 'maybe', valid: ['T', 'F'] }],
    ['true/false', tf, 'T F', { code: 'pickOne' }],
    ['multi', multi, 'A,Z', { code: 'noSuchChoice', choice: 'Z' }],
    ['selector', selector, "''", { code: 'empty' }],
    ['selector', selector, 'env in (dev', { code: 'selectorSyntax', column: 12, text: 'env in (dev' }],
    ['selector', selector, 'x'.repeat(10_240), { code: 'tooLong', length: 10_240, max: 300 }],
    ['single', single, 'B'.repeat(301), { code: 'tooLong' }],
  ] as const)(
    'GIVEN a %s question WHEN answered %j THEN it is refused as %j, not counted wrong',
    (_kind, question, answer, error) => {
      expect(grade(question, answer)).toMatchObject({ ok: false, error });
    },
  );
});

describe('selector answers written as on the command line (#14)', () => {
  it.each([
    ['env=dev'],
    ['-l env=dev'],
    ['-lenv=dev'],
    ['-l=env=dev'],
    ['--selector=env=dev'],
    ['--selector env=dev'],
    ["kubectl get po -l 'env=dev'"],
    ['kubectl get pods -l env=dev'],
    ['k get pod --selector=env=dev'],
    ['get po -l "env in (dev)"'],
  ])('GIVEN the answer %s WHEN graded THEN the selector in it is run and is right', (answer) => {
    const graded = grade(selector, answer);
    expect(graded.ok && graded.value.correct, answer).toBe(true);
    expect(graded.ok && graded.value.text).toMatch(/^env( in \(dev\)|=dev)$/);
  });

  it.each([['B'], ['a'], [' C ']])(
    'GIVEN a bare letter %s for a selector question WHEN graded THEN it is refused with a hint, not recorded as wrong',
    (answer) => {
      const graded = grade(selector, answer);
      expect(graded.ok).toBe(false);
      if (!graded.ok) expect(graded.error).toEqual({ code: 'selectorLetter', letter: answer.trim() });
    },
  );

  it('GIVEN -l with a selector that does not parse WHEN graded THEN the error points into the selector, not the flag', () => {
    const graded = grade(selector, "-l '!env=dev'");
    expect(graded.ok).toBe(false);
    if (!graded.ok && graded.error.code === 'selectorSyntax') expect(graded.error.text).toBe('!env=dev');
  });
});
