/**
 * Member text (a display name) shown as ordinary text in a Discord message: every markdown
 * character is backslash-escaped, so `[free nitro](https://evil.example)` stays text (no masked
 * link), a name with ``` cannot open a code block that swallows the rest of a board, and
 * `@everyone` or `<@123>` cannot ping (the replies also send no allowed mentions).
 */
export function escapeDiscord(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\*_~`|>#\-[\]()<:@!.]/g, '\\$&');
}
