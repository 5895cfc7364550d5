/**
 * Member text (a display name) shown as ordinary text in a Slack message. mrkdwn has no
 * backslash escape: `&`, `<` and `>` are escaped by the renderer for the whole text (so no
 * `<!channel>` or `<url|label>`), and here a zero-width space goes before each of `*`, `_`, `~`
 * and a backtick, so they cannot open bold, italic, strike or code.
 */
export function escapeSlack(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[*_~`]/g, '\u200b$&');
}
