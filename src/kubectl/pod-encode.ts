import {
  getKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  setKey,
} from '../go/json-value.ts';
import { compareGoStrings } from '../go/strings.ts';
import { type GoType, POD } from './manifest-schema.ts';

/**
 * A decoded Pod as Go's encoding/json writes the typed corev1.Pod back: fields in struct order
 * (TypeMeta's kind before apiVersion), map keys sorted, and the fields Go writes even when empty:
 * those without omitempty (a container's `name`, a port's `containerPort`, the spec's
 * `containers`, null when there are none) and the struct-valued ones omitempty cannot drop
 * (`metadata`, `spec`, `status`, `resources: {}`, `creationTimestamp: null`).
 */
const ALWAYS: Readonly<Record<string, Readonly<Record<string, JsonValue>>>> = {
  Pod: { metadata: {}, spec: {}, status: {} },
  ObjectMeta: { creationTimestamp: null },
  PodSpec: { containers: null },
  Container: { name: '', resources: {} },
  ContainerPort: { containerPort: 0 },
  EnvVar: { name: '' },
};

export const encodePod = (pod: JsonObject): JsonObject => encode(pod, POD) as JsonObject;

function encode(value: JsonValue, type: GoType): JsonValue {
  if (type.t === 'map' && isJsonObject(value))
    return jsonObject(
      Object.keys(value)
        .sort(compareGoStrings)
        .map((k) => [k, value[k] ?? ''] as const),
    );
  if (type.t === 'slice' && Array.isArray(value)) return value.map((v) => encode(v, type.of));
  if (type.t !== 'struct' || !isJsonObject(value)) return value;
  const out = jsonObject();
  const always = ALWAYS[type.name] ?? {};
  const names = Object.keys(type.fields);
  // TypeMeta's fields are kind, then apiVersion.
  const order =
    type.name === 'Pod'
      ? ['kind', 'apiVersion', ...names.filter((n) => n !== 'kind' && n !== 'apiVersion')]
      : names;
  for (const name of order) {
    const field = type.fields[name];
    const own = getKey(value, name);
    const empty = Object.hasOwn(always, name)
      ? (JSON.parse(JSON.stringify(always[name])) as JsonValue)
      : undefined;
    const written = own ?? empty;
    if (field !== undefined && written !== undefined) setKey(out, name, encode(written, field));
  }
  return out;
}
