import { err, ok, type Result } from '../result.ts';

/**
 * The first record of Go's encoding/csv Reader with its defaults, which pflag's StringSlice
 * flags read their value with (`--types=Warning,Normal`, `--types='"Warning"'`):
 *
 *   record := field { "," field } ( "\n" | end )
 *   field  := quoted | bare
 *   quoted := '"' { any but '"' | '""' } '"'      (may run over line breaks)
 *   bare   := { any but ',' '"' "\n" }
 *
 * Empty lines before the record are skipped, `\r\n` reads as `\n`. Errors are Go's ParseError
 * text: the line, the 1-based byte column (of the offending quote, or past the end of the last
 * line for a quote never closed), and the record's first line when the error is on a later one.
 * One pass over the text.
 */
const BARE_QUOTE = 'bare " in non-quoted-field';
const QUOTE = 'extraneous or missing " in quoted-field';

export function readCsvRecord(text: string): Result<string[], string> {
  const lines = text.split(/(?<=\n)/).map((l) => (l.endsWith('\r\n') ? `${l.slice(0, -2)}\n` : l));
  let at = 0;
  while (at < lines.length && lines[at] === '\n') at++;
  if (at >= lines.length || lines[at] === '') return err('EOF');
  const start = at + 1;
  const fail = (message: string, lineNo: number, column: number) =>
    err(
      lineNo === start
        ? `parse error on line ${lineNo}, column ${column}: ${message}`
        : `record on line ${start}; parse error on line ${lineNo}, column ${column}: ${message}`,
    );
  let line = lines[at] ?? '';
  let i = 0;
  const fields: string[] = [];
  for (;;) {
    if (line[i] !== '"') {
      const comma = line.indexOf(',', i);
      const end = comma !== -1 ? comma : line.endsWith('\n') ? line.length - 1 : line.length;
      const field = line.slice(i, end);
      const quote = field.indexOf('"');
      if (quote !== -1) return fail(BARE_QUOTE, at + 1, byteColumn(line, i + quote));
      fields.push(field);
      if (comma === -1) return ok(fields);
      i = comma + 1;
      continue;
    }
    i++;
    let field = '';
    for (;;) {
      const quote = line.indexOf('"', i);
      if (quote === -1) {
        field += line.slice(i);
        if (at + 1 >= lines.length) return fail(QUOTE, at + 1, byteColumn(line, line.length));
        at++;
        line = lines[at] ?? '';
        i = 0;
        continue;
      }
      field += line.slice(i, quote);
      const next = line[quote + 1];
      i = quote + 2;
      if (next === '"') field += '"';
      else if (next === ',') break;
      else if (next === '\n' || next === undefined) return ok([...fields, field]);
      else return fail(QUOTE, at + 1, byteColumn(line, quote));
    }
    fields.push(field);
  }
}

/** The 1-based byte column of the character at `index` (Go counts bytes of UTF-8). */
const byteColumn = (line: string, index: number): number =>
  new TextEncoder().encode(line.slice(0, index)).length + 1;
