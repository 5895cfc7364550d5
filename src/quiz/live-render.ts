import type { Block, Reply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LiveAnswer, Standing } from '../store/quiz-live.ts';
import type { LiveSession } from './live.ts';
import { REVEAL_PAUSE_MS } from './live.ts';
import { choicesOf, type Localized, type Question, rightChoices } from './question.ts';
import { questionBlocks, questionReply, rightAnswer } from './render.ts';

/** The messages a live quiz posts in its channel (always in the session's language). */
export const actionPrefix = (session: LiveSession, index: number) =>
  `/quiz answer #${session.id}.${index + 1}`;

function header(session: LiveSession, index: number, title: Localized): string {
  return t(session.lang, 'quiz.question.header', {
    n: index + 1,
    total: session.questions.length,
    title: title[session.lang],
  });
}

export function askReply(session: LiveSession, index: number, question: Question, title: Localized): Reply {
  const deadline = session.questions[index]?.deadline ?? null;
  return questionReply(question, session.lang, {
    header: header(session, index, title),
    actionPrefix: actionPrefix(session, index),
    visibility: 'public',
    ...(deadline === null ? {} : { deadline, seconds: session.seconds }),
  });
}

/** The question as it stays in the channel once closed: same text, no buttons. */
export function closedReply(
  session: LiveSession,
  index: number,
  question: Question,
  title: Localized,
): Reply {
  const blocks = questionBlocks(question, session.lang, header(session, index, title), [
    t(session.lang, 'quiz.question.closed'),
  ]);
  return { ok: true, blocks, choices: [], visibility: 'public' };
}

export function revealReply(
  session: LiveSession,
  index: number,
  question: Question,
  answers: readonly LiveAnswer[],
): Reply {
  const lang = session.lang;
  const lines = [
    t(lang, 'quiz.reveal.header', {
      n: index + 1,
      total: session.questions.length,
      answer: rightAnswer(question, lang),
    }),
    `💡 ${question.explanation[lang]}`,
    '',
    ...counts(question, answers, lang),
    '',
    ...scorers(answers, lang),
  ];
  if (session.phase === 'revealed' && session.current === index && session.timed)
    lines.push('', t(lang, 'quiz.reveal.next', { seconds: Math.round(REVEAL_PAUSE_MS / 1000) }));
  return { ok: true, blocks: [{ kind: 'text', text: lines.join('\n') }], choices: [], visibility: 'public' };
}

function counts(question: Question, answers: readonly LiveAnswer[], lang: Lang): string[] {
  if (answers.length === 0) return [t(lang, 'quiz.reveal.noAnswers')];
  if (question.kind === 'selector') {
    const right = answers.filter((a) => a.correct).length;
    return [t(lang, 'quiz.reveal.selectorPicks', { right, wrong: answers.length - right })];
  }
  const picks = (id: string) => answers.filter((a) => a.answer.split(',').includes(id)).length;
  const right = new Set(rightChoices(question));
  return [
    t(lang, 'quiz.reveal.picks'),
    ...choicesOf(question).map((c) => {
      const n = picks(c.id);
      return `${right.has(c.id) ? '✅' : '▫️'} ${c.id} ${'▇'.repeat(n)} ${n}`;
    }),
  ];
}

function scorers(answers: readonly LiveAnswer[], lang: Lang): string[] {
  const scored = answers
    .filter((a) => a.points > 0)
    .sort((a, b) => b.points - a.points || a.answeredAt - b.answeredAt);
  if (scored.length === 0) return [t(lang, 'quiz.reveal.noPoints')];
  return [
    t(lang, 'quiz.reveal.points'),
    ...scored.map((a) => `• ${a.userName} ${t(lang, 'quiz.points', { points: a.points })}`),
  ];
}

const MEDALS = ['🥇', '🥈', '🥉'];

export function finalReply(
  session: LiveSession,
  title: Localized,
  standings: readonly Standing[],
  board: { week: readonly Standing[]; all: readonly Standing[] },
): Reply {
  const lang = session.lang;
  const asked = session.questions.filter((q) => q.openedAt !== null).length;
  // The podium is for those who scored; a player with no points is not third.
  const scorers = standings.filter((s) => s.points > 0);
  const lines = [
    session.stopped
      ? t(lang, 'quiz.final.stopped', { title: title[lang], n: asked, total: session.questions.length })
      : t(lang, 'quiz.final.title', { title: title[lang] }),
    '',
    ...(scorers.length > 0
      ? scorers.slice(0, 3).map((s, i) => `${MEDALS[i] ?? ''} ${standingLine(s, lang)}`)
      : [t(lang, 'quiz.final.nobody')]),
  ];
  const blocks: Block[] = [
    { kind: 'text', text: lines.join('\n') },
    { kind: 'text', text: leaderboardText(lang, board) },
  ];
  return { ok: true, blocks, choices: [], visibility: 'public' };
}

export const standingLine = (s: Standing, lang: Lang) =>
  t(lang, 'quiz.standing', { name: s.name, points: s.points, correct: s.correct, answers: s.answers });

export function leaderboardText(
  lang: Lang,
  board: { week: readonly Standing[]; all: readonly Standing[] },
): string {
  const section = (key: 'quiz.leaderboard.week' | 'quiz.leaderboard.all', rows: readonly Standing[]) => [
    `${t(lang, key)}:`,
    ...(rows.length === 0
      ? [t(lang, 'quiz.leaderboard.empty')]
      : rows.map((s, i) => `${i + 1}. ${standingLine(s, lang)}`)),
  ];
  return [
    `🏆 ${t(lang, 'quiz.leaderboard.title')}`,
    ...section('quiz.leaderboard.week', board.week),
    '',
    ...section('quiz.leaderboard.all', board.all),
  ].join('\n');
}
