import type { Attachment } from '../chat/request.ts';
import type { SavedFile } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import type { FlagSpec } from './flags.ts';

/**
 * `-R, --recursive` (FileNameFlags, on every verb that takes `-f`): walk a directory given to
 * `-f`. In chat `-f` names files, never directories, and kubectl given files (or no `-f`)
 * ignores the flag, so it is accepted and changes nothing. Checked with kubectl 1.33.
 */
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', type: 'bool' };

/**
 * Where `-f` finds a manifest in chat, in the order a member would expect of files on disk:
 * `-f -` is standard input (the fenced block after the command; else the one attached file);
 * `-f NAME` is the member's saved file NAME, else an attachment of that name. kubectl checks
 * every path before reading any, so one missing path means nothing is created.
 */
export interface ManifestFile {
  /** The name kubectl uses in messages: the path given, or STDIN. */
  source: string;
  content: string;
}

export interface SourceContext {
  stdin: string | null;
  attachments: readonly Attachment[];
  files: readonly SavedFile[];
}

export function readManifestFiles(
  ctx: SourceContext,
  paths: readonly string[],
): Result<ManifestFile[], KubectlError> {
  const files: ManifestFile[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const file = readOne(ctx, path);
    if (file === undefined) missing.push(path);
    else if (typeof file === 'string') return err(kubectlError('plain', { message: file }));
    else files.push(file);
  }
  if (missing.length === 1) return err(kubectlError('plain', { message: pathError(missing[0] ?? '') }));
  if (missing.length > 1) return err(kubectlError('rawText', { text: missing.map(pathError).join('\n') }));
  return ok(files);
}

const pathError = (path: string) => `the path "${path}" does not exist`;

/** A file, a message for a path that cannot be read at all, or undefined for a missing path. */
function readOne(ctx: SourceContext, path: string): ManifestFile | string | undefined {
  if (path === '-') {
    const only = ctx.attachments.length === 1 ? ctx.attachments[0] : undefined;
    return { source: 'STDIN', content: ctx.stdin ?? only?.content ?? '' };
  }
  const url = /^https?:\/\/([^/:]+)/.exec(path);
  // The sandbox has no way out to the internet, as a cluster behind a strict proxy.
  if (url !== null) return `Get "${path}": dial tcp: lookup ${url[1]}: no such host`;
  const saved = savedFile(ctx.files, path);
  if (saved !== undefined) return { source: path, content: saved.content };
  const name = path.replace(/^\.\//, '');
  const attached = ctx.attachments.find((a) => a.name === name);
  if (attached !== undefined) return { source: path, content: attached.content };
  return undefined;
}

/** The member's saved file a path names (`./` is where saved files live). */
export function savedFile(files: readonly SavedFile[], path: string): SavedFile | undefined {
  const name = path.replace(/^\.\//, '');
  return files.find((f) => f.name === name);
}
