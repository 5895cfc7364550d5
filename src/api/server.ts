import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { App } from '../chat/context.ts';
import { RateLimiter } from '../chat/rate-limit.ts';
import type { Status } from '../cluster/status.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import { discoveryResponse } from './discovery.ts';
import { type KubeletRefusal, startExec } from './exec.ts';
import { handleResource } from './handle.ts';
import { openapiResponse } from './openapi.ts';
import { startPortForward } from './port-forward.ts';
import { queryOf } from './read.ts';
import { routeOf } from './route.ts';
import { inSandbox, type SandboxRunner } from './sandbox-run.ts';
import {
  type DoorStatus,
  doorStatus,
  forbiddenVerb,
  NO_SUCH_PATH,
  statusResponse,
  UNAUTHORIZED,
} from './status.ts';
import type { TlsFiles } from './tls.ts';
import { ApiTokenStore, hashToken } from './tokens.ts';
import type { ApiRequest, ApiResponse } from './types.ts';
import { followLog, STREAM_LIMITS, type StreamLimits, watchStream } from './watch.ts';

/**
 * The second door onto the sandboxes: the Kubernetes REST API over HTTPS, for a member's own
 * kubectl. It only reads the request, authenticates the bearer token, picks the sandbox and
 * writes the answer; every decision about objects is the API layer's (handle.ts) over the
 * cluster's rules, in the store's transaction (sandbox-run.ts), as chat's are.
 *
 *   /shared/USERNAME/...   a teammate's shared sandbox, read-only (a context of its own)
 *   /...                   the token owner's own sandbox
 */
export interface ApiServerOptions {
  port: number;
  host: string;
  /** null: plain HTTP, only behind a TLS-terminating proxy that passes `Authorization` on. */
  tls: TlsFiles | null;
  budgetMs: number;
  /** After a request changed a member's sandbox (the worker pool drops its cached copy). */
  onWrite?: (key: SandboxKey) => void;
  /** Request body cap in bytes. */
  maxBody?: number;
  streams?: StreamLimits;
  /** Streams (watch, logs -f) one token may hold open at once. */
  streamsPerToken?: number;
  rate?: { burst: number; refillMs: number };
}

