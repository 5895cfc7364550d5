import type { Cluster } from '../cluster/model.ts';
import { flagString, type ParsedLine } from './flags.ts';

/** The namespace a command acts in: `-n`/`--namespace`, else its context's, else `default`. */
export function namespaceOf(_cluster: Pick<Cluster, 'namespaces'>, line: ParsedLine): string {
  return flagString(line, 'namespace') ?? contextNamespace(line);
}

/** The namespace a command acts in when `-n` does not say: its context's, else `default`. */
export const contextNamespace = (line: ParsedLine): string => line.contextNamespace ?? 'default';
