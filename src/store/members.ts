import type { Database, Statement } from 'better-sqlite3';
import { isLang, type Lang } from '../i18n/lang.ts';
import { ReadCache } from './read-cache.ts';
import type { SandboxKey } from './sandboxes.ts';

/**
 * Per-member preferences (the language the bot speaks to them in, the guide line on or off) and the
 * name they are shown by.
 * Every message reads its member's language and guide choice, so both are cached (ReadCache: never
 * an uncommitted value, dropped by this connection's own writes and by any other connection's).
 */
export class MemberStore {
  private readonly langs: ReadCache<Lang | null>;
  private readonly guides: ReadCache<boolean | null>;
  private readonly getLang: Statement<[string, string, string], { lang: string | null }>;
  private readonly putLang: Statement<[string, string, string, string]>;
  private readonly putName: Statement<[string, string, string, string]>;
  private readonly getNames: Statement<[string, string], { user_id: string; name: string }>;
  private readonly getGuide: Statement<[string, string, string], { guide: number | null }>;
  private readonly putGuide: Statement<[string, string, string, number]>;
  private readonly contextNamespaces: ReadCache<ReadonlyMap<string, string>>;
  private readonly getContextNamespaces: Statement<
    [string, string, string],
    { context: string; namespace: string }
  >;
  private readonly putContextNamespace: Statement<[string, string, string, string, string]>;
  private readonly dropContextNamespace: Statement<[string, string, string, string]>;
  private readonly currentContexts: ReadCache<string | null>;
  private readonly getCurrentContext: Statement<[string, string, string], { context: string }>;
  private readonly putCurrentContext: Statement<[string, string, string, string]>;
  private readonly dropCurrentContext: Statement<[string, string, string]>;

  constructor(db: Database) {
    this.langs = new ReadCache(db, LANGS_KEPT);
    this.guides = new ReadCache(db, LANGS_KEPT);
    this.getLang = db.prepare('SELECT lang FROM members WHERE platform = ? AND scope = ? AND user_id = ?');
    this.putLang = db.prepare(
      'INSERT INTO members (platform, scope, user_id, lang) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET lang = excluded.lang',
    );
    // Written only when the name changed, so a member's every answer does not rewrite the row.
    this.putName = db.prepare(
      'INSERT INTO members (platform, scope, user_id, name) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name',
    );
    this.getNames = db.prepare(
      'SELECT user_id, name FROM members WHERE platform = ? AND scope = ? AND name IS NOT NULL',
    );
    this.getGuide = db.prepare('SELECT guide FROM members WHERE platform = ? AND scope = ? AND user_id = ?');
    this.putGuide = db.prepare(
      'INSERT INTO members (platform, scope, user_id, guide) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET guide = excluded.guide',
    );
    this.contextNamespaces = new ReadCache(db, LANGS_KEPT);
    this.getContextNamespaces = db.prepare(
      'SELECT context, namespace FROM context_namespaces WHERE platform = ? AND scope = ? AND user_id = ? ORDER BY context LIMIT 200',
    );
    this.putContextNamespace = db.prepare(
      'INSERT INTO context_namespaces (platform, scope, user_id, context, namespace) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, scope, user_id, context) DO UPDATE SET namespace = excluded.namespace',
    );
    this.dropContextNamespace = db.prepare(
      'DELETE FROM context_namespaces WHERE platform = ? AND scope = ? AND user_id = ? AND context = ?',
    );
    this.currentContexts = new ReadCache(db, LANGS_KEPT);
    this.getCurrentContext = db.prepare(
      'SELECT context FROM current_contexts WHERE platform = ? AND scope = ? AND user_id = ?',
    );
    this.putCurrentContext = db.prepare(
      'INSERT INTO current_contexts (platform, scope, user_id, context) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET context = excluded.context',
    );
    this.dropCurrentContext = db.prepare(
      'DELETE FROM current_contexts WHERE platform = ? AND scope = ? AND user_id = ?',
    );
  }

  /** The context `kubectl config use-context` chose, or undefined for the member's own. */
  currentContextOf(key: SandboxKey): string | undefined {
    const context = this.currentContexts.get(memberOf(key), () => {
      return this.getCurrentContext.get(key.platform, key.scope, key.user)?.context ?? null;
    });
    return context ?? undefined;
  }

  /** Chooses the member's current context; null goes back to their own. */
  setCurrentContext(key: SandboxKey, context: string | null): void {
    if (context === null) this.dropCurrentContext.run(key.platform, key.scope, key.user);
    else this.putCurrentContext.run(key.platform, key.scope, key.user, context);
    this.currentContexts.drop(memberOf(key));
  }

  /**
   * The namespaces the member's kubeconfig contexts name (`kubectl config set-context
   * --namespace`), by context name; a context without one is absent.
   */
  contextNamespacesOf(key: SandboxKey): ReadonlyMap<string, string> {
    return this.contextNamespaces.get(memberOf(key), () => {
      const rows = this.getContextNamespaces.all(key.platform, key.scope, key.user);
      // Most members never set one: they share one empty map, not one each.
      return rows.length === 0 ? NO_CONTEXT_NAMESPACES : new Map(rows.map((r) => [r.context, r.namespace]));
    });
  }

  /** Sets (or, with '', clears) the namespace the member's context of that name defaults to. */
  setContextNamespace(key: SandboxKey, context: string, namespace: string): void {
    if (namespace === '') this.dropContextNamespace.run(key.platform, key.scope, key.user, context);
    else this.putContextNamespace.run(key.platform, key.scope, key.user, context, namespace);
    this.contextNamespaces.drop(memberOf(key));
  }

  /** The member's own `/guide on|off`, or undefined when they have not chosen. */
  guide(key: SandboxKey): boolean | undefined {
    const on = this.guides.get(memberOf(key), () => {
      const row = this.getGuide.get(key.platform, key.scope, key.user);
      return row?.guide === undefined || row.guide === null ? null : row.guide === 1;
    });
    return on ?? undefined;
  }

  setGuide(key: SandboxKey, on: boolean): void {
    this.putGuide.run(key.platform, key.scope, key.user, on ? 1 : 0);
    this.guides.drop(memberOf(key));
  }

  setName(key: SandboxKey, name: string): void {
    this.putName.run(key.platform, key.scope, key.user, name);
  }

  /** The names of a scope's members, by user id (those never seen by name are absent). */
  names(platform: string, scope: string): Map<string, string> {
    return new Map(this.getNames.all(platform, scope).map((r) => [r.user_id, r.name]));
  }

  lang(key: SandboxKey): Lang | undefined {
    const lang = this.langs.get(memberOf(key), () => {
      const row = this.getLang.get(key.platform, key.scope, key.user);
      return row?.lang !== undefined && row.lang !== null && isLang(row.lang) ? row.lang : null;
    });
    return lang ?? undefined;
  }

  setLang(key: SandboxKey, lang: Lang): void {
    this.putLang.run(key.platform, key.scope, key.user, lang);
    this.langs.drop(memberOf(key));
  }
}

const NO_CONTEXT_NAMESPACES: ReadonlyMap<string, string> = new Map();

const memberOf = (key: SandboxKey) => `${key.platform}/${key.scope}/${key.user}`;

/** Members whose language (and guide choice) is cached (the cache starts again past it). */
const LANGS_KEPT = 10_000;