export interface ApiServer {
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;

interface Caller {
  tokenHash: string;
  key: SandboxKey;
  /** The name RBAC would say: the member's username. */
  user: string;
  readOnly: boolean;
}

export async function startApiServer(app: App, options: ApiServerOptions): Promise<ApiServer> {
  const tokens = new ApiTokenStore(app.db);
  const limiter = new RateLimiter({
    burst: options.rate?.burst ?? 100,
    refillMs: options.rate?.refillMs ?? 50,
    costStepMs: 1_000_000,
    stoppedDebt: 0,
  });
  const open = new Map<string, number>();
  const limits = options.streams ?? STREAM_LIMITS;
  const perToken = options.streamsPerToken ?? 4;
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const runIn: SandboxRunner = (key, work) => inSandbox(app, key, options.budgetMs, work, options.onWrite);

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const answer = (response: ApiResponse) => {
      send(res, response);
      app.log.debug(
        {
          method: req.method,
          path: pathOnly(req.url),
          status: response.status,
          ms: Math.round(performance.now() - started),
        },
        'api',
      );
    };
    readBody(req, maxBody)
      .then((body) => {
        if (body === null) {
          answer(
            statusResponse(
              doorStatus('RequestEntityTooLarge', `the request body is larger than ${maxBody} bytes`),
            ),
          );
          return;
        }
        const request = requestOf(req, body);
        if (request === null) {
          answer(statusResponse(doorStatus('BadRequest', 'the request path could not be read')));
          return;
        }
        route(request, req, res, answer);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error, path: pathOnly(req.url) }, 'api request failed');
        if (!res.headersSent)
          answer(statusResponse(doorStatus('InternalError', 'Internal error occurred: the request failed')));
        else res.destroy();
      });
  };

  const route = (
    request: ApiRequest,
    req: IncomingMessage,
    res: ServerResponse,
    answer: (r: ApiResponse) => void,
  ) => {
    const path = request.path;
    if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      answer({ status: 200, contentType: 'text/plain', body: 'ok' });
      return;
    }
    const caller = authenticate(app, tokens, req.headers.authorization, request.path);
    if (caller === 'unauthorized') {
      answer(statusResponse(UNAUTHORIZED()));
      return;
    }
    const { rest } = splitShared(path);
    if (caller === 'notShared') {
      answer(
        statusResponse(
          doorStatus('Forbidden', `this sandbox is not shared with you: ${sharedName(path) ?? ''}`, {}),
        ),
      );
      return;
    }
    const wait = limiter.take(caller.tokenHash, Date.now());
    if (wait > 0) {
      answer({
        ...statusResponse(doorStatus('TooManyRequests', 'too many requests, please try again later')),
        retryAfter: Math.ceil(wait / 1000),
      } as ApiResponse);
      return;
    }
    const fixed =
      rest === '/version' || rest.startsWith('/api') || rest.startsWith('/openapi')
        ? (discoveryResponse(rest, request.accept) ?? openapiResponse(rest))
        : null;
    if (fixed !== null) {
      answer(fixed);
      return;
    }
    const routed = routeOf(rest);
    if (routed.kind === 'none') {
      answer(statusResponse(NO_SUCH_PATH()));
      return;
    }
    const r = routed.route;
    if (caller.readOnly && request.method !== 'GET') {
      const verb = VERBS[request.method] ?? request.method.toLowerCase();
      answer(statusResponse(forbiddenVerb(caller.user, verb, r.resource.name, r.name, r.namespace)));
      return;
    }
    const streaming =
      request.method === 'GET' &&
      ((r.name === null && request.query.get('watch') === 'true') ||
        (r.subresource === 'log' && request.query.get('follow') === 'true'));
    if (streaming) {
      const held = open.get(caller.tokenHash) ?? 0;
      if (held >= perToken) {
        answer(
          statusResponse(
            doorStatus(
              'TooManyRequests',
              `at most ${perToken} watches or log streams at once per kubeconfig`,
            ),
          ),
        );
        return;
      }
      const query = queryOf(request.query);
      if (!query.ok) {
        answer(statusResponse(query.error));
        return;
      }
      open.set(caller.tokenHash, held + 1);
      const release = () => {
        const n = (open.get(caller.tokenHash) ?? 1) - 1;
        if (n <= 0) open.delete(caller.tokenHash);
        else open.set(caller.tokenHash, n);
      };
      if (r.subresource === 'log') {
        const check = runIn(caller.key, (cluster, ids) =>
          handleResource(cluster, ids, { ...request, query: withoutFollow(request.query) }, r),
        );
        if (check.response.status !== 200) {
          release();
          answer(check.response);
          return;
        }
        followLog(app, caller.key, r.namespace ?? '', r.name ?? '', request.query, res, limits, release);
      } else
        watchStream(app, caller.key, r, query.value, request.query, request.accept, res, limits, release);
      return;
    }
    const handled = runIn(caller.key, (cluster, ids) => handleResource(cluster, ids, request, r));
    answer(handled.response);
  };

  /** exec and port-forward: a WebSocket upgrade, authenticated and limited as any request. */
  const upgrade = (req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: Status | DoorStatus | KubeletRefusal) => {
      if ('kubelet' in status) {
        const text = status.kubelet;
        socket.end(
          `HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
        );
        return;
      }
      const body = JSON.stringify('metadata' in status ? status : { ...status, metadata: {} });
      socket.end(
        `HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    const request = requestOf(req, Buffer.alloc(0));
    if (request === null) return refuse(doorStatus('BadRequest', 'the request path could not be read'));
    const caller = authenticate(app, tokens, req.headers.authorization, request.path);
    if (caller === 'unauthorized') return refuse(UNAUTHORIZED());
    if (caller === 'notShared')
      return refuse(doorStatus('Forbidden', 'this sandbox is not shared with you', {}));
    if (limiter.take(caller.tokenHash, Date.now()) > 0)
      return refuse(doorStatus('TooManyRequests', 'too many requests, please try again later'));
    const routed = routeOf(splitShared(request.path).rest);
    const r = routed.kind === 'resource' ? routed.route : null;
    const kind =
      r?.resource.name === 'pods' && r.namespace !== null && r.name !== null ? r.subresource : null;
    if (r === null || (kind !== 'exec' && kind !== 'portforward')) return refuse(NO_SUCH_PATH());
    // exec runs a command and port-forward reaches into the pod: both count as writes (RBAC's create).
    if (caller.readOnly)
      return refuse(forbiddenVerb(caller.user, 'create', `pods/${kind}`, r.name, r.namespace));
    const held = open.get(caller.tokenHash) ?? 0;
    if (held >= perToken)
      return refuse(doorStatus('TooManyRequests', `at most ${perToken} streams at once per kubeconfig`));
    open.set(caller.tokenHash, held + 1);
    let released = false;
    socket.on('close', () => {
      if (released) return;
      released = true;
      const n = (open.get(caller.tokenHash) ?? 1) - 1;
      if (n <= 0) open.delete(caller.tokenHash);
      else open.set(caller.tokenHash, n);
    });
    socket.setTimeout(limits.idleMs, () => socket.destroy());
    const target = { namespace: r.namespace ?? '', name: r.name ?? '' };
    if (kind === 'exec') startExec(app, caller.key, target, request.query, req, socket, runIn, refuse);
    else startPortForward(app, caller.key, target, req, socket, runIn, refuse);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => serve(req, res);
  const server: Server =
    options.tls === null
      ? createHttp(handler)
      : createHttps({ key: options.tls.key, cert: options.tls.cert }, handler);
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => upgrade(req, socket));
  // A request Node's parser refuses (bad framing, oversized headers) still gets a Status.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    app.log.info({ code: error.code }, 'api client error');
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify(doorStatus('BadRequest', 'the request could not be read'));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const VERBS: Readonly<Record<string, string>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

function withoutFollow(query: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.delete('follow');
  return copy;
}

const SHARED = '/shared/';

function sharedName(path: string): string | null {
  if (!path.startsWith(SHARED)) return null;
  const end = path.indexOf('/', SHARED.length);
  return end === -1 ? path.slice(SHARED.length) : path.slice(SHARED.length, end);
}

function splitShared(path: string): { name: string | null; rest: string } {
  const name = sharedName(path);
  if (name === null) return { name: null, rest: path };
  const rest = path.slice(SHARED.length + name.length);
  return { name, rest: rest === '' ? '/' : rest };
}

/**
 * Who is asking: the bearer token's member, and which sandbox the path names (their own, or a
 * teammate's that is shared in the same server or workspace, read-only).
 */
function authenticate(
  app: App,
  tokens: ApiTokenStore,
  header: string | undefined,
  path: string,
): Caller | 'unauthorized' | 'notShared' {
  const match = header === undefined ? null : /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  const token = match?.[1];
  if (token === undefined) return 'unauthorized';
  const owner = tokens.ownerOf(token);
  if (owner === undefined) return 'unauthorized';
  const tokenHash = hashToken(token);
  const name = sharedName(path);
  if (name === null || name === owner.username)
    return { tokenHash, key: owner.key, user: owner.username, readOnly: false };
  const shared = app.group.sandboxShares.ownerOf(owner.key.platform, owner.key.scope, name);
  if (shared === undefined) return 'notShared';
  if (shared.user === owner.key.user)
    return { tokenHash, key: owner.key, user: owner.username, readOnly: false };
  return { tokenHash, key: shared, user: owner.username, readOnly: true };
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function requestOf(req: IncomingMessage, raw: Buffer): ApiRequest | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(req.url ?? '/', 'https://podium.invalid');
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return {
    method: req.method ?? 'GET',
    path,
    query: url.searchParams,
    contentType: (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
    accept: req.headers.accept ?? '',
    body: raw.toString('utf8'),
    raw,
  };
}

/** The path without its query, for logs: a selector is fine to log, a token never is. */
function pathOnly(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

function send(res: ServerResponse, response: ApiResponse & { retryAfter?: number }): void {
  const headers: Record<string, string | string[]> = {
    'Content-Type': response.contentType,
    'Content-Length': String(Buffer.byteLength(response.body)),
    'Cache-Control': 'no-cache, private',
  };
  if (response.warnings !== undefined && response.warnings.length > 0)
    headers.Warning = response.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  if (response.retryAfter !== undefined) headers['Retry-After'] = String(response.retryAfter);
  res.writeHead(response.status, headers);
  res.end(response.body);
}
