import { LIMITS } from '../cluster/limits.ts';
import { jsonValues } from '../go/json.ts';
import {
  getKey,
  goJson,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  kindOf,
  stringAt,
} from '../go/json-value.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import type { ManifestFile } from './manifest-source.ts';
import { type StreamItem, yamlValues } from './manifest-yaml.ts';

/**
 * What kubectl makes of one manifest file before it talks to the server (cli-runtime
 * StreamVisitor): the documents in order, each checked for `apiVersion` and `kind`, lists
 * flattened into their items. A parse or validation error ends the file there; the objects
 * before it are still created, exactly as kubectl does.
 */
export interface ManifestObject {
  source: string;
  /** The object as submitted, JSON data. */
  raw: JsonObject;
  apiVersion: string;
  kind: string;
  /** `metadata.name`/`metadata.namespace` as written ('' when absent), for messages. */
  name: string;
  namespace: string;
}

export interface ManifestRead {
  objects: ManifestObject[];
  /** The error that ended the file, if any. */
  error: KubectlError | null;
}

export function readManifest(file: ManifestFile): ManifestRead {
  const size = Buffer.byteLength(file.content);
  if (size > LIMITS.manifestBytes) {
    const message = `error reading ${file.source}: the manifest is ${size} bytes; this sandbox accepts at most ${LIMITS.manifestBytes} bytes per manifest`;
    return { objects: [], error: kubectlError('plain', { message }) };
  }
  const objects: ManifestObject[] = [];
  for (const item of streamOf(file.content)) {
    if ('error' in item)
      return { objects, error: kubectlError('parseManifest', { source: file.source, message: item.error }) };
    const checked = validateDocument(item.value);
    if (checked !== null)
      return { objects, error: kubectlError('validateManifest', { source: file.source, message: checked }) };
    const found = flatten(item.value as JsonObject, file.source);
    if ('error' in found) return { objects, error: found.error };
    objects.push(...found.objects);
  }
  return { objects, error: null };
}

/** Only the parse step, for `/file save`: the error as kubectl would print it, or null. */
export function manifestParseError(file: ManifestFile): string | null {
  for (const item of streamOf(file.content))
    if ('error' in item) return `error: error parsing ${file.source}: ${item.error}`;
  return null;
}

/** kubectl's YAMLOrJSONDecoder: JSON if the first non-space character is `{`, else YAML. */
function streamOf(content: string): Iterable<StreamItem> {
  const text = content.replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('{') ? jsonValues(text) : yamlValues(text);
}

/** kubectl's schema pre-check (validation.getObjectKind), which runs even when the server validates. */
function validateDocument(value: JsonValue): string | null {
  if (!isJsonObject(value)) return 'invalid object to validate';
  const problems: string[] = [];
  const apiVersion = getKey(value, 'apiVersion');
  if (apiVersion === undefined || apiVersion === null) problems.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') problems.push("apiVersion isn't string type");
  else if (apiVersion.split('/').length > 2) problems.push(`unexpected GroupVersion string: ${apiVersion}`);
  const kind = getKey(value, 'kind');
  if (kind === undefined || kind === null) problems.push('kind not set');
  else if (typeof kind !== 'string') problems.push("kind isn't string type");
  if (problems.length === 0) return null;
  return problems.length === 1 ? (problems[0] ?? '') : `[${problems.join(', ')}]`;
}

type Flattened = { objects: ManifestObject[] } | { error: KubectlError };

/** A `kind: List` (or PodList, ...) stands for its items, as kubectl's FlattenListVisitor makes it. */
function flatten(value: JsonObject, source: string): Flattened {
  const kind = stringAt(value, 'kind');
  const items = getKey(value, 'items');
  if (!kind.endsWith('List') || !Array.isArray(items)) return objectOf(value, source);
  const objects: ManifestObject[] = [];
  for (const item of items) {
    if (!isJsonObject(item) || stringAt(item, 'kind') === '') return missingKind(item, source);
    const found = flatten(item, source);
    if ('error' in found) return found;
    objects.push(...found.objects);
  }
  return { objects };
}

function objectOf(value: JsonObject, source: string): Flattened {
  const kind = stringAt(value, 'kind');
  if (kind === '') return missingKind(value, source);
  const metaError = metadataTypeError(value);
  if (metaError !== null)
    return { error: kubectlError('plain', { message: `unable to decode "${source}": ${metaError}` }) };
  return {
    objects: [
      {
        source,
        raw: value,
        apiVersion: stringAt(value, 'apiVersion'),
        kind,
        name: stringAt(value, 'metadata', 'name'),
        namespace: stringAt(value, 'metadata', 'namespace'),
      },
    ],
  };
}

/**
 * kubectl decodes every object's ObjectMeta before anything is sent: a name or a label value that
 * YAML read as something else (`name: yes`, `version: 2`) fails on the client, in encoding/json's
 * words: the first in the JSON kubectl made of the YAML, whose keys are sorted (encoding/json
 * reports the first type error it met).
 */
const META_STRINGS: ReadonlySet<string> = new Set([
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
]);
const META_MAPS: ReadonlySet<string> = new Set(['labels', 'annotations']);

function metadataTypeError(value: JsonObject): string | null {
  const metadata = getKey(value, 'metadata');
  if (!isJsonObject(metadata)) return null;
  const at = (field: string, type: string, v: JsonValue) =>
    `json: cannot unmarshal ${kindOf(v)} into Go struct field ObjectMeta.metadata.${field} of type ${type}`;
  for (const [field, v] of Object.entries(metadata)) {
    if (v === null) continue;
    if (META_STRINGS.has(field) && typeof v !== 'string') return at(field, 'string', v);
    if (!META_MAPS.has(field)) continue;
    if (!isJsonObject(v)) return at(field, 'map[string]string', v);
    for (const item of Object.values(v))
      if (item !== null && typeof item !== 'string') return at(field, 'string', item);
  }
  return null;
}

function missingKind(value: JsonValue, source: string): Flattened {
  const json = goJson(value);
  return {
    error: kubectlError('plain', {
      message: `unable to decode "${source}": Object 'Kind' is missing in '${json}'`,
    }),
  };
}
