import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  autocompleteProblems,
  commandProblems,
  EMPTY_MESSAGE,
  EPHEMERAL,
  messageProblems,
  modalProblems,
  type Problem,
} from './limits.ts';
import {
  APP_ID,
  BOT_USER,
  CHANNEL_ID,
  editMessage,
  type FakeState,
  GUILD_ID,
  type InteractionRecord,
  messageJson,
  type StoredFile,
  type StoredMessage,
  storeMessage,
  TOKEN,
} from './state.ts';

/**
 * The REST half of the fake (`node:http`, every route under `/api/v10`). It answers what
 * discord.js calls and refuses, with Discord's status and error code, what Discord refuses:
 * invalid bodies (50035), empty messages (50006), a second response to an interaction (40060),
 * a response after the 3-second window (10062), a follow-up or edit after the token's 15 minutes
 * (401, 50027), unknown messages and webhooks, a missing or wrong bot token (401). Attachments are served under `/attachments/` as Discord's CDN would.
 */
type Json = Record<string, unknown>;
/** At most 10 files a message; the bytes are limited by the server's `state.uploadLimit`. */
const MAX_FILES = 10;
/** How long an interaction's token takes follow-ups and edits (receiving-and-responding.mdx). */
const TOKEN_LIFETIME_MS = 15 * 60_000;
interface Parsed {
  body: unknown;
  files: StoredFile[];
}
interface Answer {
  status: number;
  body?: unknown;
}

const fail = (status: number, code: number, message: string, errors?: unknown): Answer => ({
  status,
  body: { code, message, ...(errors === undefined ? {} : { errors }) },
});
const invalid = (problems: Problem[]): Answer =>
  problems.some((p) => p.message === EMPTY_MESSAGE)
    ? fail(400, 50006, EMPTY_MESSAGE)
    : fail(400, 50035, 'Invalid Form Body', nest(problems));
const ok = (body: unknown): Answer => ({ status: 200, body });

export interface RestOptions {
  state: FakeState;
  gatewayUrl: () => string;
  /** How many shards `GET /gateway/bot` recommends. */
  shards: number;
  /** The text channels of the fake's servers (the main one's, and any other's). */
  channels: ReadonlySet<string>;
}

