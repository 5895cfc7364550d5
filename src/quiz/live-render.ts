import type { Block, Reply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LiveAnswer, Standing } from '../store/quiz-live.ts';
import type { LiveSession } from './live.ts';
import { REVEAL_PAUSE_MS } from './live.ts';
import { choicesOf, type Localized, type Question, rightChoices } from './question.ts';
import { BUTTON_LABEL_MAX, questionBlocks, questionReply, rightAnswer } from './render.ts';

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
    ...mostPickedWrong(question, answers, lang),
    '',
    ...scorers(answers, lang),
    ...partly(answers, lang),
  ];
  if (session.phase === 'revealed' && session.current === index && session.timed)
    lines.push('', t(lang, 'quiz.reveal.next', { seconds: Math.round(REVEAL_PAUSE_MS / 1000) }));
  return { ok: true, blocks: [{ kind: 'text', text: lines.join('\n') }], choices: [], visibility: 'public' };
}

/** The question's buttons as they stay once revealed: none answerable, the right ones marked. */
export function revealedChoices(question: Question, lang: Lang): Pick<Reply, 'choices' | 'choicesClosed'> {
  const right = new Set(rightChoices(question));
  return {
    choices: choicesOf(question).map((c) => ({
      id: c.id,
      label: `${c.id}. ${c.text[lang]}`.slice(0, BUTTON_LABEL_MAX),
      action: '',
      ...(right.has(c.id) ? { right: true } : {}),
    })),
    choicesClosed: true,
  };
}

const picksOf = (answers: readonly LiveAnswer[], id: string) =>
  answers.filter((a) => a.answer.split(',').includes(id)).length;

/** The wrong option most picked, with the misconception behind it (none for a selector). */
function mostPickedWrong(question: Question, answers: readonly LiveAnswer[], lang: Lang): string[] {
  const right = new Set(rightChoices(question));
  let best: { id: string; count: number; misconception: string } | null = null;
  for (const choice of choicesOf(question)) {
    if (right.has(choice.id)) continue;
    const count = picksOf(answers, choice.id);
    const misconception =
      choice.misconception?.[lang] ?? (question.kind === 'truefalse' ? question.misconception[lang] : '');
    if (count > 0 && (best === null || count > best.count)) best = { id: choice.id, count, misconception };
  }
  if (best === null) return [];
  return [
    t(lang, 'live.mostPickedWrong', {
      choice: best.id,
      count: best.count,
      misconception: best.misconception,
    }).trimEnd(),
  ];
}

/** Multi-select answers with some of the key right: they scored a share of the points. */
function partly(answers: readonly LiveAnswer[], lang: Lang): string[] {
  const some = answers.filter((a) => !a.correct && a.points > 0);
  if (some.length === 0) return [];
  // Names only: their points are already listed under the scorers, once.
  return [`${t(lang, 'live.partly')} ${some.map((a) => a.userName).join(', ')}`];
}

/** The channel's pointer to a quiz played in a thread (the thread opens on this message). */
export function threadStarterReply(session: LiveSession, title: Localized): Reply {
  const text = t(session.lang, 'live.threadStarter', { title: title[session.lang], host: session.hostName });
  return { ok: true, blocks: [{ kind: 'text', text }], choices: [], visibility: 'public' };
}

/** The starter, edited when no thread could be opened on it: the quiz is played in the channel. */
export function threadFailedReply(session: LiveSession, title: Localized): Reply {
  const text = t(session.lang, 'live.threadFailed', { title: title[session.lang], host: session.hostName });
  return { ok: true, blocks: [{ kind: 'text', text }], choices: [], visibility: 'public' };
}

/** The lobby: who is playing is decided by the Join button (and by answering). */
export function lobbyReply(session: LiveSession, title: Localized): Reply {
  const lang = session.lang;
  const text = t(lang, 'live.lobby', {
    title: title[lang],
    count: session.questions.length,
    seconds: session.seconds,
  });
  return {
    ok: true,
    blocks: [{ kind: 'text', text }],
    choices: [{ id: 'join', label: t(lang, 'live.join'), action: `/quiz join #${session.id}` }],
    visibility: 'public',
    ...(session.nextAt === null ? {} : { deadline: session.nextAt }),
  };
}

/** The lobby once the quiz is over: no button left. */
export function lobbyClosedReply(session: LiveSession, title: Localized, players: number): Reply {
  const text = t(session.lang, 'live.lobbyClosed', { title: title[session.lang], players });
  return { ok: true, blocks: [{ kind: 'text', text }], choices: [], visibility: 'public' };
}

/** The group's most-missed questions, with a button that practises exactly those, privately. */
export function missedBlock(
  session: LiveSession,
  missed: readonly { index: number; question: Question; wrong: number; answers: number }[],
): Pick<Reply, 'blocks' | 'choices'> {
  const lang = session.lang;
  if (missed.length === 0) return { blocks: [], choices: [] };
  const lines = missed.map((m) =>
    t(lang, 'live.missedLine', {
      n: m.index + 1,
      prompt: firstLine(m.question.prompt[lang]),
      wrong: m.wrong,
      answers: m.answers,
    }),
  );
  return {
    blocks: [{ kind: 'text', text: [t(lang, 'live.mostMissed'), ...lines].join('\n') }],
    choices: [
      { id: 'practise', label: t(lang, 'live.practise'), action: `/quiz practice missed:${session.id}` },
    ],
  };
}

const firstLine = (text: string) => {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

function counts(question: Question, answers: readonly LiveAnswer[], lang: Lang): string[] {
  if (answers.length === 0) return [t(lang, 'quiz.reveal.noAnswers')];
  if (question.kind === 'selector' || question.kind === 'command') {
    const right = answers.filter((a) => a.correct).length;
    return [t(lang, 'quiz.reveal.selectorPicks', { right, wrong: answers.length - right })];
  }
  const picks = (id: string) => picksOf(answers, id);
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
