import { LIMITS } from '../cluster/limits.ts';
import { API_RESOURCES, groupVersion } from '../cluster/openapi/discovery.ts';
import { strategicMergePatch } from '../cluster/patch.ts';
import { jsonDocument } from '../go/json.ts';
import { applyJsonPatch, decodeJsonPatch } from '../go/json-patch.ts';
import {
  getKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  kindOf,
  setKey,
} from '../go/json-value.ts';
import { compareGoStrings } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { decodeStrict } from './manifest-decode.ts';
import { POD } from './manifest-schema.ts';
import { encodePod } from './pod-encode.ts';
import { goJsonInOrder } from './printers/go-yaml.ts';

/**
 * `kubectl run --overrides=JSON [--override-type=merge|json|strategic]` (KC 1.33
 * cmdutil.Overrider.Apply): the generated Pod, encoded as JSON, is patched (merge by default,
 * evanphx/json-patch v4 for merge and json, apimachinery's strategic merge for strategic), then
 * decoded again by the client's scheme: the kind and version must name a registered type, a
 * field of the wrong type fails, unknown fields are dropped, and the Pod is what Go's encoder
 * makes of it (`resources: {}`, `creationTimestamp: null` and all). Every message is kubectl's.
 */
export interface Overrides {
  text: string;
  /** `--override-type`; '' is the default, merge. */
  type: string;
  /** `-n` under `--dry-run=client`: kubectl sets it on the decoded object (EnforceNamespace). */
  namespace: string | undefined;
}

export function applyOverrides(pod: JsonObject, overrides: Overrides): Result<JsonObject, KubectlError> {
  if (overrides.text === '') return ok(pod);
  const type = overrides.type === '' ? 'merge' : overrides.type;
  if (type !== 'merge' && type !== 'json' && type !== 'strategic')
    return fail(`invalid override type: ${overrides.type}`);
  const size = Buffer.byteLength(overrides.text);
  if (size > LIMITS.manifestBytes)
    return fail(
      `--overrides is ${size} bytes; this sandbox accepts at most ${LIMITS.manifestBytes} bytes of JSON`,
    );
  const patched = patchedDocument(pod, jsonDocument(overrides.text), type);
  if (!patched.ok) return fail(patched.error);
  return decodePod(patched.value, overrides.namespace);
}

const fail = (message: string) => err(kubectlError('plain', { message }));

/** What the patch makes of the Pod's JSON, its objects' keys in the order the library writes them. */
function patchedDocument(
  pod: JsonObject,
  patch: Result<JsonValue, string>,
  type: 'merge' | 'json' | 'strategic',
): Result<JsonValue, string> {
  const target = copyOf(pod) as JsonObject;
  if (type === 'json') {
    if (!patch.ok) return patch;
    const ops = decodeJsonPatch(patch.value);
    if (!ops.ok) return ops;
    const applied = applyJsonPatch(target, ops.value, LIMITS.clientJsonPatchCopyBytes);
    if (!applied.ok) return applied;
    const { doc, sorted } = applied.value;
    return ok(inOrder(doc, (o) => o === doc || sorted.has(o)));
  }
  if (type === 'strategic') {
    // handleUnmarshal: anything but an object (or null, no patch) is a bad document.
    if (!patch.ok || (patch.value !== null && !isJsonObject(patch.value)))
      return err('invalid JSON document');
    if (patch.value === null) return ok(inOrder(target, () => true));
    const merged = strategicMergePatch(target, patch.value);
    if (!merged.ok) return merged;
    return ok(inOrder(merged.value as JsonValue, () => true));
  }
  // MergePatch: a syntax error, null or a scalar is a bad patch; an array replaces the document.
  if (!patch.ok || patch.value === null) return err('Invalid JSON Patch');
  if (Array.isArray(patch.value)) return ok(pruned(patch.value));
  if (!isJsonObject(patch.value)) return err('Invalid JSON Patch');
  return ok(mergeDocs(target, patch.value));
}