export async function startRest(options: RestOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    // A bug in the fake must fail the test loudly, never leave discord.js waiting.
    handle(options, req, res).catch((error: unknown) => {
      options.state.rejections.push({
        method: req.method ?? '',
        path: req.url ?? '',
        status: 500,
        body: String(error),
      });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api` };
}

async function handle(options: RestOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state } = options;
  const method = req.method ?? 'GET';
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (method === 'GET' && path.startsWith('/attachments/')) {
    const file = state.attachments.get(path);
    if (file === undefined) return send(res, { status: 404, body: 'Not Found' });
    await sleep(file.delayMs);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(file.text);
    return;
  }
  const parsed = await parse(req, raw);
  const throttled = method === 'POST' ? throttle(state, path) : null;
  if (throttled !== null) {
    state.rejections.push({ method, path, status: 429, body: throttled });
    res
      .writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(Math.ceil(Number(throttled.retry_after))),
        'x-ratelimit-scope': 'shared',
      })
      .end(JSON.stringify(throttled));
    state.changed();
    return;
  }
  const answer =
    attachmentProblem(parsed.files, state.uploadLimit) ?? (await route(options, method, path, req, parsed));
  if (answer.status >= 400) state.rejections.push({ method, path, status: answer.status, body: answer.body });
  send(res, answer);
  state.changed();
}

/** A 429 for a message post in a throttled channel, as Discord words one; null otherwise. */
function throttle(state: FakeState, path: string): Json | null {
  const channel = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path)?.[1];
  const limit = channel === undefined ? undefined : state.throttled.get(channel);
  if (limit === undefined || limit.times <= 0) return null;
  limit.times -= 1;
  return { message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false, code: 0 };
}

function send(res: ServerResponse, answer: Answer): void {
  if (answer.status === 204) res.writeHead(204).end();
  else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
}

async function parse(req: IncomingMessage, raw: Buffer): Promise<Parsed> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const files: StoredFile[] = [];
    let body: unknown = {};
    for (const [name, value] of form.entries()) {
      if (name === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push(await storedFile(value));
    }
    return { body, files };
  }
  return { body: raw.length === 0 ? {} : JSON.parse(raw.toString('utf8')), files: [] };
}

async function storedFile(value: File): Promise<StoredFile> {
  const bytes = new Uint8Array(await value.arrayBuffer());
  return { name: value.name, text: new TextDecoder().decode(bytes), bytes };
}

/**
 * Discord takes at most 10 files a message, and no upload past the server's limit (10 MiB without
 * boosts): the whole request is refused with 413, code 40005, whether it is a channel message, an
 * interaction response or a follow-up.
 */
function attachmentProblem(files: StoredFile[], limit: number): Answer | null {
  if (files.length > MAX_FILES)
    return invalid([{ path: 'files', message: 'Must be 10 or fewer in length.' }]);
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  return bytes > limit ? fail(413, 40005, 'Request entity too large') : null;
}

async function route(
  options: RestOptions,
  method: string,
  path: string,
  req: IncomingMessage,
  parsed: Parsed,
): Promise<Answer> {
  const { state } = options;
  const body = (typeof parsed.body === 'object' && parsed.body !== null ? parsed.body : {}) as Json;
  let m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
  if (m !== null && method === 'POST') return callback(state, m[1] ?? '', m[2] ?? '', body, parsed.files);
  m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
  if (m !== null) return webhook(state, method, m[1] ?? '', m[2] ?? '', m[3] ?? null, body, parsed.files);
  if (req.headers.authorization !== `Bot ${TOKEN}`) return fail(401, 0, '401: Unauthorized');
  if (method === 'GET' && path === '/api/v10/gateway/bot') {
    return ok({
      url: options.gatewayUrl(),
      shards: options.shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    });
  }
  m = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/.exec(path);
  if (m !== null && method === 'PUT') {
    if (m[1] !== APP_ID) return fail(403, 50001, 'Missing Access');
    const problems = commandProblems(parsed.body);
    if (problems.length > 0) return invalid(problems);
    state.commandPuts.push({ path, body: parsed.body });
    const commands = parsed.body as Json[];
    return ok(
      commands.map((c) => ({
        ...c,
        id: state.snowflake(),
        application_id: APP_ID,
        version: state.snowflake(),
      })),
    );
  }
  if (method === 'POST' && path === '/api/v10/users/@me/channels') return openDm(state, body);
  m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
  if (m !== null && method === 'POST') return startThread(state, m[1] ?? '', m[2] ?? '', body);
  m = /^\/api\/v10\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
  if (m !== null) return channelMessage(options, method, m[1] ?? '', m[2] ?? null, body, parsed.files);
  return fail(404, 0, '404: Not Found');
}

/** POST /users/@me/channels: the DM channel with one user (the same one each time). */
function openDm(state: FakeState, body: Json): Answer {
  const user = body.recipient_id;
  if (typeof user !== 'string' || !/^\d+$/.test(user))
    return invalid([{ path: 'recipient_id', message: 'Value is not snowflake.' }]);
  const existing = [...state.dms].find(([, u]) => u === user)?.[0];
  const id = existing ?? state.snowflake();
  state.dms.set(id, user);
  return ok({
    id,
    type: 1,
    last_message_id: null,
    flags: 0,
    recipients: [{ id: user, username: 'member', discriminator: '0', avatar: null, global_name: null }],
  });
}

function channelMessage(
  { state, channels }: RestOptions,
  method: string,
  channelId: string,
  messageId: string | null,
  body: Json,
  files: StoredFile[],
): Answer {
  if (state.closedChannels.has(channelId)) return fail(403, 50013, 'Missing Permissions');
  const known = channels.has(channelId) || state.threads.has(channelId) || state.dms.has(channelId);
  if (!known) return fail(404, 10003, 'Unknown Channel');
  if (messageId === null && method === 'POST') return create(state, channelId, body, files, null);
  const message = messageId === null ? undefined : state.messages.get(messageId);
  if (message === undefined || message.deleted || message.channelId !== channelId)
    return fail(404, 10008, 'Unknown Message');
  if (method === 'GET') return ok(messageJson(message));
  if (method === 'PATCH') return edit(state, message, body, files);
  return fail(405, 0, '405: Method Not Allowed');
}

/**
 * POST /channels/{id}/messages/{id}/threads: a public thread on a message, once per message
 * (160004 after), named 1–100 characters, refused without Create Public Threads (50013).
 */
function startThread(state: FakeState, channelId: string, messageId: string, body: Json): Answer {
  if (channelId !== CHANNEL_ID) return fail(404, 10003, 'Unknown Channel');
  const message = state.messages.get(messageId);
  if (message === undefined || message.deleted || message.channelId !== channelId)
    return fail(404, 10008, 'Unknown Message');
  if (state.threadsRefused) return fail(403, 50013, 'Missing Permissions');
  const name = typeof body.name === 'string' ? body.name : '';
  if (name.length < 1 || name.length > 100)
    return invalid([{ path: 'name', message: 'Must be between 1 and 100 in length.' }]);
  if ([...state.threads.values()].some((t) => t.messageId === messageId))
    return fail(400, 160004, 'A thread has already been created for this message');
  const id = messageId; // Discord gives a thread started on a message the message's id.
  state.threads.set(id, { parent: channelId, messageId, name });
  state.changed();
  return ok({
    id,
    type: 11,
    guild_id: GUILD_ID,
    parent_id: channelId,
    name,
    owner_id: BOT_USER.id,
    thread_metadata: {
      archived: false,
      auto_archive_duration: body.auto_archive_duration ?? 4320,
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
  });
}

function create(
  state: FakeState,
  channelId: string,
  body: Json,
  files: StoredFile[],
  interactionId: string | null,
): Answer {
  const problems = messageProblems(body, { creating: true, files: files.length });
  if (problems.length > 0) return invalid(problems);
  state.writes.push({ path: `create ${channelId}`, body });
  return ok(messageJson(storeMessage(state, channelId, body, files, interactionId)));
}

function edit(state: FakeState, message: StoredMessage, body: Json, files: StoredFile[]): Answer {
  const problems = messageProblems(body, { creating: false, files: files.length });
  if (problems.length > 0) return invalid(problems);
  state.writes.push({ path: `edit ${message.id}`, body });
  editMessage(message, body, files);
  return ok(messageJson(message));
}

/** Which callback types each interaction type accepts (receiving-and-responding.mdx). */
const ALLOWED: Readonly<Record<number, readonly number[]>> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

function callback(state: FakeState, id: string, token: string, body: Json, files: StoredFile[]): Answer {
  const record = state.interactions.get(id);
  if (record === undefined || record.token !== token || record.expired)
    return fail(404, 10062, 'Unknown interaction');
  if (record.callbacks.length > 0) return fail(400, 40060, 'Interaction has already been acknowledged.');
  const type = typeof body.type === 'number' ? body.type : 0;
  if (!(ALLOWED[record.type] ?? []).includes(type))
    return invalid([{ path: 'type', message: `Interaction callback type ${type} is not valid here.` }]);
  const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Json;
  const problems =
    type === 4 || type === 7
      ? messageProblems(data, { creating: type === 4, files: files.length })
      : type === 8
        ? autocompleteProblems(data)
        : type === 9
          ? modalProblems(data)
          : [];
  if (problems.length > 0) return invalid(problems.map((p) => ({ ...p, path: `data.${p.path}` })));
  record.callbacks.push(type);
  if (record.timer !== null) clearTimeout(record.timer);
  const channelId = String((record.payload.channel as Json | undefined)?.id ?? CHANNEL_ID);
  if (type === 4) {
    state.writes.push({ path: `callback ${id}`, body: data });
    record.original = storeMessage(state, channelId, data, files, id);
  } else if (type === 5) {
    record.original = storeMessage(state, channelId, { flags: ((data.flags as number) ?? 0) | 128 }, [], id);
  } else if (type === 7) {
    const source = state.messages.get(String((record.payload.message as Json | undefined)?.id));
    if (source === undefined) return fail(404, 10008, 'Unknown Message');
    state.writes.push({ path: `callback ${id}`, body: data });
    editMessage(source, data, files);
  } else if (type === 8) {
    record.choices = (data.choices as InteractionRecord['choices']) ?? [];
  } else if (type === 9) {
    record.modal = data;
  }
  return { status: 204 };
}

function webhook(
  state: FakeState,
  method: string,
  appId: string,
  token: string,
  target: string | null,
  body: Json,
  files: StoredFile[],
): Answer {
  const record = state.byToken.get(token);
  if (appId !== APP_ID || record === undefined) return fail(404, 10015, 'Unknown Webhook');
  // An interaction token lasts 15 minutes: follow-ups and edits after that are refused.
  if (state.clock() - record.createdAt > TOKEN_LIFETIME_MS) return fail(401, 50027, 'Invalid Webhook Token');
  const acked = record.callbacks.find((c) => c !== 8 && c !== 9);
  if (acked === undefined) return fail(404, 10015, 'Unknown Webhook');
  const channelId = String((record.payload.channel as Json | undefined)?.id ?? CHANNEL_ID);
  if (target === null && method === 'POST') {
    const answer = create(state, channelId, body, files, record.id);
    if (answer.status === 200)
      record.followups.push(state.messages.get(String((answer.body as Json).id)) as StoredMessage);
    return answer;
  }
  const original =
    acked === 6 || acked === 7
      ? state.messages.get(String((record.payload.message as Json | undefined)?.id))
      : record.original;
  const message = target === '@original' ? original : record.followups.find((f) => f.id === target);
  if (message === undefined || message === null || message.deleted)
    return fail(404, 10008, 'Unknown Message');
  if (method === 'PATCH') {
    const isDeferred = (message.flags & 128) !== 0;
    const problems = messageProblems(body, { creating: isDeferred, files: files.length });
    if (problems.length > 0) return invalid(problems);
    if (body.flags !== undefined && ((body.flags as number) & EPHEMERAL) !== (message.flags & EPHEMERAL))
      return invalid([{ path: 'flags', message: 'Ephemerality cannot be changed by an edit.' }]);
    return edit(state, message, body, files);
  }
  if (method === 'DELETE') {
    message.deleted = true;
    return { status: 204 };
  }
  if (method === 'GET') return ok(messageJson(message));
  return fail(405, 0, '405: Method Not Allowed');
}

/** Discord's nested error shape: `{ content: { _errors: [{ code, message }] } }`. */
function nest(problems: Problem[]): Json {
  const root: Json = {};
  for (const { path, message } of problems) {
    let node = root;
    for (const key of path.split('.').filter((k) => k !== '')) {
      node[key] ??= {};
      node = node[key] as Json;
    }
    node._errors = [...((node._errors as unknown[] | undefined) ?? []), { code: 'INVALID', message }];
  }
  return root;
}
