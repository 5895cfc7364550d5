import type { Result } from '../result.ts';
import type { KubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import { type Batch, finish } from './manifest-batch.ts';
import { outputOf, type Printed, printedOutput, templatedOutput } from './manifest-print.ts';
import { printedLines } from './printers/output.ts';
import { printFlagsOf, type TemplateFiles, withTemplate } from './printers/template-output.ts';
import { allowMissingKeysOf } from './template-keys-flag.ts';
import { type Outcome, stdout } from './verb.ts';

/**
 * The printer of a verb that writes objects from manifests and prints them as PrintFlags does
 * (create -f, replace -f): `-o` with `--template`, checked before anything is sent, then the
 * objects the run made (or would send) printed in place of the success lines.
 */
export function printFormatOf(
  line: ParsedLine,
  files: TemplateFiles,
): Result<string | undefined, KubectlError> {
  // With --template, a format carrying its own template matches no printer (as for get).
  return outputOf(outputFlag(line), printFlagsOf(line).clash ? null : files);
}

/** `-o` as PrintFlags reads it with `--template` (template-output.ts withTemplate). */
function outputFlag(line: ParsedLine): string | undefined {
  const asked = flagString(line, 'output');
  const template = flagString(line, 'template') ?? '';
  if (template === '' || (asked ?? '').includes('=')) return asked;
  return withTemplate(asked ?? '', template);
}

/**
 * The run's outcome, its objects printed in the `-o` format if one was asked for in place of
 * the success lines; the first `kept` lines of output (what the run said before it created
 * anything, as `replace --force` says what it deleted) stay.
 */
export function printedRun(
  batch: Batch,
  printed: readonly Printed[],
  output: string | undefined,
  line: ParsedLine,
  kept = 0,
): Result<Outcome, KubectlError> {
  const before = batch.output.slice(0, kept);
  const templated =
    output === undefined ? null : templatedOutput(printed, output, batch.cluster, allowMissingKeysOf(line));
  if (templated !== null) {
    const { text, error } = printedLines(templated);
    batch.output = [...before, ...text];
    const done = finish(batch);
    if (!done.ok || error.length === 0) return done;
    return { ok: true, value: { ...done.value, output: [...done.value.output, ...error], exitCode: 1 } };
  }
  if (flagBool(line, 'show-managed-fields') && (output === 'yaml' || output === 'json'))
    batch.notes.push({ key: 'noManagedFields' });
  const shown = printedOutput(printed, output, batch.cluster);
  if (!shown.ok) return shown;
  if (shown.value !== null) batch.output = [...before, stdout(shown.value)];
  return finish(batch);
}
