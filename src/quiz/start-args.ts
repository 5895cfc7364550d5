import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { err, ok, type Result } from '../result.ts';
import type { Catalog } from './catalog.ts';

/**
 * `/quiz start [topic] [count] [seconds]`, as typed or as Discord builds it from its options
 * (`/quiz start selectors 5 20`, `/quiz start 5`); `topic:x count:n seconds:s` (or `=`) work too.
 * Bare numbers are the count, then the seconds; `all` (or no topic) means every topic.
 */
export const COUNT = { min: 1, max: 50, default: 5 } as const;
export const SECONDS = { min: 5, max: 600, default: 20 } as const;

export interface StartArgs {
  topic: string | null;
  count: number;
  seconds: number;
  /** `lobby:N` as typed (0 skips the lobby); null: the channel's default. */
  lobby: number | null;
}

/** The channel's defaults for what `/quiz start` leaves out (`/settings quiz-count|quiz-seconds`). */
export interface StartDefaults {
  count: number | null;
  seconds: number | null;
}

export const LOBBY_MAX = 300;

type Problem = (lang: Lang) => string;

export function parseStartArgs(
  words: readonly string[],
  catalog: Catalog,
  defaults: StartDefaults = { count: null, seconds: null },
): Result<StartArgs, Problem> {
  const usage: Problem = (lang) =>
    t(lang, 'quiz.startUsage', {
      minCount: COUNT.min,
      maxCount: COUNT.max,
      minSeconds: SECONDS.min,
      maxSeconds: SECONDS.max,
    });
  let topicText: string | null = null;
  const numbers: number[] = [];
  let count: number | null = null;
  let seconds: number | null = null;
  let lobby: number | null = null;
  for (const word of words) {
    const named = /^(topic|count|seconds|lobby)[:=](.*)$/i.exec(word);
    if (named !== null) {
      const [, name = '', value = ''] = named;
      if (name.toLowerCase() === 'topic') topicText = value;
      else if (!/^\d{1,4}$/.test(value)) return err(usage);
      else if (name.toLowerCase() === 'count') count = Number(value);
      else if (name.toLowerCase() === 'lobby') lobby = Number(value);
      else seconds = Number(value);
    } else if (/^\d{1,4}$/.test(word)) numbers.push(Number(word));
    else if (topicText === null) topicText = word;
    else return err(usage);
  }
  if (numbers.length > 2) return err(usage);
  count ??= numbers[0] ?? defaults.count ?? COUNT.default;
  seconds ??= numbers[1] ?? defaults.seconds ?? SECONDS.default;
  if (count < COUNT.min || count > COUNT.max || seconds < SECONDS.min || seconds > SECONDS.max)
    return err(usage);
  if (lobby !== null && lobby > LOBBY_MAX) return err(usage);
  const topic = topicOf(topicText, catalog);
  if (!topic.ok) return topic;
  return ok({ topic: topic.value, count, seconds, lobby });
}

/** A topic as typed: null for none or `all`; an unknown one lists the topics there are. */
export function topicOf(text: string | null, catalog: Catalog): Result<string | null, Problem> {
  if (text === null || text.trim() === '' || text.trim().toLowerCase() === 'all') return ok(null);
  const topic = catalog.resolveTopic(text);
  if (topic !== null) return ok(topic);
  const shown = [...text.replaceAll('`', '')].slice(0, 40).join('');
  return err((lang) =>
    t(lang, 'quiz.unknownTopic', {
      topic: shown,
      topics: catalog.topics.map((x) => `\`${x.topic}\``).join(', '),
    }),
  );
}
