import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The door's TLS: kubectl sends its bearer token only over TLS, so Podium serves it itself, with
 * a certificate authority made on first start and kept beside the database (`api-ca.crt`,
 * `api-ca.key`), and a server certificate it signs for localhost, 127.0.0.1, ::1 and the host
 * of `PODIUM_API_URL`. Members' kubeconfigs carry the CA, so kubectl verifies the server.
 * The server certificate is remade when the host it must name changes.
 */
export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * selfsigned (and the X.509 library under it) is loaded only when a certificate is made: it
 * takes longer to load than the rest of a start, and the command workers that import this
 * module's callers never make one. It is a CommonJS module: Node's own import gives its exports
 * as named ones and as `default`, the build's chunk (esbuild) only as `default`, so it is read
 * from `default` where there is one.
 */
type Selfsigned = typeof import('selfsigned');
const generate: Selfsigned['generate'] = async (...args) => {
  const loaded = (await import('selfsigned')) as Selfsigned & { default?: Selfsigned };
  return (loaded.default ?? loaded).generate(...args);
};

export async function loadOrCreateTls(dir: string, hosts: readonly string[]): Promise<TlsFiles> {
  mkdirSync(dir, { recursive: true });
  const path = (name: string) => join(dir, name);
  const ca = existsSync(path('api-ca.crt'))
    ? { cert: readFileSync(path('api-ca.crt'), 'utf8'), key: readFileSync(path('api-ca.key'), 'utf8') }
    : await createCa(path);
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])].sort();
  const stamp = names.join(',');
  const current = existsSync(path('api-server.names')) ? readFileSync(path('api-server.names'), 'utf8') : '';
  if (current === stamp && existsSync(path('api-server.crt')))
    return {
      ca: ca.cert,
      cert: readFileSync(path('api-server.crt'), 'utf8'),
      key: readFileSync(path('api-server.key'), 'utf8'),
    };
  const now = new Date();
  const server = await generate([{ name: 'commonName', value: 'podium-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map(altName) },
    ],
  });
  writeFileSync(path('api-server.crt'), server.cert);
  writeFileSync(path('api-server.key'), server.private, { mode: 0o600 });
  writeFileSync(path('api-server.names'), stamp);
  return { ca: ca.cert, cert: server.cert, key: server.private };
}

async function createCa(path: (name: string) => string) {
  const now = new Date();
  const made = await generate([{ name: 'commonName', value: 'podium-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  writeFileSync(path('api-ca.crt'), made.cert);
  writeFileSync(path('api-ca.key'), made.private, { mode: 0o600 });
  return { cert: made.cert, key: made.private };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function altName(name: string): { type: 2; value: string } | { type: 7; ip: string } {
  return IPV4.test(name) || name.includes(':') ? { type: 7, ip: name } : { type: 2, value: name };
}
