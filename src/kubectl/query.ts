import { lastIndexNamed } from '../cluster/changes.ts';
import { matchesSelector, parseSelector, type Selector } from '../cluster/labels/selector.ts';
import type { Cluster, Labels, Namespace, Node, Pod, Service } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagString, type ParsedLine } from './flags.ts';
import type { ResourceInfo } from './resources.ts';
import { kubectlSelectorError, kubectlSelectorText } from './selector.ts';

export type AnyObject = Pod | Node | Namespace | Service;

/** `-l` as the API server sees it: trimmed, parsed, or the server's BadRequest. */
export function selectorOf(line: ParsedLine, resource: string): Result<Selector | null, KubectlError> {
  const raw = flagString(line, 'selector');
  if (raw === undefined) return ok(null);
  // The same few selectors are typed again and again: parsed once each (a bounded number).
  const key = `${resource}\u0000${raw}`;
  let known = selectors.get(key);
  if (known === undefined) {
    // Shared by every later command: frozen, so a reader that changed it would fail loudly.
    known = frozen(selectorAfresh(raw, resource));
    if (selectors.size >= SELECTORS_KEPT) selectors.clear();
    selectors.set(key, known);
  }
  return known;
}

const selectors = new Map<string, Result<Selector | null, KubectlError>>();
const SELECTORS_KEPT = 256;

function frozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** `-l` parsed afresh (what `selectorOf` keeps; for tests). */
export function selectorAfresh(raw: string, resource: string): Result<Selector | null, KubectlError> {
  if (kubectlSelectorText(raw) === '') return ok(null);
  const parsed = parseSelector(kubectlSelectorText(raw));
  if (!parsed.ok)
    return err(kubectlError('rawText', { text: kubectlSelectorError(raw, resource, parsed.error.message) }));
  return ok(parsed.value);
}

/** Objects of a type, in the API's order (namespace, then name), filtered by scope and selector. */
export function listObjects(
  cluster: Cluster,
  resource: ResourceInfo,
  namespace: string | null,
  selector: Selector | null,
): AnyObject[] {
  if (!resource.simulated || resource.type === 'events') return [];
  const all: readonly AnyObject[] =
    resource.type === 'pods'
      ? cluster.pods
      : resource.type === 'services'
        ? cluster.services
        : resource.type === 'nodes'
          ? cluster.nodes
          : cluster.namespaces;
  // Nodes and namespaces belong to no namespace: only pods and services are scoped.
  const scope =
    namespace !== null && (resource.type === 'pods' || resource.type === 'services') ? namespace : null;
  return selected(resource.type, all, scope, selector).slice();
}

/** Whether an object is in the scope (null: any namespace) and matches the selector (null: any). */
const isSelected = (o: AnyObject, scope: string | null, selector: Selector | null): boolean =>
  (scope === null || nsOf(o) === scope) &&
  (selector === null || matchesSelector(selector, o.metadata.labels as Labels));

/**
 * The objects a list selects, in the API's order, kept per type, scope and selector with the list
 * they were selected from. A command after a write asks of a list made from that one by the write
 * (`applyToCluster`: the others in their order, old versions dropped, new ones appended): the
 * answer is the kept one less what was dropped, with the new ones that match inserted, and no
 * other object is read (its labels, spread over the heap, cost a `get -l` of 100 pods most of its
 * listing). Callers get a copy.
 */
function selected(
  type: string,
  all: readonly AnyObject[],
  scope: string | null,
  selector: Selector | null,
): readonly AnyObject[] {
  const key = scope === null ? type : `${type}\u0000${scope}`;
  let bySelector = selections.get(key);
  if (bySelector === undefined) {
    if (selections.size >= SCOPES_KEPT) selections.clear();
    bySelector = new Map();
    selections.set(key, bySelector);
  }
  const kept = bySelector.get(selector ?? EVERY);
  if (kept !== undefined && kept.input === all) return kept.result;
  const result =
    (kept !== undefined && afterWrite(kept.input, kept.result, all, (o) => isSelected(o, scope, selector))) ||
    inApiOrder(all).filter((o) => isSelected(o, scope, selector));
  if (bySelector.size >= SELECTORS_PER_SCOPE) bySelector.clear();
  bySelector.set(selector ?? EVERY, { input: all, result });
  return result;
}

interface Selection {
  input: readonly AnyObject[];
  result: readonly AnyObject[];
}

/**
 * Per type and scope, per selector (`EVERY` for none): the last list selected from and its answer.
 * Few of each: a kept list may be the last reference to an evicted sandbox's objects, and a
 * selector parsed afresh (`label -l`, the quiz) is a new key every time.
 */
const selections = new Map<string, Map<Selector | typeof EVERY, Selection>>();
const EVERY = Symbol('every object');
const SCOPES_KEPT = 16;
const SELECTORS_PER_SCOPE = 8;

