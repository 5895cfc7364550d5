import type { App } from '../chat/context.ts';
import { messageOf } from '../chat/message.ts';
import type { Block, Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { verbOf } from '../kubectl/run-kubectl.ts';
import { tokenize } from '../kubectl/tokenize.ts';
import { answerQuestion } from './ask.ts';
import { commandLine, corrected, isMisspeltKubectl } from './did-you-mean.ts';
import { guideFor, guideText, hasErrorLine, type OutputSeen } from './guide.ts';
import type { GuideInput } from './lines.ts';
import { pasteAdvice } from './paste.ts';

/**
 * The guide beside the terminal, applied to every reply in one place (dispatch): kubectl's and
 * curl's output stay as they are and get at most one `💡` line after them; a message that is no
 * command (a misspelt `kubeclt`, a question, a pasted manifest) gets an answer instead of "I did
 * not understand". Guide lines follow the member's `/guide on|off`, else the channel's
 * `/settings guide`; answers to questions are not guide lines and always come.
 */
export function withGuide(app: App, request: Request, lang: Lang, reply: Reply): Reply {
  const message = messageOf(request);
  if (!message.ok) return reply;
  const line = message.value.command;
  const kubectl = /^(?:kubectl|k)\s+(.*)$/s.exec(line);
  const curl = /^(?:curl|wget)\s/.test(line);
  if (kubectl !== null || curl) {
    const text = commandGuide(curl ? 'curl' : 'kubectl', kubectl?.[1] ?? line, reply, lang);
    if (text === null || !guideIsOn(app, request)) return reply;
    return withBlocks(reply, [...reply.blocks, { kind: 'text', text }]);
  }
  if (line.startsWith('/') || reply.ok) return reply;
  const said = chatGuide(line, message.value.stdin, request.text, lang);
  if (said !== null)
    return guideIsOn(app, request) ? withBlocks(reply, [{ kind: 'text', text: said }]) : reply;
  const answer = answerQuestion(line, lang);
  if (answer === null) return reply;
  return { ...reply, ok: true, blocks: [{ kind: 'text', text: answer }] };
}

/**
 * The reply with other blocks. `Object.assign` rather than `{ ...reply, blocks }` (same keys, same
 * order): on Node 20 a spread followed by more keys costs microseconds, and every command's reply
 * comes through here.
 */
const withBlocks = (reply: Reply, blocks: Block[]): Reply => Object.assign({}, reply, { blocks });

/** The member's own choice, else the channel's, else the bot's (on, unless started otherwise). */
export function guideIsOn(app: App, request: Request): boolean {
  const { platform, scope, user, channel } = request;
  return (
    app.members.guide({ platform, scope, user }) ??
    app.group.settings.get({ platform, scope, channel }).guide ??
    app.guideByDefault
  );
}

/** The guide line under a kubectl or curl reply: the table first, then did-you-mean. */
function commandGuide(program: 'kubectl' | 'curl', args: string, reply: Reply, lang: Lang): string | null {
  const tokens = program === 'kubectl' ? tokenize(args) : tokenize(args.replace(/^\S+\s*/, ''));
  if (!tokens.ok) return null;
  const output = codeText(reply.blocks);
  const input: GuideInput = {
    program,
    line: args,
    tokens: tokens.value,
    verb: verbOf(tokens.value) ?? '',
    output,
    ok: reply.ok,
  };
  // The guide may already have looked for an error line (the second search read the whole
  // output again: 1-2 µs for a describe or a 100-row table).
  const seen: OutputSeen = {};
  const saying = guideFor(input, seen);
  if (saying !== null) return guideText(lang, saying);
  // kubectl exits 1 with each of these errors: a command that succeeded is never read for them.
  const misspelt =
    program === 'kubectl' &&
    !reply.ok &&
    (((seen.errors ?? hasErrorLine(output)) && MISSPELT.test(output)) || UNKNOWN_EXPLAIN_TYPE.test(output));
  if (!misspelt || /^Did you mean this\?$/m.test(output)) return null;
  const fixed = corrected(tokens.value);
  return fixed === null ? null : t(lang, 'guide.didYouMean', { command: inlineCommand(fixed) });
}

/** The reply's code blocks as one text (most replies have one: its text as it is). */
function codeText(blocks: readonly Block[]): string {
  let text: string | null = null;
  for (const b of blocks) if (b.kind === 'code') text = text === null ? b.text : `${text}\n${b.text}`;
  return text ?? '';
}

/** The errors kubectl gives a misspelt word. */
const MISSPELT =
  /^error: (?:the server doesn't have a resource type "|unknown flag: --|unknown shorthand flag: |unable to match a printer suitable for the output format "|unknown command ")/m;

/** `explain`'s unknown type, which kubectl prints without `error:`. */
const UNKNOWN_EXPLAIN_TYPE = /^the server doesn't have a resource type "/;

/** A message that is not a command: `kubeclt get po`, or a manifest pasted on its own. */
function chatGuide(line: string, stdin: string | null, text: string, lang: Lang): string | null {
  const [first = '', ...rest] = line.split(/\s+/);
  if (isMisspeltKubectl(first)) {
    const tokens = tokenize(rest.join(' '));
    if (!tokens.ok) return null;
    const fixed = corrected(tokens.value) ?? tokens.value;
    return t(lang, 'guide.didYouMean', { command: inlineCommand(fixed) });
  }
  return pasteAdvice(text, stdin, lang);
}

/** The corrected command inside inline code: no backtick can end it early, no line break split it. */
const inlineCommand = (tokens: readonly string[]): string =>
  [
    ...commandLine(tokens)
      .replace(/`/g, '\u02cb')
      .replace(/[\r\n]+/g, ' '),
  ]
    .slice(0, 300)
    .join('');
