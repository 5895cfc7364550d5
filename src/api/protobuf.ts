import { err, ok, type Result } from '../result.ts';
import type { Json } from './types.ts';

/**
 * The two imperative commands that POST protobuf (`kubectl create namespace NAME`, `kubectl
 * create service ...`) send `k8s\0` then a runtime.Unknown:
 *
 *   Unknown    := 1: TypeMeta { 1: apiVersion, 2: kind } | 2: raw (the object) | 3, 4: encodings
 *   object     := 1: ObjectMeta { 1: name, 2: generateName, 3: namespace, 11/12: labels/annotations
 *                   as map entries { 1: key, 2: value } } | 2: spec | 3: status
 *
 * Only what the sandbox keeps is read (kind, name, labels, annotations); everything else is
 * skipped by its wire type. Reads are bounded by the buffer: no field can make the loop longer.
 */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Field = { number: number; bytes?: Buffer; varint?: number };

function fields(data: Buffer): Result<Field[], string> {
  const out: Field[] = [];
  let at = 0;
  const varint = (): number | null => {
    let value = 0;
    let shift = 0;
    while (at < data.length && shift < 49) {
      const byte = data[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
    }
    return null;
  };
  while (at < data.length) {
    const key = varint();
    if (key === null) return err('truncated field key');
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const v = varint();
      if (v === null) return err('truncated varint');
      out.push({ number, varint: v });
    } else if (wire === 2) {
      const length = varint();
      if (length === null || at + length > data.length) return err('truncated bytes');
      out.push({ number, bytes: data.subarray(at, at + length) });
      at += length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else return err(`unsupported wire type ${wire}`);
  }
  return at === data.length ? ok(out) : err('truncated fixed field');
}

const text = (f: Field | undefined) => f?.bytes?.toString('utf8') ?? '';
const first = (list: Field[], n: number) => list.find((f) => f.number === n);

function stringMap(list: Field[], n: number): Result<Record<string, string>, string> {
  const map: Record<string, string> = {};
  for (const entry of list.filter((f) => f.number === n)) {
    const parts = fields(entry.bytes ?? Buffer.alloc(0));
    if (!parts.ok) return parts;
    Object.defineProperty(map, text(first(parts.value, 1)), {
      value: text(first(parts.value, 2)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return ok(map);
}

/** The object as the JSON body it stands for, or why it could not be read. */
export function decodeProtobufObject(body: Buffer): Result<Json, string> {
  if (!body.subarray(0, 4).equals(MAGIC)) return err('the body does not start with the protobuf magic');
  const unknown = fields(body.subarray(4));
  if (!unknown.ok) return unknown;
  const typeMeta = fields(first(unknown.value, 1)?.bytes ?? Buffer.alloc(0));
  const raw = fields(first(unknown.value, 2)?.bytes ?? Buffer.alloc(0));
  if (!typeMeta.ok) return typeMeta;
  if (!raw.ok) return raw;
  const meta = fields(first(raw.value, 1)?.bytes ?? Buffer.alloc(0));
  if (!meta.ok) return meta;
  const labels = stringMap(meta.value, 11);
  const annotations = stringMap(meta.value, 12);
  if (!labels.ok) return labels;
  if (!annotations.ok) return annotations;
  const generateName = text(first(meta.value, 2));
  const namespace = text(first(meta.value, 3));
  return ok({
    apiVersion: text(first(typeMeta.value, 1)),
    kind: text(first(typeMeta.value, 2)),
    metadata: {
      name: text(first(meta.value, 1)),
      ...(generateName === '' ? {} : { generateName }),
      ...(namespace === '' ? {} : { namespace }),
      ...(Object.keys(labels.value).length > 0 ? { labels: labels.value } : {}),
      ...(Object.keys(annotations.value).length > 0 ? { annotations: annotations.value } : {}),
    },
  });
}
