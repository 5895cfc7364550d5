/**
 * A chat message has no shell: `kubectl get po kubia -o yaml > kubia.yaml`, copied from a book,
 * would hand `>` and `kubia.yaml` to kubectl as names. The first character a shell would take as
 * an operator (`|`, `;`, `&`, `>`, `<`) outside quotes and not escaped ends the kubectl command, as
 * a shell would end it; what follows is not run, and the member is told so. A descriptor
 * duplication alone (`2>&1`) changes nothing a chat shows, and is dropped without a word.
 * One pass over the line, whatever its length.
 */
export interface ShellCut {
  /** The line kubectl gets. */
  kubectl: string;
  /** What was not run, for the note: at most 60 characters, no backticks; null when nothing to say. */
  cut: string | null;
  /** Whether the cut began with a redirect (a file the member expected). */
  redirect: boolean;
}

const OPERATORS = new Set(['|', ';', '&', '>', '<']);

export function shellCut(line: string): ShellCut | null {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (OPERATORS.has(c)) return cutAt(line, i);
  }
  return null;
}

function cutAt(line: string, at: number): ShellCut {
  // `2>` and `1>`: the descriptor is part of the operator when it stands alone before it.
  const fd = at > 0 && /[012]/.test(line[at - 1] ?? '') && (at === 1 || /\s/.test(line[at - 2] ?? ''));
  const from = fd ? at - 1 : at;
  const kubectl = line.slice(0, from).trimEnd();
  const rest = line.slice(from).trim();
  if (/^(?:[012]?>&[012]\s*)+$/.test(rest)) return { kubectl, cut: null, redirect: false };
  const shown = [...rest.replaceAll('`', '')];
  const cut = shown.length > 60 ? `${shown.slice(0, 59).join('')}…` : shown.join('');
  return { kubectl, cut, redirect: /^[012&]?>/.test(rest) };
}
