import { err, ok, type Result } from '../result.ts';
import type { Request } from './request.ts';

/**
 * A chat message is a command line, optionally followed by a fenced code block that the command
 * reads as its standard input (`kubectl apply -f -`, `/file save NAME`), the way members paste
 * manifests in Discord or Slack:
 *
 *   kubectl apply -f -
 *   ```yaml
 *   apiVersion: v1
 *   ```
 */
export interface Message {
  command: string;
  stdin: string | null;
}

const FENCE = '```';

/** A request's message: its own `stdin` where the adapter carried one apart, else parsed from its text. */
export function messageOf(request: Pick<Request, 'text' | 'stdin'>): Result<Message, 'unclosedFence'> {
  // Dispatch asks, then the guide under the reply asks again: the last answer is kept (frozen,
  // so no caller can change what the other reads).
  if (last !== undefined && last.text === request.text && last.stdin === request.stdin) return last.message;
  const message = messageAfresh(request);
  if (message.ok) Object.freeze(message.value);
  Object.freeze(message);
  last = { text: request.text, stdin: request.stdin, message };
  return message;
}

let last: { text: string; stdin: Request['stdin']; message: Result<Message, 'unclosedFence'> } | undefined;

/** The message parsed afresh (what `messageOf` keeps). */
function messageAfresh(request: Pick<Request, 'text' | 'stdin'>): Result<Message, 'unclosedFence'> {
  if (request.stdin === undefined) return parseMessage(request.text);
  return ok({ command: request.text.split('\n')[0]?.trim() ?? '', stdin: request.stdin });
}

export function parseMessage(text: string): Result<Message, 'unclosedFence'> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const fenceAt = normalized.indexOf(FENCE);
  if (fenceAt === -1) return ok(unfenced(normalized));
  const command = normalized.slice(0, fenceAt).trim();
  const afterOpen = normalized.slice(fenceAt + FENCE.length);
  const newline = afterOpen.indexOf('\n');
  // The opening fence may carry a language tag (```yaml); the block starts on the next line.
  const bodyStart = newline === -1 ? afterOpen.length : newline + 1;
  const body = afterOpen.slice(bodyStart);
  const closeAt = body.search(/(^|\n)```/);
  if (closeAt === -1) return err('unclosedFence');
  const content = body.slice(0, closeAt === 0 ? 0 : closeAt + 1);
  return ok({ command: command.split('\n')[0]?.trim() ?? '', stdin: content });
}

/**
 * Without a fence, a command that reads `-` (`apply -f -`, `/file save NAME`) takes the lines
 * after it as its input, as a member pasting a manifest without backticks means it; any other
 * message is its first line.
 */
function unfenced(text: string): Message {
  const newline = text.indexOf('\n');
  const command = (newline === -1 ? text : text.slice(0, newline)).trim();
  const rest = newline === -1 ? '' : text.slice(newline + 1);
  const readsInput = /(?:^|\s)(?:-f|--filename)(?:=|\s+)-(?:\s|$)|^\/file\s+save\s/.test(command);
  return { command, stdin: readsInput && rest.trim() !== '' ? rest : null };
}
