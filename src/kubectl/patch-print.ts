import type { Cluster } from '../cluster/model.ts';
import type { JsonObject, JsonValue } from '../go/json-value.ts';
import { printedOutput } from './manifest-print.ts';
import { outputFormatError, printerError } from './metadata-update.ts';
import { goJsonInOrder } from './printers/go-yaml.ts';
import { sortKeys } from './printers/objects.ts';
import { podInGoOrder } from './printers/pod-go-order.ts';
import { printedTemplate, templateFormat, templatePrinter } from './printers/template-output.ts';
import { type OutputLine, stdout } from './verb.ts';

/**
 * What `kubectl patch` and `set image` print for an object they changed: `pod/web OPERATION`, or
 * the object with `-o`. A printer kubectl has not is its error.
 */
export interface Patched {
  object: Record<string, unknown>;
  /** What the name printer says after `pod/web`: `patched`, `image updated (dry run)`, ... */
  operation: string;
}

/** `-o` and `--allow-missing-template-keys`, as the verb read them. */
export interface PatchOutput {
  format: string;
  /** kubectl's error for `-o` and `--template` that clash (printFormatOf), when they do. */
  formatError?: string | null;
  allowMissingKeys: boolean;
  /**
   * set image decodes into the typed Pod, patch into unstructured: a failed go-template's raw
   * data is json.Marshal of the one in Go's field order, of the other with sorted keys.
   */
  typed?: boolean;
}

/** What was printed, and the printer's error (a format it has not, a template that failed). */
export function printPatched(
  patched: Patched,
  output: PatchOutput,
  cluster: Cluster,
): { output: OutputLine[]; error: string | null } {
  const { format } = output;
  const formatError = output.formatError ?? outputFormatError(format, cluster.files);
  if (formatError !== null) return { output: [], error: formatError };
  const { object } = patched;
  const meta = object.metadata as Record<string, unknown> | undefined;
  const ref = `${String(object.kind ?? '').toLowerCase()}/${String(meta?.name ?? '')}`;
  const line = (text: string) => ({ output: [stdout(text)], error: null });
  if (format === '') return line(`${ref} ${patched.operation}`);
  if (format === 'name') return line(ref);
  const template = templateFormat(format);
  if (template !== null) {
    const printer = templatePrinter(
      template.format,
      template.template,
      cluster.files,
      output.allowMissingKeys,
    );
    if (!printer.ok) return { output: [], error: printer.error };
    const raw = output.typed === true ? goJsonInOrder(podInGoOrder(object as JsonObject), 0) : undefined;
    return printedTemplate(printer.value.print(sortKeys(object) as JsonValue, raw));
  }
  const text = printedOutput([{ json: object }], format, cluster);
  return text.ok ? line(text.value ?? '') : { output: [], error: printerError(format) };
}
