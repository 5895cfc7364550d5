import type { Cluster } from '../../cluster/model.ts';
import { err, ok, type Result } from '../../result.ts';
import type { FlagSpec, ParsedLine } from '../flags.ts';
import type { AnyObject } from '../query.ts';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, allowMissingKeysOf } from '../template-keys-flag.ts';
import { documentOf, isObjectFormat, printObjects } from './objects.ts';
import {
  printFlagsOf,
  type TemplateFiles,
  templateFormat,
  templatePrinter,
  withTemplate,
} from './template-output.ts';

/**
 * PrintFlags.ToPrinter for a verb that prints each object it acted on (`wait`): without `-o` its
 * own line (`pod/kubia condition met`), else `-o name|yaml|json` or a template printer, `--template`
 * completing a template format as for get. No table formats: `-o wide` is refused with the list
 * of the others.
 */
export const OBJECT_PRINTER_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
];

/** What kubectl writes for one object, byte for byte (a trailing newline included), and a printer error. */
export type ObjectPrinter = (object: AnyObject, cluster: Cluster) => { text: string; error: string | null };

export const objectFormatsError = (format: string) =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`;

/** The printer `-o`/`--template` ask for, or kubectl's error text; `files` serve the `-file` formats. */
export function objectPrinter(
  line: ParsedLine,
  plain: (object: AnyObject) => string,
  files: TemplateFiles,
): Result<ObjectPrinter, string> {
  const { asked, template, clash } = printFlagsOf(line);
  if (clash) return err(objectFormatsError(asked));
  const format = withTemplate(asked, template);
  if (format === '') return ok((object) => ({ text: `${plain(object)}\n`, error: null }));
  if (isObjectFormat(format))
    return ok((object, cluster) => ({
      text: `${printObjects([object], format, cluster, true)}\n`,
      error: null,
    }));
  const named = templateFormat(format);
  if (named === null) return err(objectFormatsError(format));
  const printer = templatePrinter(named.format, named.template, files, allowMissingKeysOf(line));
  if (!printer.ok) return printer;
  return ok((object, cluster) => printer.value.print(documentOf([object], cluster, true)));
}
