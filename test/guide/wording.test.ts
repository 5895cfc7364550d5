import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/guide/glossary.ts';
import { catalogue, type MessageKey } from '../../src/i18n/catalogue.ts';

/**
 * Korean as a person writes it (issue 13): one term per idea and natural verbs, in every sentence
 * of the catalogue, the guide's glossary, the quiz banks, the labs and the quiz's notes. Each entry: what reads as translated, and why.
 */
const AVOID: readonly (readonly [RegExp, string])[] = [
  [/닿아/, '닿아요 → 접속할 수 있어요'],
  [/골라져/, '골라져요 → 선택돼요'],
  [/쫓겨나/, '쫓겨나요 → 축출돼요'],
  [/뒤이에요/, '1분 뒤이에요 → 1분 뒤예요'],
  [/리더보드/, 'one term: 순위표'],
  [/리스닝|리스닝하/, 'one spelling: 리슨'],
  [/바인딩하/, 'one spelling: 바인드'],
  // A particle offered both ways (`X` followed by one form in brackets), spelled with escapes here
  // so that this file does not trip the catalogue's own scan for such text.
  [
    /[\uac00-\ud7a3`'")]\((?:\uc744|\ub97c|\uc774|\uac00|\uc740|\ub294)\)/,
    'particles are chosen by t(), both forms never',
  ],
];

/** The quiz banks, labs and the quiz's own notes, as text (their Korean is read by learners too). */
const ROOT = new URL('../../', import.meta.url).pathname;
const files = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.ts'))
    .map((f) => [`${dir}/${f}`, readFileSync(join(ROOT, dir, f), 'utf8')] as const);

const korean = [
  ...(Object.keys(catalogue) as MessageKey[]).map((key) => [key, catalogue[key].ko] as const),
  ...GLOSSARY.map((c) => [`glossary ${c.id}`, c.answer.ko] as const),
  ...files('quizzes'),
  ...files('quizzes/labs'),
  ...files('src/quiz').filter(([name]) => name.endsWith('-notes.ts')),
];

describe('Korean wording', () => {
  it.each(AVOID)('GIVEN every Korean sentence THEN none has %s', (pattern, why) => {
    const found = korean.filter(([, text]) => pattern.test(text)).map(([key]) => key);
    expect(found, why).toEqual([]);
  });
});
