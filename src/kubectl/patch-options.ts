import type { PatchType } from '../cluster/object-patch.ts';
import { goJson } from '../go/json-value.ts';
import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import type { DryRun } from './dry-run-flag.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import { readManifestFiles, type SourceContext } from './manifest-source.ts';
import { yamlValues } from './manifest-yaml.ts';
import { printFormatOf } from './metadata-update.ts';
import { allowMissingKeysOf } from './template-keys-flag.ts';

/**
 * What `kubectl patch` makes of its flags before it looks anything up (patch.go Validate, then
 * the start of RunPatch): the patch type, and the patch as it is sent. `-p` or `--patch-file`
 * is read with apimachinery's yaml.ToJSON: a text that starts with `{` is taken as JSON, sent as
 * written (the server judges it); anything else is YAML (1.1: `y` and `on` are booleans),
 * converted to JSON on the client, whose errors are kubectl's own.
 */
export interface PatchOptions {
  type: PatchType;
  /** The request body: the patch as JSON text. */
  body: string;
  local: boolean;
  /** '' for the object itself. */
  subresource: string;
  format: string;
  /** `--allow-missing-template-keys`, for `-o jsonpath|go-template`. */
  allowMissingKeys: boolean;
}

const TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

/** Every check of patch.go's Validate, in its order; the message without `error: `. */
export function patchOptions(
  line: ParsedLine,
  dryRun: DryRun,
  files: SourceContext,
): Result<PatchOptions, string> {
  const patch = flagString(line, 'patch') ?? '';
  const patchFile = flagString(line, 'patch-file') ?? '';
  const local = flagBool(line, 'local');
  const typeText = flagString(line, 'type') ?? 'strategic';
  if (patch !== '' && patchFile !== '') return err('cannot specify --patch and --patch-file together');
  if (patch === '' && patchFile === '')
    return err('must specify --patch or --patch-file containing the contents of the patch');
  if (local && line.args.length > 0) return err('cannot specify --local and server resources');
  if (local && dryRun === 'server')
    return err('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const type = TYPES.find((t) => t === typeText.toLowerCase());
  if (typeText !== '' && type === undefined)
    return err(`--type must be one of [${TYPES.join(' ')}], not ${goQuote(typeText)}`);
  const text = patchFile === '' ? ok(patch) : readPatchFile(files, patchFile);
  if (!text.ok) return text;
  const body = patchJson(text.value);
  if (!body.ok) return body;
  return ok({
    type: type ?? 'strategic',
    body: body.value,
    local,
    subresource: flagString(line, 'subresource') ?? '',
    ...printFormatOf(line),
    allowMissingKeys: allowMissingKeysOf(line),
  });
}

/** `--patch-file`: a saved chat file or an attachment (never standard input: os.ReadFile("-")). */
function readPatchFile(files: SourceContext, path: string): Result<string, string> {
  const read = path === '-' ? null : readManifestFiles(files, [path]);
  const file = read?.ok === true ? read.value[0] : undefined;
  if (file === undefined) return err(`unable to read patch file: open ${path}: no such file or directory`);
  return ok(file.content);
}

/** yaml.ToJSON: JSON as it is, else the first YAML document as compact JSON. */
export function patchJson(text: string): Result<string, string> {
  if (/^[ \t\r\n]*\{/.test(text)) return ok(text);
  const first = yamlValues(text).next();
  if (first.done === true) return ok('null');
  if ('error' in first.value)
    return err(
      `unable to parse ${goQuote(text)}: ${first.value.error.replace(/^error converting YAML to JSON: /, '')}`,
    );
  return ok(goJson(first.value.value));
}
