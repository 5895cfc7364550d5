import type { ReplyFile } from './reply.ts';

/** The bytes of a reply's file, as every adapter sends or writes them (text as UTF-8). */
export const fileBytes = (file: ReplyFile): Buffer =>
  typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : Buffer.from(file.data);

/** Text files are shown inline where a surface can (the console's JSON line); the rest only by path. */
export const isTextFile = (file: ReplyFile): boolean =>
  typeof file.data === 'string' ||
  file.contentType.startsWith('text/') ||
  /^application\/(json|yaml|x-yaml)\b/.test(file.contentType);

/** A name safe as one path segment on any disk: letters, digits, dot, dash and underscore. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name)
    .slice(0, 100)
    .map((c) => (/[\w.-]/.test(c) ? c : '_'))
    .join('')
    .replace(/^\.+/, '');
  return cleaned === '' ? 'file' : cleaned;
}
