import { decodeSlackText } from './mrkdwn.ts';

/**
 * Slack slash commands and the dispatcher's text forms they stand for. `/help` is reserved by
 * Slack, hence `/podium-help`; `/kubectl` is the kubectl command line itself.
 */
export const SLASH_COMMANDS: Readonly<Record<string, string>> = {
  '/kubectl': 'kubectl',
  '/curl': 'curl',
  '/wget': 'wget',
  '/quiz': '/quiz',
  '/lab': '/lab',
  '/sandbox': '/sandbox',
  '/file': '/file',
  '/lang': '/lang',
  '/guide': '/guide',
  '/settings': '/settings',
  '/progress': '/progress',
  '/podium-help': '/help',
};

export const SLASH_PATTERN = new RegExp(
  `^(${Object.keys(SLASH_COMMANDS)
    .map((c) => c.replace(/[-/]/g, '\\$&'))
    .join('|')})$`,
);

/**
 * The text to dispatch for `command` with `text`. Slack escapes `&`, `<`, `>` (and may wrap
 * links), so the text is decoded first; `/kubectl kubectl get po` is forgiven.
 */
export function slashText(command: string, text: string): string | null {
  const form = SLASH_COMMANDS[command];
  if (form === undefined) return null;
  let args = decodeSlackText(text).trim();
  if (!form.startsWith('/')) args = args.replace(new RegExp(`^${form}(\\s+|$)`), '');
  if (form === 'kubectl' && /^(curl|wget)(\s|$)/.test(args)) return args;
  return args === '' ? form : `${form} ${args}`;
}
