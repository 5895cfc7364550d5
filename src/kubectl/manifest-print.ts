import { stringify } from 'yaml';
import { apiObject } from '../cluster/api-object.ts';
import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { OUTPUT_FORMATS_ERROR, sortKeys } from './printers/objects.ts';

/**
 * `-o yaml|json` after create/apply: what the server returned, or with `--dry-run=client` the
 * object kubectl would have sent (the manifest with its namespace filled in). Several objects
 * print one after another, YAML documents separated by `---`, as kubectl's printers do.
 */
export type Printed = { json: unknown } | { object: Pod | Namespace };

export function printedOutput(
  items: readonly Printed[],
  output: string | undefined,
  cluster: Cluster,
): Result<string | null, KubectlError> {
  if (output === undefined || output === '' || output === 'name') return ok(null);
  if (output !== 'yaml' && output !== 'json')
    return err(kubectlError('plain', { message: OUTPUT_FORMATS_ERROR(output) }));
  const docs = items.map((item) => sortKeys('json' in item ? item.json : apiObject(item.object, cluster)));
  if (output === 'json') return ok(docs.map((d) => JSON.stringify(d, null, 4)).join('\n'));
  const yaml = docs.map((d) =>
    stringify(d, { lineWidth: 0, indentSeq: false, aliasDuplicateObjects: false }).trimEnd(),
  );
  return ok(yaml.join('\n---\n'));
}
