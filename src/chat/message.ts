import { err, ok, type Result } from '../result.ts';

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

export function parseMessage(text: string): Result<Message, 'unclosedFence'> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const fenceAt = normalized.indexOf(FENCE);
  if (fenceAt === -1) return ok({ command: normalized.split('\n')[0]?.trim() ?? '', stdin: null });
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
