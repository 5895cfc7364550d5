import type { Cluster } from '../cluster/model.ts';
import type { JsonValue } from '../go/json-value.ts';
import { printedOutput } from './manifest-print.ts';
import { outputFormatError, printerError } from './metadata-update.ts';
import { sortKeys } from './printers/objects.ts';
import { templateFormat, templatePrinter } from './printers/template-output.ts';
import { type OutputLine, stderr, stdout } from './verb.ts';

/**
 * What `kubectl patch` and `set image` print for an object they changed: `pod/web OPERATION`, or
 * the object with `-o`. A printer kubectl has not is its error.
 */
export interface Patched {
  object: Record<string, unknown>;
  /** What the name printer says after `pod/web`: `patched`, `image updated (dry run)`, ... */
  operation: string;
}

export function printPatched(
  patched: Patched,
  format: string,
  cluster: Cluster,
): { line: OutputLine } | { error: string } {
  const formatError = outputFormatError(format);
  if (formatError !== null) return { error: formatError };
  const { object } = patched;
  const meta = object.metadata as Record<string, unknown> | undefined;
  const ref = `${String(object.kind ?? '').toLowerCase()}/${String(meta?.name ?? '')}`;
  if (format === '') return { line: stdout(`${ref} ${patched.operation}`) };
  if (format === 'name') return { line: stdout(ref) };
  const template = templateFormat(format);
  if (template !== null) {
    const printer = templatePrinter(template.format, template.template);
    if (!printer.ok) return { error: printer.error };
    const printed = printer.value.print(sortKeys(object) as JsonValue);
    return {
      line:
        printed.error === null
          ? stdout(printed.text)
          : stderr(`${printed.text}error: ${printed.error.trimEnd()}`),
    };
  }
  const text = printedOutput([{ json: object }], format, cluster);
  return text.ok ? { line: stdout(text.value ?? '') } : { error: printerError(format) };
}
