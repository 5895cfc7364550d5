/**
 * Slack's text rules, in both directions. Outbound, `&`, `<` and `>` are the only control
 * characters of mrkdwn: escaping them is what keeps echoed user text (`<!channel>`, `<@U123>`,
 * `<!here>`) from becoming a mention. Inbound, Slack escapes the same three characters in message
 * text and wraps links it recognised in angle brackets, so a pasted manifest must be decoded first.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A run of three backticks inside a code block would close it early and let the rest of the
 * output be read as mrkdwn; a zero-width space between the backticks keeps the block whole.
 */
export function breakFences(text: string): string {
  return text.replace(/```/g, '`\u200b`\u200b`');
}

/**
 * The text of a message event as the member typed it: `<https://x|x>` and `<mailto:a|a>` back to
 * what was shown, bare `<https://x>` to the URL, then the three HTML entities. User and channel
 * references (`<@U1>`, `<#C1|name>`) are left alone: they are not part of a kubectl command.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<((?:https?|mailto|tel):[^|>]*)\|([^>]*)>/g, (_whole, _url: string, label: string) => label)
    .replace(/<((?:https?|mailto|tel):[^|>]*)>/g, (_whole, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text after a leading `<@BOT>` mention (and any spaces), or the text itself. */
export function stripLeadingMention(text: string): string {
  return text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/, '');
}
