import type { App } from '../chat/context.ts';
import type { Request } from '../chat/request.ts';
import { localDay, streakOf } from '../group/local-time.ts';
import { labCatalogue } from '../lab/load.ts';
import type { Question } from '../quiz/question.ts';
import { choicesOf } from '../quiz/question.ts';
import type { LabDone, MemberTopic } from '../store/group-progress.ts';

/**
 * The study group's progress as data: `/progress` renders it as text, `/progress export` as CSV
 * and Markdown, and a picture can be drawn from `groupProgress` too. Everything is per server or
 * workspace (a member's sandbox, labs and answers are per scope).
 */
export interface TopicAccuracy {
  topic: string;
  answered: number;
  correct: number;
}

export interface MemberProgress {
  labs: { lab: string; finishedAt: number }[];
  topics: TopicAccuracy[];
  reviewsDue: number;
  streak: number;
}

export interface GroupProgress {
  /** Member ids (the platform's), in a stable order. */
  members: string[];
  /** The name each member is shown by, by id (the id itself where no name is known). */
  names: ReadonlyMap<string, string>;
  labs: string[];
  /** members × labs: when each member finished each lab (null: not yet). */
  grid: (number | null)[][];
  topics: TopicAccuracy[];
  mostMissed: { question: Question; wrong: number; answered: number; misconception: string | null }[];
  /** The rows behind the numbers, for the export. */
  memberTopics: MemberTopic[];
  labsDone: LabDone[];
}

export const MOST_MISSED_GROUP = 5;

export function memberProgress(app: App, request: Request, now: number): MemberProgress {
  const store = app.group.progress;
  const { platform, scope, user } = request;
  const labs = store.labs(platform, scope).filter((l) => l.member === user);
  const topics = store.topics(platform, scope).filter((t) => t.member === user);
  const zone = app.group.settings.get(request).dailyZone;
  const key = { platform, scope, user };
  return {
    labs: labs.map((l) => ({ lab: l.lab, finishedAt: l.finishedAt })),
    topics: topics.map(({ topic, answered, correct }) => ({ topic, answered, correct })),
    reviewsDue: app.quiz.progress.due(key, now).length,
    streak: streakOf(store.dailyDays(platform, scope, user), localDay(now, zone)),
  };
}

export function groupProgress(app: App, platform: string, scope: string, lang: 'ko' | 'en'): GroupProgress {
  const store = app.group.progress;
  const members = store.members(platform, scope);
  const catalogue = labCatalogue();
  const labs = catalogue.ok ? catalogue.value.map((l) => l.id) : [];
  const labsDone = store.labs(platform, scope);
  const done = new Map(labsDone.map((l) => [`${l.member}\n${l.lab}`, l.finishedAt]));
  const grid = members.map((m) => labs.map((l) => done.get(`${m}\n${l}`) ?? null));
  const memberTopics = store.topics(platform, scope);
  const byTopic = new Map<string, TopicAccuracy>();
  for (const row of memberTopics) {
    const acc = byTopic.get(row.topic) ?? { topic: row.topic, answered: 0, correct: 0 };
    byTopic.set(row.topic, {
      ...acc,
      answered: acc.answered + row.answered,
      correct: acc.correct + row.correct,
    });
  }
  const catalog = app.quiz.catalog();
  const mostMissed = store.mostMissed(platform, scope, MOST_MISSED_GROUP).flatMap((m) => {
    const question = catalog.question(m.questionId);
    if (question === null) return [];
    return [
      {
        question,
        wrong: m.wrong,
        answered: m.answered,
        misconception: misconceptionOf(app, platform, scope, question, lang),
      },
    ];
  });
  return {
    members,
    names: app.members.names(platform, scope),
    labs,
    grid,
    topics: [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    mostMissed,
    memberTopics,
    labsDone,
  };
}

/** The name a member is shown by in the group's progress. */
export const nameOf = (group: GroupProgress, member: string): string => group.names.get(member) ?? member;

/** The misconception behind the wrong option the group picked most (live answers), if known. */
function misconceptionOf(
  app: App,
  platform: string,
  scope: string,
  question: Question,
  lang: 'ko' | 'en',
): string | null {
  if (question.kind === 'truefalse') return question.misconception[lang];
  const picks = new Map<string, number>();
  for (const { answer, n } of app.group.progress.wrongPicks(platform, scope, question.id))
    for (const id of answer.split(',')) picks.set(id, (picks.get(id) ?? 0) + n);
  const wrong = choicesOf(question)
    .filter((c) => c.misconception !== undefined && (picks.get(c.id) ?? 0) > 0)
    .sort((a, b) => (picks.get(b.id) ?? 0) - (picks.get(a.id) ?? 0));
  return wrong[0]?.misconception?.[lang] ?? null;
}
