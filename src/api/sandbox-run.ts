import type { App } from '../chat/context.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster } from '../cluster/model.ts';
import { dataVersionOf } from '../store/data-version.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import type { Handled } from './handle.ts';
import { doorStatus, statusResponse } from './status.ts';

/**
 * Runs one API request against a sandbox in one SQLite transaction, with the steps chat's
 * dispatch takes (src/chat/dispatch.ts): open (seeding on first use), load, run the pure
 * handler, commit its changes with the sandbox's byte cap, flush, then publish the cache, or
 * discard everything when anything refused. A pod written here is in chat's next read, and a
 * pod written in chat is in this one's: one store, one cache, one transaction per request.
 *
 * The budget: a request that ran past `budgetMs` is rolled back and answered 429 (API requests
 * are bounded by the body cap and the sandbox's own limits; this is the backstop).
 */
class Rollback {
  constructor(readonly handled: Handled) {}
}

export function inSandbox(
  app: App,
  key: SandboxKey,
  budgetMs: number,
  work: (cluster: Cluster, ids: Ids) => Handled,
  onWrite: (key: SandboxKey) => void = () => {},
): Handled {
  const started = performance.now();
  const attempt = (mode: 'deferred' | 'immediate'): Handled => {
    try {
      const handled = app.db
        .transaction(() => {
          const sandboxes = app.sandboxes;
          freshen(app, key);
          const sandbox = sandboxes.open(key, app.clock());
          const cluster = sandboxes.load(sandbox, app.clock());
          const ids = sandboxes.ids(sandbox);
          const done = work(cluster, ids);
          if (done.response.status >= 400) throw new Rollback(done);
          if (done.changes.length > 0) {
            const committed = sandboxes.commit(sandbox, done.changes, ids.serial);
            if (!committed.ok) throw new Rollback(tooBig(committed.error.limit));
          }
          sandboxes.flush();
          if (performance.now() - started > budgetMs) throw new Rollback(overBudget(budgetMs));
          return done;
        })
        [mode]();
      app.sandboxes.publish();
      if (handled.changes.length > 0) onWrite(key);
      return handled;
    } catch (e) {
      app.sandboxes.discard();
      if (e instanceof Rollback) return e.handled;
      throw e;
    }
  };
  try {
    return attempt('deferred');
  } catch (e) {
    if (!isBusy(e)) throw e;
    return attempt('immediate');
  }
}

/**
 * Chat commands on Discord and Slack run in worker threads, on connections (and caches) of their
 * own. SQLite's `data_version` changes when another connection commits: until it does, this
 * thread's cached sandboxes are what is stored; once it does, each member's is read again before
 * its next use here. (In the console chat shares this connection and cache, and nothing is reread.)
 */
const freshness = new WeakMap<App['db'], { version: number; fresh: Set<string> }>();

export function freshen(app: App, key: SandboxKey): void {
  const version = dataVersionOf(app.db);
  let state = freshness.get(app.db);
  if (state === undefined || state.version !== version || state.fresh.size > 10_000) {
    state = { version, fresh: new Set() };
    freshness.set(app.db, state);
  }
  const member = `${key.platform}/${key.scope}/${key.user}`;
  if (state.fresh.has(member)) return;
  app.sandboxes.forget(key);
  state.fresh.add(member);
}

const isBusy = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY');

const tooBig = (limit: number): Handled => ({
  response: statusResponse(
    doorStatus('Forbidden', `exceeded quota: sandbox, the sandbox may hold at most ${limit} bytes`),
  ),
  changes: [],
});

const overBudget = (ms: number): Handled => ({
  response: statusResponse(
    doorStatus(
      'TooManyRequests',
      `the request took longer than this sandbox's budget of ${ms} ms; nothing changed`,
    ),
  ),
  changes: [],
});

/** A sandbox transaction bound to the door's budget and write hook (exec, port-forward, requests). */
export type SandboxRunner = (key: SandboxKey, work: (cluster: Cluster, ids: Ids) => Handled) => Handled;
