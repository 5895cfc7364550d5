import type { Cluster } from '../cluster/model.ts';
import { flagString, type ParsedLine } from './flags.ts';

/** The namespace a command acts in: `-n`/`--namespace`, else `default` (no kubeconfig context here). */
export function namespaceOf(_cluster: Pick<Cluster, 'namespaces'>, line: ParsedLine): string {
  return flagString(line, 'namespace') ?? 'default';
}
