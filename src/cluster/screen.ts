import type { MessageKey, Params } from '../i18n/catalogue.ts';
import type { Change } from './changes.ts';

/**
 * What a program writes, in order, on stdout and stderr. A terminal shows both streams in one
 * place, and programs do not always end their lines (curl's progress meter leaves its line open
 * and the body lands right after it), so output is kept as chunks and cut into lines at the end.
 */
export type Stream = 'stdout' | 'stderr';

export interface Chunk {
  stream: Stream;
  text: string;
}

export interface ProgramResult {
  chunks: Chunk[];
  exitCode: number;
  /** Side effects on the cluster (requests served, recorded on the server's pod). */
  changes: Change[];
  /** What the sandbox left out (a cap was reached), said in the member's language after the output. */
  notes?: Note[];
}

/** A sentence of the catalogue for the chat layer to add, e.g. that a cap was reached. */
export interface Note {
  key: MessageKey;
  params?: Params;
}

export const out = (text: string): Chunk => ({ stream: 'stdout', text });
export const errOut = (text: string): Chunk => ({ stream: 'stderr', text });

export const result = (chunks: Chunk[], exitCode = 0, changes: Change[] = []): ProgramResult => ({
  chunks,
  exitCode,
  changes,
});

/** Lines as the terminal finally shows them; a line belongs to the stream that started it. */
export function toLines(chunks: readonly Chunk[]): { stream: Stream; text: string }[] {
  const lines: { stream: Stream; text: string }[] = [];
  let open: { stream: Stream; text: string } | null = null;
  for (const chunk of chunks) {
    const parts = chunk.text.split('\n');
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      if (last && part === '') break;
      if (open === null) open = { stream: chunk.stream, text: part };
      else open.text += part;
      if (!last) {
        lines.push(open);
        open = null;
      }
    }
  }
  if (open !== null) lines.push(open);
  return lines;
}
