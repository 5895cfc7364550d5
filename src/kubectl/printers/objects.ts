import { apiObject, isKeptObject, isKeptPart } from '../../cluster/api-object.ts';
import type { Cluster } from '../../cluster/model.ts';
import type { JsonValue } from '../../go/values.ts';
import type { AnyObject } from '../query.ts';
import { goJson, goYaml, goYamlUnended } from './go-yaml.ts';

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
  const single = singleItemImplied && items.length === 1 ? items[0] : undefined;
  const document = single ?? { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  // Both printers sort every map's keys themselves (goJson as encoding/json, goYaml naturally).
  if (format === 'json') return goJson(document);
  if (single !== undefined) return singleYaml(single);
  if (items.length === 0) return goYaml(document).trimEnd();
  return listYaml(items).trimEnd();
}

/** `get po NAME -o yaml`'s text, kept with a kept pod object, as a List's items are. */
const singleTexts = new WeakMap<object, string>();

function singleYaml(item: object): string {
  const known = singleTexts.get(item);
  if (known !== undefined) return known;
  const text = goYamlUnended(item, isKeptPart).trimEnd();
  if (isKeptObject(item)) singleTexts.set(item, text);
  return text;
}

/** The object, or the List of them, as the API returns it, keys sorted: what the template printers walk. */
export function documentOf(
  objects: readonly AnyObject[],
  cluster: Cluster,
  singleItemImplied = objects.length === 1,
): JsonValue {
  const items = objects.map((o) => apiObject(o, cluster));
  const single = singleItemImplied && items.length === 1 ? items[0] : undefined;
  return sortKeys(
    single ?? { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } },
  ) as JsonValue;
}

/**
 * goYaml of a List, put together from each item's text: an item that is the same object as last
 * time (apiObject keeps a pod's object while its status and the cluster around it stay the same)
 * is not written again. The pieces join as the emitter's own line breaks do: a piece starts with
 * one, left out after a piece that already ended with one (a `|` block).
 */
function listYaml(items: readonly object[]): string {
  const pieces = [
    'apiVersion: v1\nitems:',
    ...items.map(itemYaml),
    '\nkind: List\nmetadata:\n  resourceVersion: ""',
  ];
  let text = '';
  // Only the pieces are looked at: looking at the growing text would flatten it again and again.
  let broken = false;
  for (const piece of pieces) {
    text += broken && piece.startsWith('\n') ? piece.slice(1) : piece;
    broken = piece.endsWith('\n');
  }
  return text;
}

/** Items' texts, for kept pod objects only, up to a total size. */
const itemTexts = new Map<object, string>();
let itemTextsBytes = 0;
const ITEM_TEXTS_LIMIT = 8 * 1024 * 1024;

function itemYaml(item: object): string {
  const known = itemTexts.get(item);
  if (known !== undefined) return known;
  // The text after `items:`: a sequence with this one item.
  const text = goYamlUnended({ items: [item] }, isKeptPart).slice('items:'.length);
  if (!isKeptObject(item) || text.length > ITEM_TEXTS_LIMIT / 64) return text;
  for (const [oldest, old] of itemTexts) {
    if (itemTextsBytes + text.length <= ITEM_TEXTS_LIMIT) break;
    itemTexts.delete(oldest);
    itemTextsBytes -= old.length;
  }
  itemTexts.set(item, text);
  itemTextsBytes += text.length;
  return text;
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
