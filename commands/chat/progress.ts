import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { formatTable } from '../../src/kubectl/printers/table.ts';
import { exportFiles } from '../../src/progress/export.ts';
import { progressPicture } from '../../src/progress/picture.ts';
import {
  type GroupProgress,
  groupProgress,
  memberProgress,
  nameOf,
  type TopicAccuracy,
} from '../../src/progress/progress.ts';
import { err, ok } from '../../src/result.ts';

/** `/progress` (one's own), `/progress group` (the server or workspace), `/progress export`. */
export const progress: ChatCommand = {
  name: 'progress',
  run(ctx, args) {
    switch (args.trim().toLowerCase()) {
      case '':
      case 'me':
        return ok(say(mine(ctx)));
      case 'group': {
        // The same as a picture (src/progress/picture.ts), when it can be drawn.
        const data = groupProgress(ctx.app, ctx.request.platform, ctx.request.scope, ctx.lang);
        const png = progressPicture(data, ctx.lang);
        const reply = say(group(ctx, data));
        return ok(
          png.ok
            ? { ...reply, files: [{ name: 'group-progress.png', contentType: 'image/png', data: png.value }] }
            : reply,
        );
      }
      case 'export': {
        const data = groupProgress(ctx.app, ctx.request.platform, ctx.request.scope, ctx.lang);
        const reply = say(t(ctx.lang, 'progress.exported'));
        return ok({ ...reply, files: exportFiles(data, t(ctx.lang, 'progress.groupTitle'), ctx.lang) });
      }
      default:
        return err(textReply(t(ctx.lang, 'progress.usage'), false, 'private'));
    }
  },
};

const say = (text: string): Reply => textReply(text, true, 'private');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const percent = (a: TopicAccuracy) =>
  `${a.correct}/${a.answered} (${Math.round((100 * a.correct) / Math.max(1, a.answered))}%)`;

function mine(ctx: CommandContext): string {
  const p = memberProgress(ctx.app, ctx.request, ctx.app.clock());
  const none = t(ctx.lang, 'progress.none');
  return [
    t(ctx.lang, 'progress.title'),
    `${t(ctx.lang, 'progress.labs')} ${p.labs.length === 0 ? none : p.labs.map((l) => `${l.lab} (${day(l.finishedAt)})`).join(', ')}`,
    t(ctx.lang, 'progress.accuracy'),
    ...(p.topics.length === 0 ? [`• ${none}`] : p.topics.map((a) => `• ${a.topic}: ${percent(a)}`)),
    t(ctx.lang, 'progress.reviews', { n: p.reviewsDue }),
    t(ctx.lang, 'progress.streak', { n: p.streak }),
  ].join('\n');
}

function group(ctx: CommandContext, g: GroupProgress): string {
  const none = t(ctx.lang, 'progress.none');
  const header = ['', ...g.labs.map((_, i) => String(i + 1))];
  const rows = g.members.map((m, i) => [
    nameOf(g, m),
    ...(g.grid[i] ?? []).map((at) => (at === null ? '·' : '✓')),
  ]);
  const grid = g.members.length === 0 ? none : `\`\`\`\n${formatTable([header, ...rows])}\n\`\`\``;
  return [
    t(ctx.lang, 'progress.groupTitle'),
    t(ctx.lang, 'progress.grid'),
    grid,
    g.labs.map((l, i) => `${i + 1}=${l}`).join(' '),
    t(ctx.lang, 'progress.groupAccuracy'),
    ...(g.topics.length === 0 ? [`• ${none}`] : g.topics.map((a) => `• ${a.topic}: ${percent(a)}`)),
    t(ctx.lang, 'progress.mostMissed'),
    ...(g.mostMissed.length === 0
      ? [`• ${none}`]
      : g.mostMissed.map(
          (m, i) =>
            `${i + 1}. ${(m.question.prompt[ctx.lang].split('\n')[0] ?? '').slice(0, 100)} (${m.wrong}/${m.answered})${m.misconception === null ? '' : `\n   🤔 ${m.misconception}`}`,
        )),
  ].join('\n');
}
