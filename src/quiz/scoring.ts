/**
 * Live quiz points: a right answer is worth 500, plus a speed bonus of up to 500 that shrinks
 * with every whole second taken (so a scripted quiz, answered within its first second, scores the
 * same on every run). A wrong answer scores nothing.
 */
export const BASE_POINTS = 500;
export const SPEED_POINTS = 500;

export function points(correct: boolean, openedAt: number, answeredAt: number, seconds: number): number {
  if (!correct) return 0;
  const elapsed = Math.max(0, Math.floor((answeredAt - openedAt) / 1000));
  const left = Math.max(0, 1 - elapsed / Math.max(1, seconds));
  return BASE_POINTS + Math.round(SPEED_POINTS * left);
}
