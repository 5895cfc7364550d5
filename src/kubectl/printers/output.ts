import { apiObject } from '../../cluster/api-object.ts';
import type { Cluster } from '../../cluster/model.ts';
import { parseQuantity } from '../../cluster/quantity.ts';
import { goSorted } from '../../go/sort.ts';
import { goPrint, type JsonValue } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';
import type { ParsedLine } from '../flags.ts';
import { executeJsonPath } from '../jsonpath/evaluate.ts';
import { parseJsonPath, type TemplateItem } from '../jsonpath/parse.ts';
import { savedFile } from '../manifest-source.ts';
import type { AnyObject } from '../query.ts';
import { type OutputLine, stderr, stdout } from '../verb.ts';
import { documentOf, isObjectFormat, OUTPUT_FORMATS_ERROR, printObjects, sortKeys } from './objects.ts';
import { formatTable } from './table.ts';
import { type TemplateFiles, templateFormat, templatePrinter } from './template-output.ts';

/**
 * The printers `get -o` chooses between besides its tables (get.go printGeneric): yaml, json,
 * name, the template printers and custom-columns. Each prints the List kubectl builds (or the
 * one object a single name implies) and reports a failure after what it printed.
 */
/**
 * What a generic printer printed, as kubectl writes it: the text, then its error (`error: …`).
 * Output lines are joined with newlines, so a text ending in one is followed by the error directly.
 */
export function printedLines(printed: { text: string; error: string | null }): {
  text: OutputLine[];
  error: OutputLine[];
} {
  const shown = printed.error === null ? printed.text : printed.text.replace(/\n$/, '');
  return {
    text: shown === '' ? [] : [stdout(shown)],
    error: printed.error === null ? [] : [stderr(`error: ${printed.error.trimEnd()}`)],
  };
}

export type GenericPrinter = (
  objects: readonly AnyObject[],
  cluster: Cluster,
  singleItemImplied: boolean,
) => { text: string; error: string | null };

/**
 * Null for the table formats ('' and wide); kubectl's error text for a bad format or template.
 * `allowMissingKeys` is `--allow-missing-template-keys`, for the template printers only, and
 * `files` where their `-file` formats read the template.
 */
