import type { Bank } from './banks.ts';
import { FAMILIES, generatedQuestion } from './generate/families.ts';
import { generatedId } from './generate/family.ts';
import type { Localized, Question } from './question.ts';
import { createRandom, seedOf } from './random.ts';

/**
 * Every question the bot can ask: the banks' and the generators'. A topic's pool is its bank
 * questions plus a few slots per generator family of that topic; a slot becomes a fresh generated
 * question (its seed derived from the caller's seed), so no two quizzes see the same instance.
 */
const SLOTS_PER_FAMILY = 3;

export interface TopicInfo {
  topic: string;
  title: Localized;
  questions: number;
}

export interface Catalog {
  topics: readonly TopicInfo[];
  question(id: string): Question | null;
  /** The topic a member typed (`selectors`, `sel`, `Label selectors`), or null if unknown. */
  resolveTopic(text: string): string | null;
  title(topic: string | null): Localized;
  /**
   * `count` distinct questions of `topic` (null: every topic), least-seen first, ties broken by
   * `seed`; fewer if the topic has fewer.
   */
  pick(topic: string | null, count: number, seed: string, seen?: ReadonlyMap<string, number>): string[];
}

const ALL_TOPICS: Localized = { ko: '모든 주제', en: 'all topics' };

export function createCatalog(banks: readonly Bank[]): Catalog {
  const byId = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q] as const)));
  const topics: TopicInfo[] = banks.map((b) => ({
    topic: b.topic,
    title: b.title,
    questions: b.questions.length + FAMILIES.filter((f) => f.topic === b.topic).length * SLOTS_PER_FAMILY,
  }));
  const pool = (topic: string | null): string[] => [
    ...banks.filter((b) => topic === null || b.topic === topic).flatMap((b) => b.questions.map((q) => q.id)),
    ...FAMILIES.filter((f) => topic === null || f.topic === topic).flatMap((f) =>
      Array.from({ length: SLOTS_PER_FAMILY }, (_, i) => `slot:${f.name}:${i}`),
    ),
  ];
  return {
    topics,
    question: (id) => byId.get(id) ?? generatedQuestion(id),
    resolveTopic(text) {
      const wanted = text.trim().toLowerCase();
      if (wanted === '') return null;
      const exact = topics.find(
        (t) => t.topic === wanted || t.title.en.toLowerCase() === wanted || t.title.ko === text.trim(),
      );
      if (exact !== undefined) return exact.topic;
      // A unique prefix of a topic (`sel`), else a unique part of a title (`셀렉터`, `nodeselector`).
      const prefixed = topics.filter((t) => t.topic.startsWith(wanted));
      if (prefixed.length === 1) return prefixed[0]?.topic ?? null;
      const squash = (s: string) => s.toLowerCase().replace(/[\s-]+/g, '');
      const titled = topics.filter((t) =>
        [t.title.en, t.title.ko].some((title) => squash(title).includes(squash(wanted))),
      );
      return titled.length === 1 ? (titled[0]?.topic ?? null) : null;
    },
    title: (topic) =>
      topic === null ? ALL_TOPICS : (topics.find((t) => t.topic === topic)?.title ?? ALL_TOPICS),
    pick(topic, count, seed, seen = new Map()) {
      const random = createRandom(`pick:${seed}`);
      const times = (entry: string) => seen.get(entry.startsWith('slot:') ? familyOf(entry) : entry) ?? 0;
      const ordered = random
        .shuffle(pool(topic))
        .map((entry, order) => ({ entry, order, times: times(entry) }))
        .sort((a, b) => a.times - b.times || a.order - b.order)
        .slice(0, count);
      return ordered.map(({ entry }, i) =>
        entry.startsWith('slot:') ? generatedId(familyOf(entry).slice(4), seedOf(seed, i)) : entry,
      );
    },
  };
}

/** `slot:FAMILY:N` → `gen:FAMILY`, the key generated questions are counted under. */
const familyOf = (slot: string): string => `gen:${slot.split(':')[1] ?? ''}`;
