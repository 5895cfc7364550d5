import { describe, expect, it } from 'vitest';
import { grade } from '../../src/quiz/grade.ts';
import type { Question } from '../../src/quiz/question.ts';
import { answerErrorBlocks, feedbackBlocks } from '../../src/quiz/render.ts';

/** Feedback names the misconception (#14): missed and wrong picks, and common wrong selectors. */
const common = {
  topic: 't',
  concept: 14 as const,
  section: 's',
  prompt: { ko: '질문', en: 'q' },
  explanation: { ko: '해설', en: 'Why' },
};
const multi: Question = {
  ...common,
  id: 't-101',
  kind: 'multi',
  choices: ['A', 'B', 'C', 'D'].map((id) => ({
    id,
    text: { ko: id, en: id },
    ...(id === 'C' || id === 'D' ? { misconception: { ko: `${id} 오해`, en: `${id} myth` } } : {}),
  })),
  answer: ['A', 'B'],
};
const selector: Question = {
  ...common,
  id: 't-102',
  kind: 'selector',
  pods: [
    { name: 'web-prod', labels: { app: 'web', env: 'prod' } },
    { name: 'web-dev', labels: { app: 'web', env: 'dev' } },
    { name: 'web-bare', labels: { app: 'web' } },
  ],
  expect: ['web-dev'],
  sample: 'env,env!=prod',
};

function feedback(q: Question, answer: string, lang: 'en' | 'ko' = 'en'): string {
  const graded = grade(q, answer);
  if (!graded.ok) throw new Error(`not an answer: ${answer}`);
  return feedbackBlocks(q, lang, graded.value)
    .map((b) => b.text)
    .join('\n');
}

describe('feedback that names the misconception', () => {
  it('GIVEN a multi-select answer A,C WHEN graded THEN the missed B and the wrong C are named, with C’s misconception', () => {
    const text = feedback(multi, 'A,C');
    expect(text).toContain('You missed: B (right, but not picked).');
    expect(text).toContain('Picked wrongly: C.');
    expect(text).toContain('C myth');
    expect(feedback(multi, 'A,C', 'ko')).toContain('놓친 보기: B');
    expect(feedback(multi, 'A,B')).not.toMatch(/missed|wrongly/);
  });

  it('GIVEN env!=prod for "env is set and not prod" WHEN graded THEN the note says != also matches pods without the key', () => {
    const text = feedback(selector, 'env!=prod');
    expect(text).toContain(
      'You may be assuming `env!=…` looks only at pods with `env`. Pods without the key (web-bare) match too',
    );
    expect(feedback(selector, 'env notin (prod)', 'ko')).toContain('키가 없는 파드(web-bare)도 맞아요');
  });

  it('GIVEN a selector requiring a key WHEN the expected pods lack it THEN the note says the key leaves them out', () => {
    const keyless: Question = {
      ...selector,
      id: 't-103',
      expect: ['web-dev', 'web-bare'],
      sample: 'env!=prod',
    };
    expect(feedback(keyless, 'env=dev')).toContain('requiring `env` leaves out pods without it (web-bare)');
  });

  it('GIVEN a bare letter for a selector question THEN the hint asks for a selector', () => {
    const graded = grade(selector, 'B');
    if (graded.ok) throw new Error('a letter was graded');
    const [block] = answerErrorBlocks(graded.error, 'en', selector);
    expect(block?.text).toContain('looks like a choice letter, but this question wants a selector');
  });
});
