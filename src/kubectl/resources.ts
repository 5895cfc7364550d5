import { API_RESOURCES, type ApiResource, qualifiedResource } from '../cluster/openapi/discovery.ts';

/**
 * The resource types discovery lists (every v1.34 type) and the names kubectl accepts for each:
 * plural, singular, short name or kind, optionally with `.group` or `.version.group`,
 * case-insensitive, the core group first (so `events` is `v1` events), as kubectl's RESTMapper
 * resolves them. Only a few are simulated; the others are real types this sandbox holds none of.
 */
export type SimulatedType = 'pods' | 'nodes' | 'namespaces' | 'events' | 'services';

export interface ResourceInfo {
  /** The plural (`pods`, `deployments`). */
  type: string;
  group: string;
  version: string;
  singular: string;
  kind: string;
  shortNames: readonly string[];
  namespaced: boolean;
  categories: readonly string[];
  verbs: readonly string[];
  /** The OpenAPI definition explain starts from. */
  schema: string;
  /** Whether the sandbox keeps objects of this type; the others are always empty. */
  simulated: boolean;
}

const SIMULATED: ReadonlySet<string> = new Set<SimulatedType>([
  'pods',
  'nodes',
  'namespaces',
  'events',
  'services',
]);

const info = (r: ApiResource): ResourceInfo => ({
  type: r.name,
  group: r.group,
  version: r.version,
  singular: r.kind.toLowerCase(),
  kind: r.kind,
  shortNames: r.shortNames,
  namespaced: r.namespaced,
  categories: r.categories,
  verbs: r.verbs,
  schema: r.schema,
  simulated: r.group === '' && SIMULATED.has(r.name),
});

export const RESOURCES: readonly ResourceInfo[] = API_RESOURCES.map(info);

/** `pods`, `deployments.apps`: the name in the server's messages. */
export const qualifiedName = (r: ResourceInfo): string => qualifiedResource({ name: r.type, group: r.group });

export function resolveResource(word: string): ResourceInfo | undefined {
  // Every command names a type or two, mostly the same few: the answers are kept by the word.
  if (resolved.has(word)) return resolved.get(word);
  const info = resolvedAfresh(word);
  if (resolved.size >= RESOLVED_MAX) resolved.clear();
  resolved.set(word, info);
  return info;
}

const resolved = new Map<string, ResourceInfo | undefined>();
const RESOLVED_MAX = 1024;

/** The type a word names, looked up afresh (what `resolveResource` keeps; for tests). */
export function resolvedAfresh(word: string): ResourceInfo | undefined {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot === -1 ? word : word.slice(0, dot);
  // TYPE.GROUP or TYPE.VERSION.GROUP: `pods.` and `pods.v1.` are the core group, but `pods.v1`
  // asks for a group named v1, which no server has (kubectl 1.33 against Podium's API door).
  const qualifier = dot === -1 ? null : lower.slice(dot + 1);
  return RESOURCES.find((r) => {
    if (!isNamed(r, name)) return false;
    if (qualifier === null) return true;
    return qualifier === r.group || qualifier === `${r.version}.${r.group}`;
  });
}

/**
 * Whether a bare word names the type: kubectl's ShortcutExpander matches short names exactly
 * (`PO` is no type), then the RESTMapper lowercases the word for plurals, singulars and kinds
 * (`Pods`, `POD`). Checked with kubectl 1.33 against Podium's API door.
 */
const isNamed = (r: ResourceInfo, word: string): boolean => {
  const lower = word.toLowerCase();
  return r.type === lower || r.singular === lower || r.shortNames.includes(word);
};

/** Every type a bare word names (plural, singular, short name or kind), core group first: ResourcesFor. */
export const resourcesNamed = (word: string): ResourceInfo[] => RESOURCES.filter((r) => isNamed(r, word));

/**
 * The ShortcutExpander's warnings for a type word whose short name also belongs to types of lower
 * priority, when no group narrows it (`ev`, `ev.`, `ev.v1.`; not `ev.events.k8s.io`): one per
 * such type, `events.events.k8s.io` for `ev`.
 */
export function shortNameWarnings(word: string): string[] {
  const dot = word.indexOf('.');
  const name = dot === -1 ? word : word.slice(0, dot);
  // Asked for every command's type words: most short names name one type, and say nothing.
  const matching = byShortName().get(name);
  if (matching === undefined || matching.length < 2) return [];
  const qualifier = dot === -1 ? '' : word.slice(dot + 1);
  if (qualifier !== '' && !/^v\d[a-z0-9]*\.$/.test(qualifier)) return [];
  const [, ...others] = matching;
  return others.map(
    (r) =>
      `Warning: short name ${JSON.stringify(name)} could also match lower priority resource ${qualifiedName(r)}`,
  );
}

/** The types each short name names, in discovery order (made once). */
let shortNames: Map<string, ResourceInfo[]> | undefined;
function byShortName(): Map<string, ResourceInfo[]> {
  if (shortNames !== undefined) return shortNames;
  const map = new Map<string, ResourceInfo[]>();
  for (const r of RESOURCES)
    for (const s of r.shortNames) {
      const list = map.get(s);
      if (list === undefined) map.set(s, [r]);
      else list.push(r);
    }
  shortNames = map;
  return map;
}

/** The types in a discovery category (`all`), in discovery order. */
export const categoryMembers = (category: string): ResourceInfo[] =>
  RESOURCES.filter((r) => r.categories.includes(category));
