import type { Block, Choice, Reply, Visibility } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AnswerError, Graded } from './grade.ts';
import { choicesOf, type Question, rightChoices } from './question.ts';
import { selectorNotes } from './selector-notes.ts';

/**
 * How a question, an answer's feedback and an input error read, in the member's language. A
 * question's buttons carry `action`, the exact text a click dispatches (`/quiz answer #p3 B`).
 */
export const BUTTON_LABEL_MAX = 75;

export interface QuestionView {
  header: string;
  /** What a button dispatches before the choice id: `/quiz answer #12.3`. */
  actionPrefix: string;
  visibility: Visibility;
  deadline?: number;
  /** Shown as "You have N s." when the question is timed. */
  seconds?: number;
}

export function questionBlocks(
  question: Question,
  lang: Lang,
  header: string,
  extra: string[] = [],
): Block[] {
  const blocks: Block[] = [{ kind: 'text', text: `${header}\n${question.prompt[lang]}` }];
  if (question.kind === 'selector') blocks.push({ kind: 'code', text: podList(question) });
  else if (question.exhibit !== undefined) blocks.push({ kind: 'code', text: question.exhibit });
  const lines = choicesOf(question).map((c) => `${c.id}. ${c.text[lang]}`);
  if (question.kind === 'truefalse') lines.length = 0;
  blocks.push({ kind: 'text', text: [...lines, t(lang, HINTS[question.kind]), ...extra].join('\n') });
  return blocks;
}

export function questionReply(question: Question, lang: Lang, view: QuestionView): Reply {
  const extra = view.seconds === undefined ? [] : [t(lang, 'quiz.question.time', { seconds: view.seconds })];
  const reply: Reply = {
    ok: true,
    blocks: questionBlocks(question, lang, view.header, extra),
    choices: choicesOf(question).map(
      (c): Choice => ({
        id: c.id,
        label: cut(`${c.id}. ${c.text[lang]}`),
        action: `${view.actionPrefix} ${c.id}`,
      }),
    ),
    visibility: view.visibility,
  };
  if (question.kind === 'multi') reply.multiSelect = true;
  if (view.deadline !== undefined) reply.deadline = view.deadline;
  return reply;
}

const HINTS = {
  single: 'quiz.hint.single',
  predict: 'quiz.hint.single',
  multi: 'quiz.hint.multi',
  truefalse: 'quiz.hint.truefalse',
  selector: 'quiz.hint.selector',
  command: 'quiz.hint.command',
} as const;

