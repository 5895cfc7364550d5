import { LIMITS } from '../cluster/limits.ts';
import { type PatchType, patchedJson } from '../cluster/object-patch.ts';
import { jsonDocument } from '../go/json.ts';
import { applyJsonPatch, decodeJsonPatch } from '../go/json-patch.ts';
import { isJsonObject, type JsonObject } from '../go/json-value.ts';
import { err, ok, type Result } from '../result.ts';

type Json = Record<string, unknown>;

/**
 * `kubectl patch --local` and `--dry-run=client` (patch.go getPatchedJSON): the patch applied on
 * the client by the libraries the server uses, their errors printed as they come (`error: ...`).
 * A JSON patch's is the library's own, but for the one kubectl rewords: "doc is missing key"
 * becomes `Object to be patched is missing field (...)`, cut after the first `key:` as it cuts it.
 * A strategic merge patch that does not unmarshal into a map (bad JSON, a list, a string) is
 * strategicpatch's handleUnmarshal's ErrBadJSONDoc, and `null` patches nothing. The patched JSON
 * is then decoded as unstructured, which refuses a list.
 */
export function locallyPatched(before: Json, type: PatchType, body: string): Result<Json, string> {
  const parsed = jsonDocument(body);
  if (type === 'strategic') {
    if (!parsed.ok || (parsed.value !== null && !isJsonObject(parsed.value)))
      return err('invalid JSON document');
    if (parsed.value === null) return ok(structuredClone(before));
  }
  if (type !== 'json') {
    const next = patchedJson(before, type, body);
    return next.ok ? next : err(next.error.message);
  }
  if (!parsed.ok) return parsed;
  const ops = decodeJsonPatch(parsed.value);
  if (!ops.ok) return ops;
  const doc = structuredClone(before) as JsonObject;
  const applied = applyJsonPatch(doc, ops.value, LIMITS.clientJsonPatchCopyBytes);
  if (!applied.ok) return err(missingField(applied.error));
  if (Array.isArray(applied.value.doc))
    return err('json: cannot unmarshal array into Go value of type unstructured.detector');
  return ok(applied.value.doc as Json);
}

function missingField(message: string): string {
  if (!message.includes('doc is missing key')) return message;
  return `Object to be patched is missing field (${message.slice(message.indexOf('key:') + 5)})`;
}
