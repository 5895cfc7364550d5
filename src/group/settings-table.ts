import type { Catalog } from '../quiz/catalog.ts';
import { err, ok, type Result } from '../result.ts';
import type { ChannelSettings } from '../store/settings.ts';

/**
 * Every `/settings NAME VALUE` a moderator can change, as data: how a value is read (an error
 * names what was expected) and how the current value is shown. `lang` lives in the channel store
 * and is handled by the command itself.
 */
export interface SettingSpec {
  name: string;
  /** What may be typed, shown in errors and in `/settings`. */
  accepts: string;
  read(value: string, catalog: Catalog): Result<Partial<ChannelSettings>, null>;
  show(settings: ChannelSettings): string;
}

const MAX_NAME = 64;

const onOff = (value: string): boolean | null => {
  const v = value.toLowerCase();
  if (v === 'on' || v === 'true' || v === 'yes') return true;
  if (v === 'off' || v === 'false' || v === 'no') return false;
  return null;
};

/** A whole number in [min, max]; `default` clears it (null) when the setting allows it. */
function numberIn(value: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

const optionalNumber = (
  name: string,
  key: 'quizCount' | 'quizSeconds' | 'lobbySeconds',
  min: number,
  max: number,
  fallback: number,
): SettingSpec => ({
  name,
  accepts: `${min}-${max}|default`,
  read(value) {
    if (value.toLowerCase() === 'default') return ok({ [key]: null });
    const n = numberIn(value, min, max);
    return n === null ? err(null) : ok({ [key]: n });
  },
  show: (s) => String(s[key] ?? `${fallback} (default)`),
});

const toggle = (name: string, key: 'threads' | 'daily'): SettingSpec => ({
  name,
  accepts: 'on|off',
  read(value) {
    const b = onOff(value);
    return b === null ? err(null) : ok({ [key]: b });
  },
  show: (s) => (s[key] ? 'on' : 'off'),
});

/** A group or role name as the platform shows it: letters, digits, `.`, `_`, `-`, an optional `@`. */
const groupName = (value: string): string | null =>
  /^@?[\p{L}\p{N}._-]{1,64}$/u.test(value) ? value.replace(/^@/, '') : null;

export function isTimeZone(zone: string): boolean {
  if (zone.length > MAX_NAME || !/^[A-Za-z][\w+/-]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'output',
    accepts: 'private|public',
    read: (v) => (v === 'private' || v === 'public' ? ok({ output: v }) : err(null)),
    show: (s) => s.output,
  },
  {
    name: 'quiz-starters',
    accepts: 'everyone|moderators|role:NAME',
    read(value) {
      if (value === 'everyone' || value === 'moderators') return ok({ quizStarters: value, quizRole: null });
      const role = /^role:(.+)$/.exec(value);
      const name = role === null ? null : groupName(role[1] ?? '');
      return name === null ? err(null) : ok({ quizStarters: 'role', quizRole: name });
    },
    show: (s) => (s.quizStarters === 'role' ? `role:${s.quizRole ?? ''}` : s.quizStarters),
  },
  optionalNumber('quiz-count', 'quizCount', 1, 20, 5),
  optionalNumber('quiz-seconds', 'quizSeconds', 5, 300, 20),
  optionalNumber('lobby', 'lobbySeconds', 0, 300, 0),
  toggle('threads', 'threads'),
  {
    name: 'moderators',
    accepts: 'GROUP|none',
    read(value) {
      if (value === 'none') return ok({ moderatorGroup: null });
      const name = groupName(value);
      return name === null ? err(null) : ok({ moderatorGroup: name });
    },
    show: (s) => s.moderatorGroup ?? 'none',
  },
  toggle('daily', 'daily'),
  {
    name: 'daily-hour',
    accepts: '0-23',
    read(value) {
      const n = numberIn(value, 0, 23);
      return n === null ? err(null) : ok({ dailyHour: n });
    },
    show: (s) => `${String(s.dailyHour).padStart(2, '0')}:00`,
  },
  {
    name: 'daily-zone',
    accepts: 'Asia/Seoul|UTC|…',
    read: (v) => (isTimeZone(v) ? ok({ dailyZone: v }) : err(null)),
    show: (s) => s.dailyZone,
  },
  {
    name: 'daily-topic',
    accepts: 'TOPIC|all',
    read(value, catalog) {
      if (value.toLowerCase() === 'all') return ok({ dailyTopic: null });
      const topic = catalog.resolveTopic(value);
      return topic === null ? err(null) : ok({ dailyTopic: topic });
    },
    show: (s) => s.dailyTopic ?? 'all',
  },
  {
    name: 'guide',
    accepts: 'on|off|default',
    read(value) {
      if (value.toLowerCase() === 'default') return ok({ guide: null });
      const b = onOff(value);
      return b === null ? err(null) : ok({ guide: b });
    },
    show: (s) => (s.guide === null ? 'default' : s.guide ? 'on' : 'off'),
  },
];

/** The default lobby countdown of a live quiz, in seconds (a channel's `lobby` setting overrides). */
export const DEFAULT_LOBBY_SECONDS = 0;
