import { constants, inflateSync } from 'node:zlib';

/**
 * SPDY/3.1 as kubectl's port-forward speaks it inside its WebSocket (the frames of
 * draft-mbelshe-httpbis-spdy-00 that it uses). All integers are big-endian.
 *
 *   control frame := 0x80 0x03 | type u16 | flags u8 | length u24 | payload
 *   data frame    := stream-id u32 (top bit 0) | flags u8 | length u24 | payload
 *   SYN_STREAM    := stream-id u32 | associated-id u32 | priority u8 | slot u8 | header block
 *   header block  := zlib (one stream per direction, SPDY/3 dictionary, sync-flushed)
 *                    of: count u32, then count × (name-length u32, name, value-length u32, value)
 */
export const FLAG_FIN = 0x01;
export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const PING = 6;
export const GOAWAY = 7;

const WORDS = [
  ...'options head post put delete trace accept accept-charset accept-encoding accept-language accept-ranges age allow authorization cache-control connection content-base content-encoding content-language content-length content-location content-md5 content-range content-type date etag expect expires from host if-match if-modified-since if-none-match if-range if-unmodified-since last-modified location max-forwards pragma proxy-authenticate proxy-authorization range referer retry-after server te trailer transfer-encoding upgrade user-agent vary via warning www-authenticate method get status'.split(
    ' ',
  ),
  '200 OK',
  'version',
  'HTTP/1.1',
  'url',
  'public',
  'set-cookie',
  'keep-alive',
  'origin',
];
const TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/**
 * The SPDY/3 header dictionary of the specification (§2.6.10.1): each word with its u32 length,
 * then the tail as is; 1423 bytes, Adler-32 e3c6a7c2 (the spec's and kubectl's).
 */
export const SPDY3_DICTIONARY: Buffer = Buffer.concat([
  ...WORDS.map((w) => {
    const b = Buffer.alloc(4 + w.length);
    b.writeUInt32BE(w.length);
    b.write(w, 4, 'latin1');
    return b;
  }),
  Buffer.from(TAIL, 'latin1'),
]);

export type Frame =
  | { kind: 'control'; type: number; flags: number; payload: Buffer }
  | { kind: 'data'; streamId: number; flags: number; payload: Buffer };

/** The next whole frame at the start of `data`, or null until more bytes arrive. */
export function readFrame(data: Buffer, max: number): { frame: Frame; size: number } | null | 'tooBig' {
  if (data.length < 8) return null;
  const length = data.readUIntBE(5, 3);
  if (length > max) return 'tooBig';
  if (data.length < 8 + length) return null;
  const flags = data[4] ?? 0;
  const payload = Buffer.from(data.subarray(8, 8 + length));
  const first = data[0] ?? 0;
  if ((first & 0x80) !== 0)
    return { frame: { kind: 'control', type: data.readUInt16BE(2), flags, payload }, size: 8 + length };
  return {
    frame: { kind: 'data', streamId: data.readUInt32BE(0) & 0x7fffffff, flags, payload },
    size: 8 + length,
  };
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt8(flags, 4);
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

export function dataFrame(streamId: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt8(flags, 4);
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

/**
 * SYN_REPLY with an empty header block. Stored (uncompressed) deflate blocks make the bytes
 * constant: the zlib header with the dictionary's id on the connection's first, then for each
 * a stored block holding count = 0 and a sync flush.
 */
export function synReply(streamId: number, first: boolean): Buffer {
  const zlibHeader = Buffer.from('783fe3c6a7c2', 'hex');
  const block = Buffer.from('000400fbff00000000000000ffff', 'hex');
  const id = Buffer.alloc(4);
  id.writeUInt32BE(streamId);
  return controlFrame(SYN_REPLY, 0, Buffer.concat([id, ...(first ? [zlibHeader] : []), block]));
}

/**
 * One direction's header decompressor. Each block refers back to the earlier ones, so all the
 * compressed bytes so far are inflated again and the new output is what follows the old (blocks
 * are a few dozen bytes and capped in total, so this stays small).
 */
export function headerDecoder(maxCompressed: number) {
  let compressed = Buffer.alloc(0);
  let seen = 0;
  return (block: Buffer): Map<string, string> | null => {
    compressed = Buffer.concat([compressed, block]);
    if (compressed.length > maxCompressed) return null;
    let plain: Buffer;
    try {
      plain = inflateSync(compressed, {
        dictionary: SPDY3_DICTIONARY,
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: 1024 * 1024,
      });
    } catch {
      return null;
    }
    const fresh = plain.subarray(seen);
    seen = plain.length;
    return parseHeaders(fresh);
  };
}

function parseHeaders(data: Buffer): Map<string, string> | null {
  if (data.length < 4) return null;
  const count = data.readUInt32BE(0);
  const headers = new Map<string, string>();
  let at = 4;
  for (let i = 0; i < count && i < 64; i++) {
    if (at + 4 > data.length) return null;
    const nameLength = data.readUInt32BE(at);
    const name = data.subarray(at + 4, at + 4 + nameLength).toString('latin1');
    at += 4 + nameLength;
    if (at + 4 > data.length) return null;
    const valueLength = data.readUInt32BE(at);
    const value = data.subarray(at + 4, at + 4 + valueLength).toString('latin1');
    at += 4 + valueLength;
    if (at > data.length) return null;
    headers.set(name.toLowerCase(), value);
  }
  return headers;
}
