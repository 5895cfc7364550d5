import type { ServerResponse } from 'node:http';
import type { App } from '../chat/context.ts';
import type { Cluster } from '../cluster/model.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import { logResponse, type Query, selectItems, TABLE_TYPE, tableOf, wantsTable } from './read.ts';
import type { ResourceRoute } from './route.ts';
import { freshen } from './sandbox-run.ts';
import type { Item } from './served.ts';
import { canonical } from './write.ts';

/**
 * `watch=true` and `follow=true`: a chunked stream kept open while the member watches, fed by
 * re-reading the sandbox every `pollMs` and sending what differs (an object's JSON includes its
 * derived status, so a pod turning Ready is a MODIFIED event, as `kubectl wait` needs). A stream
 * ends at the client's `timeoutSeconds`, at the door's cap, or after `idleMs` without an event;
 * kubectl's `get -w` then exits and `wait` watches again.
 */
export interface StreamLimits {
  pollMs: number;
  idleMs: number;
  maxMs: number;
}

export const STREAM_LIMITS: StreamLimits = { pollMs: 1000, idleMs: 60_000, maxMs: 300_000 };

/** Reads the sandbox in a transaction that writes nothing (a first-use seed is discarded). */
export function readSandbox<T>(app: App, key: SandboxKey, read: (cluster: Cluster, serial: number) => T): T {
  try {
    return app.db.transaction(() => {
      freshen(app, key);
      const sandbox = app.sandboxes.open(key, app.clock());
      const ids = app.sandboxes.ids(sandbox);
      return read(app.sandboxes.load(sandbox, app.clock()), ids.serial);
    })();
  } finally {
    app.sandboxes.discard();
  }
}

interface Known {
  text: string;
  item: Item;
}

export function watchStream(
  app: App,
  key: SandboxKey,
  route: ResourceRoute,
  query: Query,
  params: URLSearchParams,
  accept: string,
  res: ServerResponse,
  limits: StreamLimits,
  onEnd: () => void,
): void {
  const table = wantsTable(accept);
  const include = params.get('includeObject');
  let first = true;
  const send = (type: 'ADDED' | 'MODIFIED' | 'DELETED', item: Item, rv: string) => {
    const object = table ? tableOf(route, [item], rv, include, first) : item.json;
    first = false;
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const snapshot = () =>
    readSandbox(app, key, (cluster) => {
      const items = selectItems(cluster, route, query);
      return items.ok ? items.value : [];
    });
  res.writeHead(200, {
    'Content-Type': table ? TABLE_TYPE : 'application/json',
    'Transfer-Encoding': 'chunked',
  });
  const known = new Map<string, Known>();
  const since = params.get('resourceVersion');
  const fromScratch = since === null || since === '' || since === '0';
  for (const item of snapshot()) {
    known.set(keyOf(item), { text: canonical(item.json), item });
    const rv = versionOf(item);
    if (fromScratch) send('ADDED', item, rv);
    else if (Number(rv) > Number(since)) send('MODIFIED', item, rv);
  }
  let lastEvent = Date.now();
  const requested = Number(params.get('timeoutSeconds') ?? '0') * 1000;
  const lasts = requested > 0 ? Math.min(requested, limits.maxMs) : limits.maxMs;
  const started = Date.now();
  const tick = () => {
    const seen = new Set<string>();
    for (const item of snapshot()) {
      const k = keyOf(item);
      seen.add(k);
      const text = canonical(item.json);
      const was = known.get(k);
      if (was?.text === text) continue;
      known.set(k, { text, item });
      send(was === undefined ? 'ADDED' : 'MODIFIED', item, versionOf(item));
      lastEvent = Date.now();
    }
    for (const [k, was] of known)
      if (!seen.has(k)) {
        known.delete(k);
        send('DELETED', was.item, versionOf(was.item));
        lastEvent = Date.now();
      }
  };
  keepPolling(
    res,
    limits,
    () => {
      tick();
      return Date.now() - lastEvent < limits.idleMs && Date.now() - started < lasts;
    },
    onEnd,
  );
  res.flushHeaders();
}

/** `logs -f`: what is there now, then each line as the container writes it. */
export function followLog(
  app: App,
  key: SandboxKey,
  namespace: string,
  name: string,
  params: URLSearchParams,
  res: ServerResponse,
  limits: StreamLimits,
  onEnd: () => void,
): void {
  const read = () => readSandbox(app, key, (cluster) => logResponse(cluster, namespace, name, params));
  const firstRead = read();
  if (!firstRead.ok) {
    onEnd();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  let sent = firstRead.value.body;
  res.write(sent);
  let lastEvent = Date.now();
  // Later reads take the whole log (no tail): new lines are what follows what was already sent.
  const whole = new URLSearchParams(params);
  whole.delete('tailLines');
  const all = () => readSandbox(app, key, (cluster) => logResponse(cluster, namespace, name, whole));
  const base = all();
  let seen = base.ok ? base.value.body : '';
  keepPolling(
    res,
    limits,
    () => {
      const now = all();
      if (!now.ok || !now.value.body.startsWith(seen)) return false;
      const fresh = now.value.body.slice(seen.length);
      if (fresh !== '') {
        res.write(fresh);
        sent += fresh;
        seen = now.value.body;
        lastEvent = Date.now();
      }
      return Date.now() - lastEvent < limits.idleMs;
    },
    onEnd,
  );
}

function keepPolling(res: ServerResponse, limits: StreamLimits, step: () => boolean, onEnd: () => void) {
  const started = Date.now();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    onEnd();
    res.end();
  };
  const timer = setInterval(() => {
    try {
      if (!step() || Date.now() - started >= limits.maxMs) end();
    } catch {
      end();
    }
  }, limits.pollMs);
  res.on('close', end);
}

const keyOf = (i: Item) => `${i.namespace}/${i.name}`;
const versionOf = (i: Item) => String((i.json.metadata as Record<string, unknown>).resourceVersion ?? '');
