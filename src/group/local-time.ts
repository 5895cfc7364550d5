/**
 * Wall-clock time in a channel's time zone (IANA, e.g. Asia/Seoul), from Intl only. Used for the
 * daily question's hour and for streaks, which count local days.
 */
interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

export function localParts(ms: number, zone: string): Parts {
  const parts: Record<string, number> = {};
  for (const p of formatOf(zone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** The local date at `ms`, as YYYY-MM-DD. */
export function localDay(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of local `hour`:00 on the local date `day` (YYYY-MM-DD) in `zone`. */
function instantOf(day: string, hour: number, zone: string): number {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hour);
  let guess = wanted;
  // Two rounds settle the zone's offset (and a DST change between guess and answer).
  for (let i = 0; i < 2; i++) {
    const p = localParts(guess, zone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - shown;
  }
  return guess;
}

/** The first local `hour`:00 strictly after `now`. */
export function nextLocalHour(now: number, hour: number, zone: string): number {
  const day = localDay(now, zone);
  const today = instantOf(day, hour, zone);
  return today > now ? today : instantOf(nextDay(day), hour, zone);
}

/** YYYY-MM-DD of the day after. */
export function nextDay(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Consecutive days ending today or yesterday, from distinct days newest first. */
export function streakOf(daysDesc: readonly string[], today: string): number {
  const first = daysDesc[0];
  if (first === undefined || (first !== today && nextDay(first) !== today)) return 0;
  let streak = 1;
  for (let i = 1; i < daysDesc.length; i++) {
    if (nextDay(daysDesc[i] ?? '') !== daysDesc[i - 1]) break;
    streak += 1;
  }
  return streak;
}
