import {
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  kindOf,
  setKey,
} from '../go/json-value.ts';
import { type GoType, goTypeName } from './manifest-schema.ts';

/**
 * The API server's strict decoding of a request body into its Go type (sigs.k8s.io/json), which
 * is where a misspelled field or a quoted number fails:
 *   json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32
 *   strict decoding error: unknown field "spec.containers[0].commnd", unknown field "spec.foo"
 * As in Go, the first type error wins over unknown fields; the struct named is the innermost
 * one, the field path has no indices or map keys; unknown fields carry the full path.
 */
export interface Decoded {
  /** The known fields, nulls dropped: what the Go struct would hold. */
  value: JsonObject;
  error: string | null;
}

interface Walk {
  typeError: string | null;
  unknown: string[];
}

interface Place {
  struct: string;
  fields: readonly string[];
  /** The strict-decoding path, with indices: spec.containers[0].name */
  path: string;
}

export function decodeStrict(raw: JsonObject, type: GoType & { t: 'struct' }): Decoded {
  const walk: Walk = { typeError: null, unknown: [] };
  const value = decode(raw, type, { struct: type.name, fields: [], path: '' }, walk);
  const error =
    walk.typeError ??
    (walk.unknown.length > 0
      ? `strict decoding error: ${walk.unknown.map((p) => `unknown field "${p}"`).join(', ')}`
      : null);
  return { value: isJsonObject(value) ? value : jsonObject(), error };
}

/** Returns the decoded value, or undefined when the field is absent, null or of the wrong type. */
function decode(value: JsonValue, type: GoType, at: Place, walk: Walk): JsonValue | undefined {
  if (value === null) return undefined;
  const mismatch = (what = kindOf(value)) => {
    walk.typeError ??=
      at.fields.length === 0
        ? `json: cannot unmarshal ${what} into Go value of type ${goTypeName(type)}`
        : `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.fields.join('.')} of type ${goTypeName(type)}`;
    return undefined;
  };
  switch (type.t) {
    case 'string':
      return typeof value === 'string' ? value : mismatch();
    case 'bool':
      return typeof value === 'boolean' ? value : mismatch();
    case 'int': {
      if (typeof value !== 'number') return mismatch();
      const limit = type.go === 'int32' ? 2 ** 31 : 2 ** 63;
      return Number.isInteger(value) && value >= -limit && value < limit
        ? value
        : mismatch(`number ${value}`);
    }
    case 'map':
      return isJsonObject(value) ? decodeMap(value, at, walk) : mismatch();
    case 'slice': {
      if (!Array.isArray(value)) return mismatch();
      return value.map((item, i) => {
        const inner = { ...at, path: `${at.path}[${i}]` };
        if (item === null) return type.of.t === 'struct' ? jsonObject() : zero(type.of);
        return decode(item, type.of, inner, walk) ?? zero(type.of);
      });
    }
    case 'struct':
      return isJsonObject(value) ? decodeStruct(value, type, at, walk) : mismatch();
    case 'opaque': {
      const shape = Array.isArray(value) ? 'array' : isJsonObject(value) ? 'object' : typeof value;
      return shape === type.shape ? value : mismatch();
    }
  }
}

function decodeStruct(value: JsonObject, type: GoType & { t: 'struct' }, at: Place, walk: Walk): JsonObject {
  const out = jsonObject();
  for (const [key, field] of Object.entries(value)) {
    const path = at.path === '' ? key : `${at.path}.${key}`;
    const fieldType = Object.hasOwn(type.fields, key) ? type.fields[key] : undefined;
    if (fieldType === undefined) {
      walk.unknown.push(path);
      continue;
    }
    const decoded = decode(field, fieldType, { struct: type.name, fields: [...at.fields, key], path }, walk);
    if (decoded !== undefined) setKey(out, key, decoded);
  }
  return out;
}

/** map[string]string: a value of another type fails with the map's own struct and field. */
function decodeMap(value: JsonObject, at: Place, walk: Walk): JsonObject {
  const out = jsonObject();
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item !== 'string') {
      walk.typeError ??= `json: cannot unmarshal ${kindOf(item)} into Go struct field ${at.struct}.${at.fields.join('.')} of type string`;
      continue;
    }
    setKey(out, key, item ?? '');
  }
  return out;
}

function zero(type: GoType): JsonValue {
  if (type.t === 'string') return '';
  if (type.t === 'int') return 0;
  if (type.t === 'bool') return false;
  return jsonObject();
}
