import { goQuote } from '../go/strings.ts';

/**
 * client-go's request builder refuses a namespace that cannot be one URL path segment
 * (path.IsValidPathSegmentName) before anything is sent: `-n ../../etc`. The words of its error,
 * or null for a namespace it takes.
 */
export function invalidNamespace(name: string): string | null {
  const problems =
    name === '.' || name === '..'
      ? [`may not be '${name}'`]
      : ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
  return problems.length === 0 ? null : `invalid namespace ${goQuote(name)}: [${problems.join(' ')}]`;
}
