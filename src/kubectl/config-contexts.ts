import { formatTable } from './printers/table.ts';

/**
 * `kubectl config get-contexts [NAME]` and `kubectl config current-context`, as kubectl prints
 * them from a kubeconfig in which every context is a sandbox (its cluster is "podium", its user
 * the member). A name that is not there prints the header and then kubectl's error.
 */
export interface Contexts {
  current: string;
  others: readonly string[];
}

export type ConfigResult = { output: string; error: string | null };

export function configCommand(words: readonly string[], contexts: Contexts): ConfigResult | null {
  const [sub, ...rest] = words;
  if (sub === 'current-context' && rest.length === 0) return { output: contexts.current, error: null };
  if (sub !== 'get-contexts') return null;
  const names = rest.filter((w) => !w.startsWith('-'));
  const nameOnly = rest.includes('-o=name') || rest.join(' ').includes('-o name');
  const all = [contexts.current, ...contexts.others].sort();
  const wanted = names.length === 0 ? all : names.filter((n) => all.includes(n));
  const missing = names.find((n) => !all.includes(n));
  if (nameOnly)
    return {
      output: wanted.join('\n'),
      error: missing === undefined ? null : `error: context ${missing} not found`,
    };
  const rows = wanted.map((n) => [n === contexts.current ? '*' : '', n, 'podium', n, '']);
  const output = formatTable([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]);
  return { output, error: missing === undefined ? null : `error: context ${missing} not found` };
}