export function genericPrinter(
  format: string,
  noHeaders: boolean,
  allowMissingKeys: boolean,
  files: TemplateFiles,
): Result<GenericPrinter | null, string> {
  if (format === '' || format === 'wide') return ok(null);
  if (isObjectFormat(format))
    return ok((objects, cluster, single) => ({
      text: printObjects(objects, format, cluster, single),
      error: null,
    }));
  const template = templateFormat(format);
  if (template !== null) {
    const printer = templatePrinter(template.format, template.template, files, allowMissingKeys);
    if (!printer.ok) return printer;
    return ok((objects, cluster, single) => printer.value.print(documentOf(objects, cluster, single)));
  }
  if (format === 'custom-columns-file' || format.startsWith('custom-columns-file=')) {
    const columns = customColumnsFile(format.slice('custom-columns-file='.length), files);
    if (!columns.ok) return columns;
    // The printer made from a file keeps its headers: get sets NoHeaders only on one from a spec.
    return ok((objects, cluster) => printColumns(columns.value, objects, cluster, false));
  }
  if (format === 'custom-columns' || format.startsWith('custom-columns=')) {
    const columns = parseCustomColumns(format.slice('custom-columns='.length));
    if (!columns.ok) return columns;
    return ok((objects, cluster) => printColumns(columns.value, objects, cluster, noHeaders));
  }
  return err(OUTPUT_FORMATS_ERROR(format));
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/s;

/** customcolumn.go RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expression: string): Result<string, string> {
  if (expression === '') return ok('');
  const m = RELAXED.exec(expression);
  if (m === null)
    return err(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return ok(`{.${m[1] ?? m[2] ?? ''}}`);
}

interface Column {
  header: string;
  path: TemplateItem[];
}

/** NewCustomColumnsPrinterFromSpec: `HEADER:path,HEADER:path`. */
function parseCustomColumns(spec: string): Result<Column[], string> {
  if (spec === '') return err('custom-columns format specified but no custom columns given');
  const columns: Column[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon === -1)
      return err(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const path = relaxedJsonPath(part.slice(colon + 1));
    if (!path.ok) return path;
    const parsed = parseJsonPath(path.value);
    if (!parsed.ok) return err(parsed.error);
    columns.push({ header: part.slice(0, colon), path: parsed.value });
  }
  return ok(columns);
}

const TEMPLATE_SHAPE =
  'Expected format is one line of space separated headers, one line of space separated column specs.';

/**
 * `-o custom-columns-file=F` (NewCustomColumnsPrinterFromTemplate): F's first line is the
 * headers, its second the paths, both split on white space; the rest is not read. In chat F is
 * the member's saved file, as for the template formats (which keeps no empty file: `/file save`).
 */
function customColumnsFile(path: string, files: TemplateFiles): Result<Column[], string> {
  if (path === '') return err('custom-columns format specified but no custom columns given');
  const file = savedFile(files, path);
  if (file === undefined)
    return err(`error reading template ${path}, open ${path}: no such file or directory`);
  // bufio.Scanner's lines: split on \n, a \r before it dropped; no line after a final \n.
  const lines = file.content.split('\n', 3).map((l) => l.replace(/\r$/, ''));
  // regexp \s, which in Go is ASCII white space only.
  const fields = (line: string) => line.split(/[\t\n\f\r ]+/).filter((w) => w !== '');
  const headers = lines[0];
  if (headers === undefined || (headers === '' && lines.length === 1))
    return err(`invalid template, missing header line. ${TEMPLATE_SHAPE}`);
  const specs = lines[1];
  if (specs === undefined || (specs === '' && lines.length === 2))
    return err(`invalid template, missing spec line. ${TEMPLATE_SHAPE}`);
  const names = fields(headers);
  const paths = fields(specs);
  if (names.length !== paths.length)
    return err(`number of headers (${names.length}) and field specifications (${paths.length}) don't match`);
  const columns: Column[] = [];
  for (const [i, header] of names.entries()) {
    const path = relaxedJsonPath(paths[i] ?? '');
    if (!path.ok) return path;
    const parsed = parseJsonPath(path.value);
    if (!parsed.ok) return err(parsed.error);
    columns.push({ header, path: parsed.value });
  }
  return ok(columns);
}

function printColumns(
  columns: readonly Column[],
  objects: readonly AnyObject[],
  cluster: Cluster,
  noHeaders: boolean,
): { text: string; error: string | null } {
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  for (const object of objects) {
    const data = sortKeys(apiObject(object, cluster)) as JsonValue;
    const row: string[] = [];
    for (const column of columns) {
      const found = executeJsonPath(column.path, data);
      if (!found.ok) return { text: formatTable(rows), error: found.error };
      const values = found.value.flat();
      row.push(
        values.length === 0 ? '<none>' : values.map((v) => (v === null ? '<nil>' : goPrint(v))).join(','),
      );
    }
    rows.push(row);
  }
  return { text: formatTable(rows), error: null };
}

/**
 * `--sort-by`: the objects ordered by the first value the path finds in each (sorter.go): numbers
 * numerically, strings as quantities when both are one, else byte order; objects without the
 * field first. An error when no object has it.
 */
export function sortObjects(
  objects: readonly AnyObject[],
  cluster: Cluster,
  sortBy: string,
): Result<AnyObject[], string> {
  return sortByField(objects, (object) => sortKeys(apiObject(object, cluster)) as JsonValue, sortBy);
}

/**
 * Whether kubectl prints the server's Table (the default output and -o wide, unless
 * --server-print=false) rather than a List of objects.
 */
export const printsServerTable = (line: ParsedLine, format: string): boolean =>
  (format === '' || format === 'wide') && line.flags.get('server-print') !== false;

/**
 * sorter.go's rules for where `--sort-by` applies: the server's Table is sorted only with two
 * rows or more, and a sort that fails there prints nothing (kubectl then says it found nothing); a
 * List is sorted, and fails aloud; a bare object (`bare`: one object named) is not sorted at all.
 * Checked with kubectl 1.27, 1.30 and 1.33 against Podium's API door.
 */
export function sortedAsKubectl<T>(
  items: readonly T[],
  sort: (items: readonly T[]) => Result<T[], string>,
  printer: { table: boolean; bare: boolean },
): Result<readonly T[], string> {
  if (printer.table ? items.length < 2 : printer.bare) return ok(items);
  const sorted = sort(items);
  return sorted.ok || !printer.table ? sorted : ok([]);
}

/**
 * `--sort-by` over any items, each read as the JSON the API sends (`json`): Go's `sort.Sort` with
 * sorter.go's Less, where an item without the field is less than any other, even one without it.
 */
export function sortByField<T>(
  items: readonly T[],
  json: (item: T) => JsonValue,
  sortBy: string,
): Result<T[], string> {
  if (items.length === 0) return ok([]);
  const relaxed = relaxedJsonPath(sortBy);
  const field = relaxed.ok ? relaxed.value : sortBy;
  const path = parseJsonPath(field);
  if (!path.ok) return err(path.error);
  const keyed: { item: T; key: JsonValue | undefined }[] = [];
  for (const item of items) {
    const found = executeJsonPath(path.value, json(item));
    if (!found.ok) return err(found.error);
    keyed.push({ item, key: found.value[0]?.[0] });
  }
  if (keyed.every((k) => k.key === undefined))
    return err(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  const sorted = goSorted(keyed, (a, b) =>
    a.key === undefined ? true : b.key === undefined ? false : less(a.key, b.key),
  );
  return ok(sorted.map((k) => k.item));
}

function less(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || a === null) return b !== undefined && b !== null;
  if (b === undefined || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    return qa !== null && qb !== null ? qa < qb : a < b;
  }
  return false;
}
