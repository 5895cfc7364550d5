import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The server side of RFC 6455, as much as kubectl's exec and port-forward use: the handshake
 * with one subprotocol, masked client frames (fragments joined), unmasked binary frames out,
 * PING answered with PONG, and CLOSE. A frame or message over `maxMessage` bytes closes the
 * connection (1009), as does anything malformed (1002); nothing here can grow without bound.
 */
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export type Opcode = 0x0 | 0x1 | 0x2 | 0x8 | 0x9 | 0xa;

export interface WebSocketPeer {
  /** One binary message. */
  send(payload: Buffer): void;
  /** A CLOSE frame with `code`, then the end of the socket. */
  close(code?: number): void;
}

/** Answers the upgrade with 101 and the chosen subprotocol; false when the request is not one. */
export function acceptUpgrade(req: IncomingMessage, socket: Duplex, protocol: string): boolean {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || key.length > 64 || req.headers['sec-websocket-version'] !== '13')
    return false;
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  return true;
}

/** The subprotocols a client offers, in its order. */
export const offeredProtocols = (req: IncomingMessage): string[] =>
  String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

export function frame(opcode: Opcode, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(length)]);
  return Buffer.concat([head, payload]);
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/**
 * Reads client frames from the socket and hands each whole binary or text message to
 * `onMessage`; `onEnd` runs once, when the peer closes or the connection fails.
 */
export function serveWebSocket(
  socket: Duplex,
  maxMessage: number,
  onMessage: (payload: Buffer, peer: WebSocketPeer) => void,
  onEnd: () => void,
): WebSocketPeer {
  let buffered = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let fragmentBytes = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const peer: WebSocketPeer = {
    send: (payload) => {
      if (!ended && socket.writable) socket.write(frame(0x2, payload));
    },
    close: (code = 1000) => {
      if (socket.writable) {
        const body = Buffer.alloc(2);
        body.writeUInt16BE(code);
        socket.end(frame(0x8, body));
      }
      end();
    },
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const parsed = readFrame(buffered, maxMessage);
      if (parsed === 'incomplete') return;
      if (parsed === 'tooBig' || parsed === 'bad') {
        peer.close(parsed === 'tooBig' ? 1009 : 1002);
        return;
      }
      buffered = buffered.subarray(parsed.size);
      const { fin, opcode, payload } = parsed;
      if (opcode === 0x8) {
        peer.close(1000);
        return;
      }
      if (opcode === 0x9) {
        if (socket.writable) socket.write(frame(0xa, payload));
        continue;
      }
      if (opcode === 0xa) continue;
      fragmentBytes += payload.length;
      if (fragmentBytes > maxMessage) {
        peer.close(1009);
        return;
      }
      fragments.push(payload);
      if (!fin) continue;
      const message = Buffer.concat(fragments);
      fragments = [];
      fragmentBytes = 0;
      onMessage(message, peer);
    }
  });
  socket.on('error', end);
  socket.on('close', end);
  return peer;
}

type Read = { fin: boolean; opcode: number; payload: Buffer; size: number } | 'incomplete' | 'tooBig' | 'bad';

function readFrame(data: Buffer, max: number): Read {
  if (data.length < 2) return 'incomplete';
  const first = data[0] ?? 0;
  const second = data[1] ?? 0;
  const opcode = first & 0x0f;
  if (![0x0, 0x1, 0x2, 0x8, 0x9, 0xa].includes(opcode) || (second & 0x80) === 0) return 'bad';
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return 'incomplete';
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return 'incomplete';
    const big = data.readBigUInt64BE(2);
    if (big > BigInt(max)) return 'tooBig';
    length = Number(big);
    offset = 10;
  }
  if (length > max) return 'tooBig';
  if (data.length < offset + 4 + length) return 'incomplete';
  const mask = data.subarray(offset, offset + 4);
  const payload = Buffer.from(data.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { fin: (first & 0x80) !== 0, opcode, payload, size: offset + 4 + length };
}
