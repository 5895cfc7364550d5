import { describe, expect, it } from 'vitest';
import { fill, t } from '../../src/i18n/catalogue.ts';

describe('English counts with their noun', () => {
  it.each([
    [1, 'Live quiz on Labels: 1 question, no timer.'],
    [3, 'Live quiz on Labels: 3 questions, no timer.'],
    [0, 'Live quiz on Labels: 0 questions, no timer.'],
  ])('GIVEN %i questions WHEN the live quiz is announced THEN the noun agrees', (count, said) => {
    expect(t('en', 'quiz.startedUntimed', { title: 'Labels', count })).toMatch(new RegExp(`^${said}`));
  });

  it('GIVEN {n:day|days} WHEN filled THEN 1 day, 2 days; a missing value is left as written', () => {
    expect(fill('in {n:day|days}', { n: 1 })).toBe('in 1 day');
    expect(fill('in {n:day|days}', { n: 2 })).toBe('in 2 days');
    expect(fill('in {n:day|days}', {})).toBe('in {n:day|days}');
  });
});