/**
 * RFC 7386 as evanphx/json-patch v4 merges: null deletes, an object merges into an object,
 * anything else replaces. Merged objects and values taken from the patch are written with
 * sorted keys and without their null members; a non-object replacing an object stays as written.
 */
function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  const out = jsonObject(Object.entries(doc));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = getKey(out, key);
    setKey(out, key, current === undefined || current === null ? pruned(value) : merge(current, value));
  }
  return sortedObject(out);
}

function merge(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(current)) return pruned(patch);
  if (!isJsonObject(patch)) return patch;
  return mergeDocs(current, patch);
}

function pruned(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((v) => (v === null ? null : pruned(v)));
  if (!isJsonObject(value)) return value;
  return sortedObject(
    jsonObject(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, pruned(v)] as const]))),
  );
}

function sortedObject(o: JsonObject): JsonObject {
  return jsonObject(
    Object.keys(o)
      .sort(compareGoStrings)
      .map((k) => [k, o[k] ?? null] as const),
  );
}

/** The value with the objects `sorts` picks key-sorted, the others in their order. */
function inOrder(value: JsonValue, sorts: (o: object) => boolean): JsonValue {
  if (Array.isArray(value)) return value.map((v) => inOrder(v, sorts));
  if (!isJsonObject(value)) return value;
  const keys = Object.keys(value);
  if (sorts(value)) keys.sort(compareGoStrings);
  return jsonObject(keys.map((k) => [k, inOrder(value[k] ?? null, sorts)] as const));
}

const copyOf = (value: JsonValue): JsonValue => inOrder(value, () => false);

const TYPE_META_STRUCT =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * The client scheme's decoding of the patched JSON (json serializer Decode): version and kind
 * first, then the Pod's Go type. Another registered type exists in Kubernetes but not here.
 */
function decodePod(doc: JsonValue, namespace: string | undefined): Result<JsonObject, KubectlError> {
  const parseError = (what: string) => fail(`couldn't get version/kind; json parse error: ${what}`);
  if (!isJsonObject(doc))
    return parseError(`json: cannot unmarshal ${kindOf(doc)} into Go value of type ${TYPE_META_STRUCT}`);
  for (const key of Object.keys(doc)) {
    const value = getKey(doc, key) ?? null;
    if ((key === 'apiVersion' || key === 'kind') && value !== null && typeof value !== 'string')
      return parseError(
        `json: cannot unmarshal ${kindOf(value)} into Go struct field .${key} of type string`,
      );
  }
  const kind = stringOr(getKey(doc, 'kind'));
  const apiVersion = stringOr(getKey(doc, 'apiVersion'));
  if (kind === '') return fail(`Object 'Kind' is missing in '${goJsonInOrder(doc, 0)}'`);
  if (apiVersion === '') return fail(`Object 'apiVersion' is missing in '${goJsonInOrder(doc, 0)}'`);
  if (apiVersion !== 'v1' || kind !== 'Pod') {
    if (API_RESOURCES.some((r) => r.kind === kind && groupVersion(r) === apiVersion))
      return err(kubectlError('unsimulatedKind', { kind, apiVersion }));
    return fail(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/scheme/scheme.go:28"`,
    );
  }
  const decoded = decodeStrict(doc, POD);
  // The client's decoder is not strict: unknown fields are dropped, only a type error fails.
  if (decoded.error !== null && !decoded.error.startsWith('strict decoding error: '))
    return fail(decoded.error);
  const metadata = getKey(decoded.value, 'metadata');
  if (namespace !== undefined && isJsonObject(metadata)) setKey(metadata, 'namespace', namespace);
  if (namespace !== undefined && !isJsonObject(metadata)) setKey(decoded.value, 'metadata', { namespace });
  return ok(encodePod(decoded.value));
}

const stringOr = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
