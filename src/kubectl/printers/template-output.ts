import type { SavedFile } from '../../cluster/model.ts';
import { goMarshal, goSharpV, type JsonValue } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';
import { flagString, type ParsedLine } from '../flags.ts';
import { executeGoTemplate, parseGoTemplate } from '../go-template/template.ts';
import { executeJsonPath, printResults } from '../jsonpath/evaluate.ts';
import { parseJsonPath } from '../jsonpath/parse.ts';
import { savedFile } from '../manifest-source.ts';
import { type OutputLine, stdout } from '../verb.ts';

/**
 * `-o jsonpath=…`, `-o jsonpath-as-json=…`, `-o go-template=…` (and `template=…`): the template
 * printers of cli-runtime, parsed once when the flag is read (a parse error comes before any
 * request) and run over the object or List kubectl would print as YAML. The `-file` forms
 * (`jsonpath-file=F`, `go-template-file=F`, `templatefile=F`) read the template from F, in chat
 * the member's saved file F (`/file save`), as `-f F` reads it.
 */
export type TemplateFormat =
  | 'jsonpath'
  | 'jsonpath-as-json'
  | 'jsonpath-file'
  | 'go-template'
  | 'template'
  | 'go-template-file'
  | 'templatefile';

const TEMPLATE_FORMATS: readonly string[] = [
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'go-template',
  'template',
  'go-template-file',
  'templatefile',
];

/** Where a `-file` format finds its file: the member's saved files. */
export type TemplateFiles = readonly SavedFile[];

export interface TemplatePrinter {
  /**
   * Printed text, and on failure the error kubectl returns (after what it printed). `raw` is
   * json.Marshal of the object the go-template debug output shows: a typed object's in its
   * fields' order; by default, as for unstructured objects, keys sorted.
   */
  print(data: JsonValue, raw?: string): { text: string; error: string | null };
}

/**
 * A template's printing for a verb whose visitor returns the printer's error (label, annotate,
 * patch, set image): what it wrote (go-template's debugging text too) goes out now, the error
 * joins the verb's errors, which print last and make the exit code 1.
 */
export function printedTemplate(printed: { text: string; error: string | null }): {
  output: OutputLine[];
  error: string | null;
} {
  if (printed.error === null) return { output: [stdout(printed.text)], error: null };
  // Lines are joined with line breaks: the text's own last one is that join.
  const text = printed.text.replace(/\n$/, '');
  return { output: text === '' ? [] : [stdout(text)], error: printed.error.trimEnd() };
}

/** The format word and its argument: `jsonpath={.x}` → ['jsonpath', '{.x}']; null for other formats. */
export function templateFormat(output: string): { format: TemplateFormat; template: string } | null {
  const eq = output.indexOf('=');
  const word = eq === -1 ? output : output.slice(0, eq);
  if (!TEMPLATE_FORMATS.includes(word)) return null;
  return { format: word as TemplateFormat, template: eq === -1 ? '' : output.slice(eq + 1) };
}

/**
 * JSONPathPrintFlags / GoTemplatePrintFlags ToPrinter: the printer, or kubectl's error text.
 * `allowMissingKeys` is `--allow-missing-template-keys` (template-keys-flag.ts). The empty check
 * is on the path for a `-file` format, so an empty file is an empty template (checked with 1.33).
 */
export function templatePrinter(
  format: TemplateFormat,
  given: string,
  files: TemplateFiles,
  allowMissingKeys = true,
): Result<TemplatePrinter, string> {
  if (given === '') return err('template format specified but no template given');
  const read = templateText(format, given, files);
  if (!read.ok) return read;
  const template = read.value;
  if (format === 'jsonpath' || format === 'jsonpath-as-json' || format === 'jsonpath-file') {
    const parsed = parseJsonPath(template);
    if (!parsed.ok) return err(`error parsing jsonpath ${template}, ${parsed.error}`);
    return ok({
      print(data) {
        const groups = executeJsonPath(parsed.value, data, allowMissingKeys);
        if (groups.ok)
          return { text: printResults(groups.value, format === 'jsonpath-as-json'), error: null };
        const debug = `Error executing template: ${groups.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
        return { text: '', error: `error executing jsonpath ${JSON.stringify(template)}: ${debug}` };
      },
    });
  }
  const parsed = parseGoTemplate(template);
  if (!parsed.ok) return err(`error parsing template ${template}, template: output:${parsed.error}`);
  return ok({
    print(data, typed) {
      const run = executeGoTemplate(parsed.value, data, allowMissingKeys);
      if (run.error === null) return { text: run.text, error: null };
      // encoding/json's Marshal: keys sorted, and <, > and & escaped.
      const raw = typed ?? goMarshal(data);
      const debug = `Error executing template: template: output:${run.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${raw}\n\tobject given to template engine was:\n\t\t${run.dump}\n\n`;
      return {
        text: run.text + debug,
        error: `error executing template ${JSON.stringify(template)}: template: output:${run.error}`,
      };
    },
  });
}

/** The template itself: given inline, or the content of the file a `-file` format names. */
function templateText(format: TemplateFormat, given: string, files: TemplateFiles): Result<string, string> {
  if (format !== 'jsonpath-file' && format !== 'go-template-file' && format !== 'templatefile')
    return ok(given);
  const file = savedFile(files, given);
  if (file === undefined)
    return err(`error reading --template ${given}, open ${given}: no such file or directory`);
  return ok(file.content);
}

/**
 * `-o` and `--template` as PrintFlags reads them. `clash`: a format that carries its own template
 * (`-o jsonpath=…`) beside `--template` matches no printer (kubectl 1.33); each verb refuses it
 * with its own list of formats.
 */
export function printFlagsOf(line: ParsedLine): { asked: string; template: string; clash: boolean } {
  const asked = flagString(line, 'output') ?? '';
  const template = flagString(line, 'template') ?? '';
  return { asked, template, clash: template !== '' && asked.includes('=') };
}

/**
 * `--template` (PrintFlags): the template of a template format given without one (`-o template
 * --template={{.kind}}`, `-o jsonpath --template=...`); alone, it means `-o go-template`.
 */
export function withTemplate(format: string, template: string): string {
  if (template === '') return format;
  const named = format === '' ? 'go-template' : format;
  return TEMPLATE_FLAG_FORMATS.includes(named) ? `${named}=${template}` : format;
}

/** The formats --template completes, files included. */
const TEMPLATE_FLAG_FORMATS = [
  'go-template',
  'template',
  'go-template-file',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
];
