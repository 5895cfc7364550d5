import type { DryRun } from './dry-run-flag.ts';
import { dryRunSuffix } from './metadata-update.ts';
import type { AnyObject } from './query.ts';

/**
 * What DeleteOptions.PrintObj says of each object deleted (`kubectl delete`, and the deletion
 * `kubectl replace --force` does first): `-o name` gives `kind/name`, any other output
 * `KIND "NAME" deleted`, `force deleted` at grace period 0, then (kubectl v1.34) `from NS
 * namespace` for a namespaced object, then the dry run's mark.
 */
export function deletedLine(
  object: AnyObject,
  output: string | undefined,
  graceSeconds: number | undefined,
  dryRun: DryRun,
): string {
  const kind = object.kind.toLowerCase();
  if (output === 'name') return `${kind}/${object.metadata.name}`;
  let operation = graceSeconds === 0 ? 'force deleted' : 'deleted';
  if ('namespace' in object.metadata) operation += ` from ${object.metadata.namespace} namespace`;
  return `${kind} "${object.metadata.name}" ${operation}${dryRunSuffix(dryRun)}`;
}
