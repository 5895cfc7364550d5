import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import type { JsonValue } from '../go/values.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { goJson, goYaml } from './printers/go-yaml.ts';
import { documentOf, printObjects, sortKeys } from './printers/objects.ts';
import { type TemplateFiles, templateFormat, templatePrinter } from './printers/template-output.ts';

/**
 * `-o yaml|json` after create/apply: what the server returned, or with `--dry-run=client` the
 * object kubectl would have sent (the manifest with its namespace filled in). Several objects
 * print one after another, YAML documents separated by `---`, as kubectl's printers do.
 */
export type Printed = { json: unknown } | { object: Pod | Namespace };

/**
 * `-o`, checked before anything is sent, as kubectl builds its printer first. `templates`: the
 * verb prints through the template printers too (create), whose template is parsed (and a
 * `-file` format's file read from these saved files) here; null when it does not.
 */
export function outputOf(
  output: string | undefined,
  templates: TemplateFiles | null = null,
): Result<string | undefined, KubectlError> {
  if (output === undefined || ['', 'name', 'yaml', 'json'].includes(output)) return ok(output);
  const template = templates === null ? null : templateFormat(output);
  if (template === null || templates === null)
    return err(kubectlError('plain', { message: formatsError(output) }));
  const printer = templatePrinter(template.format, template.template, templates);
  return printer.ok ? ok(output) : err(kubectlError('plain', { message: printer.error }));
}

/**
 * A template format's output over what create made (or would send): each object's text in turn,
 * and on failure kubectl's error after what was printed.
 */
export function templatedOutput(
  items: readonly Printed[],
  output: string,
  cluster: Cluster,
  allowMissingKeys: boolean,
): { text: string; error: string | null } | null {
  const template = templateFormat(output);
  if (template === null) return null;
  const printer = templatePrinter(template.format, template.template, cluster.files, allowMissingKeys);
  if (!printer.ok) return { text: '', error: printer.error };
  let text = '';
  for (const item of items) {
    const data =
      'object' in item ? documentOf([item.object], cluster, true) : (sortKeys(item.json) as JsonValue);
    const printed = printer.value.print(data);
    text += printed.text;
    if (printed.error !== null) return { text, error: printed.error };
  }
  return { text, error: null };
}

export function printedOutput(
  items: readonly Printed[],
  output: string | undefined,
  cluster: Cluster,
): Result<string | null, KubectlError> {
  if (output === undefined || output === '' || output === 'name') return ok(null);
  if (output !== 'yaml' && output !== 'json')
    return err(kubectlError('plain', { message: formatsError(output) }));
  const docs = items.map((item) => {
    // What the server returned prints exactly as `get -o yaml|json` prints it.
    if ('object' in item) return printObjects([item.object], output, cluster);
    const sorted = sortKeys(item.json);
    return output === 'json' ? goJson(sorted) : goYaml(sorted).trimEnd();
  });
  return ok(docs.join(output === 'json' ? '\n' : '\n---\n'));
}

/** create and apply print objects but not tables, so `wide` and custom columns are not offered. */
const formatsError = (format: string) =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`;
