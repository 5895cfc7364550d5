/**
 * kubectl's global `--context NAME` (or `--context=NAME`), which picks whose sandbox a command
 * reads: the member's own context is named after them, a teammate's after the teammate. Taken
 * out of the command line before the verb parses it; a `--context` with no value is left for
 * the flag parser's own error. Tokens after `--` (an exec'd command) are not kubectl's. As with
 * pflag, the last one wins.
 */
export interface ContextChoice {
  /** null: the member's own (no flag, or `--context=`). */
  context: string | null;
  tokens: string[];
}

export function takeContext(tokens: readonly string[]): ContextChoice {
  const rest: string[] = [];
  let context: string | null = null;
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') break;
    const joined = /^--context=(.*)$/s.exec(token);
    if (joined !== null) {
      context = joined[1] === '' ? null : (joined[1] ?? null);
    } else if (token === '--context' && i + 1 < tokens.length) {
      i += 1;
      context = tokens[i] === '' ? null : (tokens[i] ?? null);
    } else {
      rest.push(token);
    }
  }
  return { context, tokens: [...rest, ...tokens.slice(i)] };
}

/** Verbs that only read, so they may look at a teammate's shared sandbox. */
export const READ_ONLY_VERBS: ReadonlySet<string> = new Set([
  'get',
  'describe',
  'events',
  'logs',
  'explain',
  'api-resources',
  'api-versions',
  'top',
  'version',
  'help',
]);
