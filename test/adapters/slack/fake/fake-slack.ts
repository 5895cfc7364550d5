import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMessage } from './blocks.ts';
import { type FakeSocketMode, fakeSocketMode } from './socket-mode.ts';
import { FakeState, type Posted } from './state.ts';
import { type Args, callMethod } from './web-api.ts';

/**
 * A strict local Slack on 127.0.0.1: the Web API under /api/, `response_url`s under /response/,
 * file uploads under /upload/, and Socket Mode under /link/. It refuses what Slack refuses and
 * records what got through, so tests read the conversation the way a member would see it.
 */
export interface FakeSlack {
  state: FakeState;
  /** `http://127.0.0.1:PORT/api/`, for `clientOptions.slackApiUrl`. */
  apiUrl: string;
  origin: string;
  socket: FakeSocketMode;
  /** A `response_url` for a command or click by `user` in `channel` (on message `messageTs`). */
  responseUrl(channel: string, user: string, messageTs?: string): string;
  /** A `trigger_id` for `user`, valid once and for a few seconds, as Slack's are. */
  trigger(user: string): string;
  /** Resolves with the first post at index `since` or later that matches. */
  waitFor(match: (p: Posted) => boolean, since?: number, timeoutMs?: number): Promise<Posted>;
  waitForView(since?: number, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Revokes the app-level token while connected: the socket closes and the token is refused. */
  revokeAppToken(answer?: 'token_revoked' | 'invalid_auth'): void;
  close(): Promise<void>;
}

export interface FakeOptions {
  botToken?: string;
  appToken?: string;
  triggerTtlMs?: number;
}

/** A response_url takes 5 answers within 30 minutes (chat-platforms.md §4.2). */
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

export async function startFakeSlack(options: FakeOptions = {}): Promise<FakeSlack> {
  const state = new FakeState(
    options.botToken ?? 'xoxb-fake-bot',
    options.appToken ?? 'xapp-fake-app',
    options.triggerTtlMs ?? 3000,
  );
  const socket = fakeSocketMode(state);
  let origin = '';
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => uploadedBytes(req, body))
      .then((body) => route(state, origin, req, body, res))
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  server.on('upgrade', (req, sock, head) => socket.upgrade(req, sock, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    state,
    apiUrl: `${origin}api/`,
    origin,
    socket,
    responseUrl(channel, user, messageTs) {
      const id = state.next('R');
      state.responseUrls.set(id, {
        channel,
        user,
        uses: 0,
        issuedAt: state.clock(),
        ...(messageTs === undefined ? {} : { messageTs }),
      });
      return `${origin}response/${id}`;
    },
    trigger(user) {
      const id = state.next('trigger-');
      state.triggers.set(id, { user, issuedAt: Date.now(), used: false });
      return id;
    },
    waitFor(match, since = 0, timeoutMs = 5000) {
      return waitFor(state, match, since, timeoutMs);
    },
    waitForView(since = 0, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const found = state.views[since];
        if (found !== undefined) return resolve(found.view);
        const timer = setTimeout(() => reject(new Error('no view was opened')), timeoutMs);
        state.once('view', (view: Record<string, unknown>) => {
          clearTimeout(timer);
          resolve(view);
        });
      });
    },
    revokeAppToken(answer = 'token_revoked') {
      state.revoked.set(state.appToken, answer);
      socket.drop();
    },
    async close() {
      socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function waitFor(
  state: FakeState,
  match: (p: Posted) => boolean,
  since: number,
  timeoutMs: number,
): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const found = state.posts.slice(since).find(match);
    if (found !== undefined) return resolve(found);
    const onPost = (posted: Posted) => {
      if (!match(posted)) return;
      clearTimeout(timer);
      state.off('post', onPost);
      resolve(posted);
    };
    const timer = setTimeout(() => {
      state.off('post', onPost);
      const seen = state.posts.slice(since).map((p) => `${p.via}: ${p.text.slice(0, 80)}`);
      const refused = state.refused.map((r) => `${r.method}: ${r.error} ${r.detail}`);
      reject(
        new Error(
          `no matching post within ${timeoutMs} ms; seen ${JSON.stringify(seen)}; refused ${JSON.stringify(refused)}`,
        ),
      );
    }, timeoutMs);
    state.on('post', onPost);
  });
}

