import { parseMessage } from './message.ts';

/**
 * The manifest held by someone's chat message, for "Apply manifest" on a message (a teammate's
 * YAML, a pasted snippet): its first fenced code block (a `yaml`/`json` tag dropped), or else the
 * whole text when it reads as a manifest on its own (a line starting with `apiVersion:` or
 * `kind:`). Null when the message holds neither. Linear in the message.
 */
export function manifestOf(text: string): string | null {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.includes('```')) {
    const parsed = parseMessage(`-\n${normalized.slice(normalized.indexOf('```'))}`);
    return parsed.ok && parsed.value.stdin !== null && parsed.value.stdin.trim() !== ''
      ? parsed.value.stdin
      : null;
  }
  return /^(apiVersion|kind):/m.test(normalized) ? `${normalized.trimEnd()}\n` : null;
}
