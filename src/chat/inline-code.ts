/**
 * Member text echoed inside `inline code` in a sentence (a file name, a selector). Neither
 * Discord nor Slack can escape a backtick inside inline code, so a backtick becomes `ˋ`
 * (U+02CB) and cannot close the span early and turn the rest into markdown; line breaks become
 * spaces, and the echo is cut to `max` characters.
 */
export function inCode(text: string, max = 80): string {
  const flat = text.replace(/`/g, '\u02cb').replace(/[\r\n\u2028\u2029]+/g, ' ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}
