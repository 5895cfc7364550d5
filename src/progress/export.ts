import type { ReplyFile } from '../chat/reply.ts';
import { type GroupProgress, nameOf } from './progress.ts';

/**
 * `/progress export`: the group's study log as a CSV (one row per member and topic, then one per
 * member and finished lab: the rows of the database, nothing rounded) and the same as Markdown.
 */
export const CSV_HEADER = ['member', 'kind', 'item', 'answered', 'correct', 'finished_at', 'name'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function progressCsv(group: GroupProgress): string {
  const rows: (string | number)[][] = [
    [...CSV_HEADER],
    ...group.memberTopics.map((t) => [
      t.member,
      'topic',
      t.topic,
      t.answered,
      t.correct,
      '',
      nameOf(group, t.member),
    ]),
    ...group.labsDone.map((l) => [
      l.member,
      'lab',
      l.lab,
      '',
      '',
      new Date(l.finishedAt).toISOString(),
      nameOf(group, l.member),
    ]),
  ];
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Markdown table cells: pipes and line breaks would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function progressMarkdown(group: GroupProgress, title: string, lang: 'ko' | 'en'): string {
  const lines = [`# ${title}`, '', '## Labs', ''];
  lines.push(
    `| member | ${group.labs.map(cell).join(' | ')} |`,
    `|---|${group.labs.map(() => '---').join('|')}|`,
  );
  group.members.forEach((m, i) => {
    const row = (group.grid[i] ?? []).map((at) =>
      at === null ? '' : new Date(at).toISOString().slice(0, 10),
    );
    lines.push(`| ${cell(nameOf(group, m))} | ${row.join(' | ')} |`);
  });
  lines.push('', '## Topics', '', '| topic | answered | correct |', '|---|---|---|');
  for (const t of group.topics) lines.push(`| ${cell(t.topic)} | ${t.answered} | ${t.correct} |`);
  lines.push('', '## Most missed', '');
  for (const m of group.mostMissed)
    lines.push(
      `- ${cell(m.question.prompt[lang].split('\n')[0] ?? '')} (${m.wrong}/${m.answered})${m.misconception === null ? '' : `: ${cell(m.misconception)}`}`,
    );
  return `${lines.join('\n')}\n`;
}

export function exportFiles(group: GroupProgress, title: string, lang: 'ko' | 'en'): ReplyFile[] {
  return [
    { name: 'podium-progress.csv', contentType: 'text/csv', data: progressCsv(group) },
    { name: 'podium-progress.md', contentType: 'text/markdown', data: progressMarkdown(group, title, lang) },
  ];
}
