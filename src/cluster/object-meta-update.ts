import { err, ok, type Result } from '../result.ts';
import type { Labels } from './model.ts';
import { isRecord } from './quantity.ts';
import { badRequest, type Status } from './status.ts';

/**
 * The metadata an update may change (labels and annotations), read from the object the update
 * leaves, as the server decodes it: a name that is not the URL's is refused, and a label map
 * that is not of strings is a decoding error.
 */
export interface UpdatedMeta {
  labels: Labels;
  annotations: Labels;
}

export function updatedMetaOf(next: Record<string, unknown>, name: string): Result<UpdatedMeta, Status> {
  const meta = next.metadata ?? {};
  if (!isRecord(meta)) return err(badRequest('metadata must be an object'));
  if (meta.name !== undefined && meta.name !== name)
    return err(
      badRequest(
        `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
      ),
    );
  const labels = stringMap(meta.labels, 'labels');
  if (!labels.ok) return labels;
  const annotations = stringMap(meta.annotations, 'annotations');
  if (!annotations.ok) return annotations;
  return ok({ labels: labels.value, annotations: annotations.value });
}

function stringMap(value: unknown, field: string): Result<Labels, Status> {
  if (value === undefined || value === null) return ok({});
  if (typeof value !== 'object' || Array.isArray(value))
    return err(
      badRequest(
        `json: cannot unmarshal ${kindOf(value)} into Go struct field ObjectMeta.metadata.${field} of type map[string]string`,
      ),
    );
  const out: Labels = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      return err(
        badRequest(
          `json: cannot unmarshal ${kindOf(v)} into Go struct field ObjectMeta.metadata.${field} of type string`,
        ),
      );
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return ok(out);
}

const kindOf = (v: unknown) =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;

/** Whether two label (or annotation) maps say the same, in any key order. */
export function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}
