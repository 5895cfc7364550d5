import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from '../../chat/reply.ts';
import { fileBytes, isTextFile, safeFileName } from '../../chat/reply-files.ts';

/** A file the console wrote, as its `--json` line lists it (`content` only for text files). */
export interface WrittenFile {
  name: string;
  path: string;
  content?: string;
}

/**
 * The console has no chat to attach files to, so it writes each under `dir` (beside the
 * database: `data/files/`), named by a per-run serial so a later map never overwrites an earlier
 * one the member may still have open.
 */
export function fileWriter(dir: string): (reply: Reply) => WrittenFile[] {
  const run = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let serial = 0;
  return (reply) => {
    const files = reply.files ?? [];
    if (files.length === 0) return [];
    mkdirSync(dir, { recursive: true });
    return files.map((file) => {
      serial += 1;
      const name = safeFileName(file.name);
      const path = join(dir, `${run}-${serial}-${name}`);
      writeFileSync(path, fileBytes(file));
      return isTextFile(file) ? { name, path, content: fileBytes(file).toString('utf8') } : { name, path };
    });
  };
}
