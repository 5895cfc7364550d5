import { apiObject } from '../../cluster/api-object.ts';
import type { Cluster } from '../../cluster/model.ts';
import type { AnyObject } from '../query.ts';
import { goJson, goYaml } from './go-yaml.ts';

/** `-o yaml|json|name`: objects as the API returns them, keys sorted as kubectl prints them. */
export type ObjectFormat = 'yaml' | 'json' | 'name';

export const isObjectFormat = (format: string): format is ObjectFormat =>
  ['yaml', 'json', 'name'].includes(format);

export const OUTPUT_FORMATS_ERROR = (format: string) =>
  `unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`;

/**
 * `singleItemImplied`: kubectl prints a bare object only when the command named exactly one
 * (`get po kubia`); a list request (`get po`, `-l`) prints a List even for one or zero items.
 * Without it, one object is printed bare.
 */
export function printObjects(
  objects: readonly AnyObject[],
  format: ObjectFormat,
  cluster: Cluster,
  singleItemImplied = objects.length === 1,
): string {
  if (format === 'name') return objects.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`).join('\n');
  const items = objects.map((o) => apiObject(o, cluster));
  const document =
    singleItemImplied && items.length === 1 && items[0] !== undefined
      ? items[0]
      : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  const sorted = sortKeys(document);
  if (format === 'json') return goJson(sorted);
  return goYaml(sorted).trimEnd();
}

/** kubectl prints unstructured maps, whose keys come out sorted at every level. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
