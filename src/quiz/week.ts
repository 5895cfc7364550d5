/** The start of the week `now` falls in: Monday 00:00 UTC, as the weekly leaderboard counts it. */
export function weekStart(now: number): number {
  const day = new Date(now);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
}
