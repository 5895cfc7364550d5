/**
 * Live quiz points (see creditPoints for a partly right multi-select): a right answer is worth 500, plus a speed bonus of up to 500 that shrinks
 * with every whole second taken (so a scripted quiz, answered within its first second, scores the
 * same on every run). A wrong answer scores nothing.
 */
export const BASE_POINTS = 500;
export const SPEED_POINTS = 500;

export function points(correct: boolean, openedAt: number, answeredAt: number, seconds: number): number {
  return creditPoints(correct ? 1 : 0, openedAt, answeredAt, seconds);
}

/**
 * The same for a share of the answer (`credit` in [0, 1]): a multi-select answer with most of its
 * key right earns that share of what a right one would at the same speed.
 */
export function creditPoints(credit: number, openedAt: number, answeredAt: number, seconds: number): number {
  if (credit <= 0) return 0;
  const elapsed = Math.max(0, Math.floor((answeredAt - openedAt) / 1000));
  const left = Math.max(0, 1 - elapsed / Math.max(1, seconds));
  return Math.round(credit * (BASE_POINTS + Math.round(SPEED_POINTS * left)));
}
