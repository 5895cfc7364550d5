/**
 * What a log line may carry: no tokens and no bodies. Discord's interaction and webhook routes
 * carry the interaction token in their path (`/interactions/ID/TOKEN/callback`,
 * `/webhooks/APP/TOKEN/...`) and Slack's `response_url` is itself a credential
 * (`hooks.slack.com/actions/T/B/SECRET`), so those path segments are replaced. A failed REST
 * call's error holds the request body (member output, uploaded files): strings are cut to a few
 * hundred characters, byte arrays become their length, and nesting and lists are capped.
 */
export const TOKEN_PATTERN = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|[MNO][\w-]{23,}\.[\w-]{6}\.[\w-]{27,})\b/g;

const TOKEN_ROUTES = /\/(interactions|webhooks)\/(\d+)\/[^/?#\s"']+/g;
const SLACK_HOOKS = /hooks\.slack\.com\/(actions|commands|services|workflows|triggers)\/[^\s"'?#]+/g;

/** Longest string kept whole (a stack trace gets more room: it is the point of an error line). */
export const MAX_LOGGED_CHARS = 300;
const MAX_STACK_CHARS = 2_000;
const MAX_ITEMS = 20;
const MAX_DEPTH = 5;

export function scrubText(text: string, max = MAX_LOGGED_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…[${text.length} chars]` : text;
  return cut
    .replace(TOKEN_PATTERN, '[redacted]')
    .replace(TOKEN_ROUTES, '/$1/$2/[redacted]')
    .replace(SLACK_HOOKS, 'hooks.slack.com/$1/[redacted]');
}

/** A copy of `value` fit for a log line (see above); errors keep their name, message, stack and codes. */
export function scrub(value: unknown, depth = 0, key = ''): unknown {
  if (typeof value === 'string')
    return scrubText(value, key === 'stack' ? MAX_STACK_CHARS : MAX_LOGGED_CHARS);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((v) => scrub(v, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `…[${value.length} items]`] : kept;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value);
  if (value instanceof Error) {
    out.type = value.name;
    out.message = value.message;
    out.stack = value.stack;
  }
  for (const [k, v] of entries.slice(0, MAX_ITEMS)) out[k] = v;
  for (const [k, v] of Object.entries(out)) out[k] = scrub(v, depth + 1, k);
  if (entries.length > MAX_ITEMS) out['…'] = `${entries.length} keys`;
  return out;
}
