import { type Card, type CardInput, createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { StoredCard } from '../store/quiz-progress.ts';
import { parseGeneratedId } from './generate/family.ts';

/**
 * Spaced repetition with FSRS (ts-fsrs, default parameters, no fuzz so reviews are reproducible).
 * Every answer, in practice, review or a live quiz, is one review of the member's card for that
 * question: right is "Good", wrong is "Again". A generated question's card is its family's
 * (`gen:selector-match`): reviewing it serves a fresh instance, so the skill is what is reviewed.
 */
const scheduler = fsrs({ enable_fuzz: false });

export function cardKeyOf(questionId: string): string {
  const generated = parseGeneratedId(questionId);
  return generated === null ? questionId : `gen:${generated.family}`;
}

export function reviewCard(
  previous: StoredCard | undefined,
  cardKey: string,
  correct: boolean,
  now: number,
): StoredCard {
  const card: Card | CardInput =
    previous === undefined ? createEmptyCard(now) : (JSON.parse(previous.state) as CardInput);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return { cardKey, due: next.due.getTime(), state: JSON.stringify(next) };
}
