import type { JsonValue } from '../go/values.ts';
import type { TemplatePrinter } from './printers/template-output.ts';
import { type OutputLine, stderr, stdout } from './verb.ts';

/**
 * What `kubectl run` prints of what it made (KC 1.33 pkg/cmd/run Run): all through the one
 * printer Complete built. With `--expose` the Service is printed as soon as it is made
 * (generateService), followed by a `---` line of run's own under `-o yaml`; the Pod is printed
 * last, so the YAML printer's own separator makes two `---`, and template outputs run together.
 * A Service that could not be made, or printed, is reported after the Pod (run's aggregate of
 * errors); a Pod that cannot be printed ends the command there.
 */
export interface RunPrintable {
  /** `pod/NAME`, `service/NAME`. */
  ref: string;
  /** The object as `-o yaml` / `-o json` print it, each ending in a line break. */
  yaml(): string;
  json(): string;
  /** The typed object's compact JSON (json.Marshal), as a failed go-template shows it. */
  raw(): string;
  /** What a template walks: the object, keys sorted. */
  data(): JsonValue;
}

/** `-o` as run reads it: '' (the success line), yaml, json, name, or a template printer. */
export type RunOutput = string | undefined | TemplatePrinter;

/** The Service: made (and to be printed), refused with kubectl's error line, or not asked for. */
export type ExposedService = { made: RunPrintable } | { refused: OutputLine } | null;

export interface RunPrinted {
  output: OutputLine[];
  failed: boolean;
}

export function printRun(
  output: RunOutput,
  suffix: string,
  service: ExposedService,
  pod: RunPrintable,
): RunPrinted {
  let text = '';
  const later: OutputLine[] = [];
  if (service !== null && 'refused' in service) later.push(service.refused);
  if (service !== null && 'made' in service) {
    const printed = printOne(output, suffix, service.made);
    text += printed.text;
    if (printed.error !== null) later.push(errorLine(printed.error));
    // run's own separator, then the YAML printer's before its second object.
    else if (output === 'yaml') text += '---\n---\n';
  }
  const printed = printOne(output, suffix, pod);
  text += printed.text;
  const errors = printed.error !== null ? [errorLine(printed.error)] : later;
  // Lines are joined with line breaks: a text is shown without its last one, except a
  // template's when nothing follows it (it printed exactly what the template said).
  const whole = typeof output === 'object' && errors.length === 0;
  const shown = whole ? text : text.replace(/\n$/, '');
  return { output: [...(shown === '' ? [] : [stdout(shown)]), ...errors], failed: errors.length > 0 };
}

function printOne(
  output: RunOutput,
  suffix: string,
  object: RunPrintable,
): { text: string; error: string | null } {
  if (typeof output === 'object') return output.print(object.data(), object.raw());
  if (output === 'yaml') return { text: object.yaml(), error: null };
  if (output === 'json') return { text: object.json(), error: null };
  if (output === 'name') return { text: `${object.ref}\n`, error: null };
  return { text: `${object.ref} created${suffix}\n`, error: null };
}

const errorLine = (error: string): OutputLine => stderr(`error: ${error.trimEnd()}`);
