import { split } from 'shlex';
import { err, ok, type Result } from '../result.ts';

/**
 * Splits a command line as a POSIX shell would (quotes, backslashes), so `-l 'env in (a,b)'`
 * arrives as one argument. Chat apps turn quotes into typographic ones; those count as plain
 * quotes here, since no member means a curly quote inside a kubectl command.
 */
export function tokenize(line: string): Result<string[], string> {
  // A command's line is split again by the guide under its reply: the last split is kept (copied
  // out, so no caller shares an array with another).
  if (line === last.line) return last.tokens === null ? err(last.error) : ok([...last.tokens]);
  const result = splitLine(line);
  last = result.ok
    ? { line, tokens: [...result.value], error: '' }
    : { line, tokens: null, error: result.error };
  return result;
}

let last: { line: string | null; tokens: string[] | null; error: string } = {
  line: null,
  tokens: null,
  error: '',
};

function splitLine(line: string): Result<string[], string> {
  const plain = line
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
  try {
    return ok(split(plain));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err(/quot/i.test(message) ? 'unterminated quoted string in the command line' : message);
  }
}
