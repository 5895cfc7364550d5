import { LIMITS } from '../../cluster/limits.ts';
import { err, ok, type Result } from '../../result.ts';
import type { FileOption } from './invocation.ts';

export type DownloadError = { code: 'tooLarge'; size: number } | { code: 'failed' };

const TIMEOUT_MS = 10_000;

/**
 * Fetches an attached file's text from the URL Discord gives (signed CDN URLs expire, so right
 * away). Nothing bigger than a chat message is fetched: the size Discord reports is
 * checked first, and the bytes received are checked again.
 */
export async function download(
  file: FileOption,
  limit: number = LIMITS.messageBytes,
): Promise<Result<string, DownloadError>> {
  if (file.size > limit) return err({ code: 'tooLarge', size: file.size });
  try {
    const response = await fetch(file.url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return err({ code: 'failed' });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > limit) return err({ code: 'tooLarge', size: bytes.length });
    return ok(bytes.toString('utf8'));
  } catch {
    return err({ code: 'failed' });
  }
}
