import { goMarshal, goSharpV, type JsonValue } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';
import { executeGoTemplate, parseGoTemplate } from '../go-template/template.ts';
import { executeJsonPath, printResults } from '../jsonpath/evaluate.ts';
import { parseJsonPath } from '../jsonpath/parse.ts';

/**
 * `-o jsonpath=…`, `-o jsonpath-as-json=…`, `-o go-template=…` (and `template=…`): the template
 * printers of cli-runtime, parsed once when the flag is read (a parse error comes before any
 * request) and run over the object or List kubectl would print as YAML.
 */
export type TemplateFormat = 'jsonpath' | 'jsonpath-as-json' | 'go-template' | 'template';

const TEMPLATE_FORMATS: readonly string[] = ['jsonpath', 'jsonpath-as-json', 'go-template', 'template'];

export interface TemplatePrinter {
  /**
   * Printed text, and on failure the error kubectl returns (after what it printed). `raw` is the
   * object as json.Marshal wrote it, for the go-template's debugging text: a typed object's
   * fields in struct order; by default a map's, keys sorted.
   */
  print(data: JsonValue, raw?: string): { text: string; error: string | null };
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
 * `allowMissingKeys` is `--allow-missing-template-keys` (template-keys-flag.ts).
 */
export function templatePrinter(
  format: TemplateFormat,
  template: string,
  allowMissingKeys = true,
): Result<TemplatePrinter, string> {
  if (template === '') return err('template format specified but no template given');
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
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
    print(data, marshalled) {
      const run = executeGoTemplate(parsed.value, data, allowMissingKeys);
      if (run.error === null) return { text: run.text, error: null };
      // encoding/json's Marshal: keys sorted, and <, > and & escaped.
      const raw = marshalled ?? goMarshal(data);
      const debug = `Error executing template: template: output:${run.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${raw}\n\tobject given to template engine was:\n\t\t${run.dump}\n\n`;
      return {
        text: run.text + debug,
        error: `error executing template ${JSON.stringify(template)}: template: output:${run.error}`,
      };
    },
  });
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
