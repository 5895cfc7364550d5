import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { goJson, goYaml } from './printers/go-yaml.ts';
import { printObjects, sortKeys } from './printers/objects.ts';

/**
 * `-o yaml|json` after create/apply: what the server returned, or with `--dry-run=client` the
 * object kubectl would have sent (the manifest with its namespace filled in). Several objects
 * print one after another, YAML documents separated by `---`, as kubectl's printers do.
 */
export type Printed = { json: unknown } | { object: Pod | Namespace };

/** `-o`, checked before anything is sent, as kubectl builds its printer first. */
export function outputOf(output: string | undefined): Result<string | undefined, KubectlError> {
  if (output === undefined || ['', 'name', 'yaml', 'json'].includes(output)) return ok(output);
  return err(kubectlError('plain', { message: formatsError(output) }));
}

export function printedOutput(
  items: readonly Printed[],
  output: string | undefined,
  cluster: Cluster,
): Result<string | null, KubectlError> {
  if (output === undefined || output === '' || output === 'name') return ok(null);
  if (output !== 'yaml' && output !== 'json')
    return err(kubectlError('plain', { message: formatsError(output) }));
  const docs = items.map((item) => {
    // What the server returned prints exactly as `get -o yaml|json` prints it.
    if ('object' in item) return printObjects([item.object], output, cluster);
    const sorted = sortKeys(item.json);
    return output === 'json' ? goJson(sorted) : goYaml(sorted).trimEnd();
  });
  return ok(docs.join(output === 'json' ? '\n' : '\n---\n'));
}

/** create and apply print objects but not tables, so `wide` and custom columns are not offered. */
const formatsError = (format: string) =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`;
