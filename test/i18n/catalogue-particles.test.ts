import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, type MessageKey, t } from '../../src/i18n/catalogue.ts';

/**
 * Values ending in each kind of sound, as a member's names and numbers do. A particle right after
 * one (past closing quotes or brackets) must be a form that fits that sound.
 */
const SAMPLES = [
  { sound: 'a final consonant', values: ['web', '80', 'lab-cleanup'] },
  { sound: 'a vowel', values: ['kubia', '2', 'db-a'] },
  { sound: 'a final ㄹ', values: ['manual', '1', 'db-1'] },
] as const;

/** Particles that cannot follow each sound (the other form of the pair). */
const WRONG: Record<(typeof SAMPLES)[number]['sound'], RegExp> = {
  'a final consonant': /^(를|가|는|로|와|예요|야|라는|라고|라(?=\s|$)|나(?=\s|$)|랑|란)/,
  'a vowel': /^(을|은|이|과|으로|아(?=\s|$)|아요)/,
  'a final ㄹ': /^(를|가|는|으로|와|예요|야|라는|라고|랑|란)/,
};

const ALTERNATION =
  /[\uac00-\ud7a3`']\((을|를|이|가|은|는|으|과|와|아|야|이에요|예요|이라|라)\)|\(으\)로|\(이\)/;

const keys = Object.keys(catalogue) as MessageKey[];
const placeholders = (text: string) => [
  ...new Set([...text.matchAll(/\{(\w+)(?::[A-Za-z ]+\|[A-Za-z ]+)?\}/g)].map((m) => m[1] ?? '')),
];

/** What follows each occurrence of `value` in `text`, past closing quotes and brackets. */
function after(text: string, value: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const rest = text.slice(at + value.length).replace(/^[`'")\]]*/, '');
    // A value inside a longer word (`web` inside `webhook`) is not this value.
    if (/^[0-9A-Za-z-]/.test(text.slice(at + value.length))) continue;
    found.push(rest.slice(0, 4));
  }
  return found;
}

describe('particles after filled-in values, in every Korean sentence of the catalogue', () => {
  for (const { sound, values } of SAMPLES) {
    it.each(keys)(`GIVEN %s with values ending in ${sound} THEN every particle after them fits`, (key) => {
      const names = placeholders(catalogue[key].ko);
      for (const value of values) {
        const params = Object.fromEntries(names.map((n) => [n, value]));
        const text = t('ko', key, params);
        for (const next of after(text, value)) {
          expect(next, `${key} with ${value}: …${value}${next}`).not.toMatch(WRONG[sound]);
        }
        expect(text).not.toMatch(ALTERNATION);
      }
    });
  }

  it('GIVEN a sentence with a particle token THEN the right form is chosen for each kind of value', () => {
    expect(t('ko', 'file.deleted', { name: 'lab-cleanup' })).toBe('`lab-cleanup`을 지웠어요.');
    expect(t('ko', 'file.deleted', { name: 'kubia' })).toBe('`kubia`를 지웠어요.');
    expect(t('ko', 'file.deleted', { name: 'db-1' })).toBe('`db-1`을 지웠어요.');
    expect(t('ko', 'quiz.review.nothingDue', { when: t('ko', 'quiz.when.minutes', { n: 1 }) })).toBe(
      '지금 복습할 문제는 없어요. 다음 복습은 1분 뒤예요.',
    );
  });
});

/** Every text the bot can show: sources, chat commands, quiz banks and labs. */
function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (/\.(ts|ya?ml|md)$/.test(name)) yield path;
  }
}

describe('no alternation such as 을 (를) anywhere', () => {
  it('GIVEN src, commands, quizzes, tests and docs THEN no Korean text offers both particles', () => {
    const offenders = ['src', 'commands', 'quizzes', 'test', 'docs']
      .flatMap((dir) => [...textFiles(dir)])
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${path}:${i + 1}`, line }))
          .filter(({ line }) => ALTERNATION.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