function route(
  state: FakeState,
  origin: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): ServerResponse | Promise<ServerResponse> {
  const path = new URL(req.url ?? '/', origin).pathname;
  const json = (status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method !== 'POST') return res.writeHead(405).end();
  if (path.startsWith('/api/')) {
    const args = parseArgs(req.headers['content-type'] ?? '', body);
    if (args === null) return json(200, { ok: false, error: 'invalid_form_data' });
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? args.token ?? null;
    const method = path.slice('/api/'.length);
    const limited = state.rateLimited.get(method) ?? 0;
    if (limited > 0) {
      state.rateLimited.set(method, limited - 1);
      state.calls.push(method);
      state.refuse(method, { error: 'ratelimited', detail: 'Retry-After: 1' });
      return res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
        .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    }
    const call = () => json(200, callMethod(state, method, args, auth, `${origin}api/`));
    const held = state.held.get(args.channel ?? args.channel_id ?? '');
    return held === undefined ? call() : held.then(call);
  }
  if (path.startsWith('/upload/')) {
    const upload = state.uploads.get(path.slice('/upload/'.length));
    if (upload === undefined) return res.writeHead(404).end('not found');
    upload.content = body;
    return res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${body.length}`);
  }
  if (path.startsWith('/response/')) return respond(state, path.slice('/response/'.length), req, body, res);
  return res.writeHead(404).end('not found');
}

/**
 * A `response_url`: five uses within 30 minutes (404 `used_url`, `expired_url` after), JSON only,
 * the same message rules as chat.postMessage.
 */
function respond(
  state: FakeState,
  id: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
): ServerResponse {
  const url = state.responseUrls.get(id);
  const text = (status: number, value: string) =>
    res.writeHead(status, { 'content-type': 'text/plain' }).end(value);
  if (url === undefined) return text(404, 'no_such_url');
  if (req.headers['content-type'] !== 'application/json') {
    state.refuse('response_url', { error: 'invalid_payload', detail: String(req.headers['content-type']) });
    return text(400, 'invalid_payload');
  }
  if (state.clock() - url.issuedAt > RESPONSE_URL_LIFETIME_MS) {
    state.refuse('response_url', { error: 'expired_url', detail: 'issued over 30 minutes ago' });
    return text(404, 'expired_url');
  }
  url.uses += 1;
  if (url.uses > RESPONSE_URL_USES) {
    state.refuse('response_url', { error: 'used_url', detail: `use ${url.uses}` });
    return text(404, 'used_url');
  }
  const message = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  const bad = checkMessage(message.text, message.blocks);
  if (bad !== null) {
    state.refuse('response_url', bad);
    return text(400, bad.error);
  }
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  const messageText = typeof message.text === 'string' ? message.text : '';
  if (message.replace_original === true && url.messageTs !== undefined) {
    const replaced = { channel: url.channel, ts: url.messageTs, text: messageText, blocks };
    state.messages.set(url.messageTs, replaced);
    state.post({ via: 'response_url', ephemeral: false, ...replaced });
  } else if (message.response_type === 'in_channel') {
    const ts = state.nextTs();
    const posted = { channel: url.channel, ts, text: messageText, blocks };
    state.messages.set(ts, posted);
    state.post({ via: 'response_url', ephemeral: false, ...posted });
  } else {
    // Slack's default for a response_url is ephemeral, seen only by the member who asked.
    state.post({
      via: 'response_url',
      ephemeral: true,
      channel: url.channel,
      user: url.user,
      text: messageText,
      blocks,
    });
  }
  return text(200, 'ok');
}

function parseArgs(contentType: string, body: Buffer): Args | null {
  const raw = body.toString('utf8');
  if (contentType.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  if (contentType.startsWith('application/json')) {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return null;
}

/**
 * @slack/web-api POSTs a file to its upload URL as multipart/form-data (one part); the file's
 * bytes are that part's content.
 */
async function uploadedBytes(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!req.url?.startsWith('/upload/') || !type.startsWith('multipart/form-data')) return body;
  const parts = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  for (const value of parts.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
