import { request } from 'node:https';
import { connect } from 'node:tls';

/** One raw HTTPS request to the door (the test's own client: any method, path, header or body). */
export interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(
  url: string,
  ca: string,
  options: {
    method?: string;
    path: string;
    token?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${options.path}`,
      {
        method: options.method ?? 'GET',
        ca,
        headers: {
          ...(options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` }),
          ...(options.body === undefined
            ? {}
            : {
                'Content-Type': 'application/json',
                'Content-Length': String(Buffer.byteLength(options.body)),
              }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A raw WebSocket upgrade over TLS: the status line of the answer, then `after` bytes sent. */
export function upgrade(
  url: string,
  ca: string,
  path: string,
  options: { token?: string; protocol: string; after?: Buffer },
): Promise<{ status: string; rest: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), ca, servername: 'localhost' }, () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n` +
          `Sec-WebSocket-Protocol: ${options.protocol}\r\n` +
          (options.token === undefined ? '' : `Authorization: Bearer ${options.token}\r\n`) +
          '\r\n',
      );
    });
    let data = Buffer.alloc(0);
    let sent = false;
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (
        !sent &&
        options.after !== undefined &&
        data.includes('\r\n\r\n') &&
        data.toString('latin1').startsWith('HTTP/1.1 101')
      ) {
        sent = true;
        socket.write(options.after);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const end = data.indexOf('\r\n');
      resolve({ status: data.subarray(0, end).toString('latin1'), rest: data.subarray(end + 2) });
    });
    socket.setTimeout(10_000, () => socket.destroy());
  });
}