function podList(question: Extract<Question, { kind: 'selector' }>): string {
  const width = Math.max(4, ...question.pods.map((p) => p.name.length)) + 3;
  const rows = question.pods.map((p) => {
    const labels = Object.entries(p.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return `${p.name.padEnd(width)}${labels === '' ? '<none>' : labels}`;
  });
  return [`${'NAME'.padEnd(width)}LABELS`, ...rows].join('\n');
}

/** The right answer in words: `B. text`, `A, C`, `True`, or a selector that works. */
export function rightAnswer(question: Question, lang: Lang): string {
  if (question.kind === 'selector' || question.kind === 'command') return `\`${question.sample}\``;
  const ids = rightChoices(question);
  if (question.kind === 'truefalse')
    return choicesOf(question).find((c) => c.id === ids[0])?.text[lang] ?? '';
  if (ids.length === 1) {
    const choice = choicesOf(question).find((c) => c.id === ids[0]);
    return `${ids[0]}. ${choice?.text[lang] ?? ''}`;
  }
  return ids.join(', ');
}

/** What a member sees after answering alone: right or wrong, why, and their misconception. */
export function feedbackBlocks(question: Question, lang: Lang, graded: Graded): Block[] {
  const lines: string[] = [];
  if (question.kind === 'selector') {
    const pods = (names: readonly string[]) =>
      names.length === 0 ? t(lang, 'quiz.feedback.nothing') : names.join(', ');
    lines.push(
      graded.correct
        ? t(lang, 'quiz.feedback.selectorRight', { selector: graded.text, pods: pods(question.expect) })
        : t(lang, 'quiz.feedback.selectorWrong', {
            selector: graded.text,
            got: pods(graded.selected ?? []),
            want: pods(question.expect),
            sample: question.sample,
          }),
    );
    if (!graded.correct)
      lines.push(
        ...selectorNotes(graded.text, question.pods, question.expect, graded.selected ?? []).map(
          (n) => n[lang],
        ),
      );
  } else if (question.kind === 'command') {
    lines.push(
      graded.correct
        ? t(lang, 'quiz.feedback.right')
        : t(lang, 'quiz.feedback.wrong', { answer: `\`${question.sample}\`` }),
      t(lang, question.check === 'state' ? 'quiz.feedback.commandState' : 'quiz.feedback.commandOutput'),
    );
    if (graded.printed !== undefined && graded.printed !== '')
      lines.push(
        t(lang, 'quiz.feedback.commandPrinted', {
          printed: cut(graded.printed.split('\n').slice(0, 6).join(' ⏎ '), 300),
        }),
      );
  } else {
    lines.push(
      graded.correct
        ? t(lang, 'quiz.feedback.right')
        : t(lang, 'quiz.feedback.wrong', { answer: rightAnswer(question, lang) }),
    );
    lines.push(...multiPicks(question, lang, graded));
    lines.push(...misconceptions(question, lang, graded));
  }
  lines.push(`💡 ${question.explanation[lang]}`);
  return [{ kind: 'text', text: lines.join('\n') }];
}

/** A multiple selection: which right options were missed and which wrong ones were picked. */
function multiPicks(question: Question, lang: Lang, graded: Graded): string[] {
  if (question.kind !== 'multi' || graded.correct) return [];
  const missed = question.answer.filter((id) => !graded.picked.includes(id));
  const wrong = graded.picked.filter((id) => !question.answer.includes(id));
  return [
    ...(missed.length > 0 ? [t(lang, 'quiz.feedback.missed', { choices: missed.join(', ') })] : []),
    ...(wrong.length > 0 ? [t(lang, 'quiz.feedback.pickedWrong', { choices: wrong.join(', ') })] : []),
  ];
}

function misconceptions(question: Question, lang: Lang, graded: Graded): string[] {
  if (graded.correct) return [];
  if (question.kind === 'truefalse') return [question.misconception[lang]];
  const right = rightChoices(question);
  return choicesOf(question)
    .filter((c) => graded.picked.includes(c.id) && !right.includes(c.id) && c.misconception !== undefined)
    .map((c) =>
      t(lang, 'quiz.feedback.misconception', { choice: c.id, text: c.misconception?.[lang] ?? '' }),
    );
}

/** An answer that is not an answer: say why, with an example of one that is. */
export function answerErrorBlocks(error: AnswerError, lang: Lang, question: Question): Block[] {
  const example = question.kind === 'multi' ? 'A,C' : question.kind === 'truefalse' ? 'T' : 'A';
  const text = (line: string): Block[] => [{ kind: 'text', text: line }];
  switch (error.code) {
    case 'empty':
      return text(
        t(lang, 'quiz.answer.empty', {
          example:
            question.kind === 'selector'
              ? question.sample
              : question.kind === 'command'
                ? 'kubectl get po'
                : example,
        }),
      );
    case 'tooLong':
      return text(t(lang, 'quiz.answer.tooLong', { length: error.length, max: error.max }));
    case 'noSuchChoice':
      return text(
        t(lang, 'quiz.answer.noSuchChoice', { choice: cut(error.choice, 20), valid: error.valid.join(', ') }),
      );
    case 'pickOne':
      return text(t(lang, 'quiz.answer.pickOne', { example }));
    case 'notCommand':
      return text(t(lang, 'quiz.answer.notCommand', { message: cut(error.message, 200) }));
    case 'selectorLetter':
      return text(t(lang, 'quiz.answer.selectorLetter', { letter: error.letter }));
    case 'selectorSyntax':
      // The parser's own message (English, as kubectl prints it) under a caret at its column.
      return [
        { kind: 'text', text: t(lang, 'quiz.answer.selectorSyntax') },
        {
          kind: 'code',
          text: [error.text, `${' '.repeat(Math.max(0, error.column - 1))}^`, error.message].join('\n'),
        },
      ];
  }
}

export function cut(text: string, max = BUTTON_LABEL_MAX): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