/**
 * Each list of a cluster sorted once: a cluster's lists are never changed in place (a write
 * makes new ones, and under the tests they are frozen), so the list itself is the key, and
 * every `get`, `describe` and `logs` of an unchanged sandbox reads the same sorted copy.
 */
const sorted = new WeakMap<readonly AnyObject[], readonly AnyObject[]>();

export function inApiOrder(objects: readonly AnyObject[]): readonly AnyObject[] {
  let known = sorted.get(objects);
  if (known === undefined) {
    known = sortedCopy(objects);
    sorted.set(objects, known);
  }
  return known;
}

/** At most this many objects are inserted one by one; more are sorted. */
const INSERTED_MAX = 8;

/** The list sorted last, and its sorted copy: the next list is usually it after one write. */
let last: { input: readonly AnyObject[]; sorted: readonly AnyObject[] } | undefined;

function sortedCopy(objects: readonly AnyObject[]): readonly AnyObject[] {
  const sorted =
    (last !== undefined && afterWrite(last.input, last.sorted, objects, () => true)) || fullSort(objects);
  last = { input: objects, sorted };
  return sorted;
}

/**
 * A write keeps the other objects in their order, drops the old version and puts the new one last
 * (`applyToCluster`): when `objects` is `input` less a few, then a few more, the answer kept for
 * `input` (its sorted copy, or what a selection took of it, in order) carries over: less those
 * dropped, with the new ones it `takes` inserted, and no other object read. Undefined when it is
 * not (or two keys tie).
 */
function afterWrite(
  input: readonly AnyObject[],
  answer: readonly AnyObject[],
  objects: readonly AnyObject[],
  takes: (object: AnyObject) => boolean,
): AnyObject[] | undefined {
  const diff = writeDiff(input, objects);
  if (diff === undefined) return undefined;
  const { dropped } = diff;
  const out = dropped.length === 0 ? answer.slice() : answer.filter((o) => !dropped.includes(o));
  for (let i = diff.kept; i < objects.length; i++) {
    const object = objects[i] as AnyObject;
    if (takes(object) && !insertSorted(out, object)) return undefined;
  }
  return out;
}

/**
 * How `objects` was made from `input` by a write: `input` less `dropped` (in its order) is
 * `objects` up to `kept`, and the rest was appended. Read by identity only, no object's fields.
 * Undefined when it was not, or more than a few objects were dropped or appended.
 */
function writeDiff(
  input: readonly AnyObject[],
  objects: readonly AnyObject[],
): { dropped: AnyObject[]; kept: number } | undefined {
  let kept = 0;
  const dropped: AnyObject[] = [];
  for (const object of input) {
    if (object === objects[kept]) kept++;
    else {
      dropped.push(object);
      if (dropped.length > INSERTED_MAX) return undefined;
    }
  }
  if (objects.length - kept > INSERTED_MAX) return undefined;
  return { dropped, kept };
}

/** Inserts the object in its place by namespace and name; false (nothing inserted) on a tie. */
function insertSorted(out: AnyObject[], object: AnyObject): boolean {
  let lo = 0;
  let hi = out.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const order = byNamespaceThenName(out[mid] as AnyObject, object);
    if (order === 0) return false;
    if (order < 0) lo = mid + 1;
    else hi = mid;
  }
  out.splice(lo, 0, object);
  return true;
}

function fullSort(objects: readonly AnyObject[]): AnyObject[] {
  // Each object's key read once: a comparator reading them costs most of the sort.
  const keyed = objects.map((object) => ({ ns: nsOf(object), name: object.metadata.name, object }));
  keyed.sort((a, b) => compare(a.ns, b.ns) || compare(a.name, b.name));
  return keyed.map((k) => k.object);
}

function byNamespaceThenName(a: AnyObject, b: AnyObject): number {
  return compare(nsOf(a), nsOf(b)) || compare(a.metadata.name, b.metadata.name);
}

export function findObject(
  cluster: Cluster,
  resource: ResourceInfo,
  namespace: string,
  name: string,
): AnyObject | undefined {
  if (!resource.simulated || resource.type === 'events') return undefined;
  if (resource.type === 'pods') return newestNamed(cluster.pods, namespace, name);
  if (resource.type === 'services') return newestNamed(cluster.services, namespace, name);
  if (resource.type === 'nodes') return cluster.nodes.find((n) => n.metadata.name === name);
  return cluster.namespaces.find((n) => n.metadata.name === name);
}

/** The object of that namespace and name, if there is one (looked for from the end: `lastIndexNamed`). */
function newestNamed<X extends Pod | Service>(
  xs: readonly X[],
  namespace: string,
  name: string,
): X | undefined {
  const at = lastIndexNamed(xs, namespace, name);
  return at === -1 ? undefined : xs[at];
}

const nsOf = (o: AnyObject) => ('namespace' in o.metadata ? o.metadata.namespace : '');

/** Byte order, as etcd keys sort (not locale order). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
