import {
  type FieldTerm,
  matchesFields,
  parseFieldTerms,
  selectableFields,
  unsupportedField,
} from '../cluster/field-selector.ts';
import { podKubelet } from '../cluster/kubelet-route.ts';
import { matchesSelector, parseSelector, type Selector } from '../cluster/labels/selector.ts';
import { servedLog } from '../cluster/log-options.ts';
import { containerLog } from '../cluster/logs.ts';
import type { Cluster } from '../cluster/model.ts';
import { groupVersion, qualifiedResource } from '../cluster/openapi/discovery.ts';
import { badRequest, notFound, type Status } from '../cluster/status.ts';
import { parseRfc3339 } from '../go/rfc3339.ts';
import { err, ok, type Result } from '../result.ts';
import type { ResourceRoute } from './route.ts';
import { type Item, SERVED, type ServedKind } from './served.ts';
import { type ApiResponse, type Json, jsonResponse } from './types.ts';

/**
 * GET on a resource: one object, a list (label and field selectors applied as the server does),
 * a Table when kubectl asks for one (`as=Table` in Accept: the server computes the cells), and
 * `pods/NAME/log` as plain text.
 */
export const TABLE_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

export const wantsTable = (accept: string) => accept.includes('as=Table');

export function servedKind(route: ResourceRoute): ServedKind | undefined {
  return SERVED[qualifiedResource(route.resource)];
}

export interface Query {
  labels: Selector | null;
  fields: FieldTerm[];
}

/** The list's selectors, or the server's 400. */
export function queryOf(params: URLSearchParams): Result<Query, Status> {
  const labelText = (params.get('labelSelector') ?? '').trim();
  let labels: Selector | null = null;
  if (labelText !== '') {
    const parsed = parseSelector(labelText);
    if (!parsed.ok) return err(badRequest(parsed.error.message));
    labels = parsed.value;
  }
  const fields = parseFieldTerms(params.get('fieldSelector') ?? '');
  if (!fields.ok) return err(badRequest(fields.error));
  return ok({ labels, fields: fields.value });
}

/** The items a list returns, in key order, or the 400 for a field the kind does not know. */
export function selectItems(cluster: Cluster, route: ResourceRoute, query: Query): Result<Item[], Status> {
  const kind = servedKind(route);
  if (kind === undefined) return ok([]);
  const accepted = selectableFields(kind.kind);
  const unknown = query.fields.find((t) => !accepted.includes(t.field));
  if (unknown !== undefined) return err(badRequest(unsupportedField(unknown.field)));
  return ok(
    kind
      .list(cluster, route.namespace)
      .filter((i) => query.labels === null || matchesSelector(query.labels, i.labels))
      .filter((i) => matchesFields(query.fields, (f) => i.field(f)))
      .sort((a, b) => byte(a.namespace, b.namespace) || byte(a.name, b.name)),
  );
}

const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's resourceVersion: the newest of its items', never below the sandbox's counter. */
export function listVersion(items: readonly Item[], floor: number): string {
  let newest = floor;
  for (const i of items) {
    const rv = Number((i.json.metadata as Json | undefined)?.resourceVersion ?? 0);
    if (Number.isFinite(rv) && rv > newest) newest = rv;
  }
  return String(newest);
}

export function listResponse(
  route: ResourceRoute,
  items: readonly Item[],
  resourceVersion: string,
  accept: string,
  include: string | null,
): ApiResponse {
  if (wantsTable(accept)) return tableResponse(route, items, resourceVersion, include, true);
  const { resource } = route;
  return jsonResponse(200, {
    kind: `${resource.kind}List`,
    apiVersion: groupVersion(resource),
    metadata: { resourceVersion },
    items: items.map((i) => i.json),
  });
}

export function getResponse(
  cluster: Cluster,
  route: ResourceRoute,
  name: string,
  accept: string,
  include: string | null,
): Result<ApiResponse, Status> {
  const item = findItem(cluster, route, name);
  if (item === undefined) return err(notFound(qualifiedResource(route.resource), name));
  if (!wantsTable(accept)) return ok(jsonResponse(200, item.json));
  const rv = String((item.json.metadata as Json).resourceVersion ?? '');
  return ok(tableResponse(route, [item], rv, include, true));
}

export function findItem(cluster: Cluster, route: ResourceRoute, name: string): Item | undefined {
  const kind = servedKind(route);
  return kind?.list(cluster, route.namespace).find((i) => i.name === name);
}

/** A Table: the kind's columns, one row per item with its PartialObjectMetadata (or the object). */
export function tableResponse(
  route: ResourceRoute,
  items: readonly Item[],
  resourceVersion: string,
  include: string | null,
  withColumns: boolean,
): ApiResponse {
  return jsonResponse(200, tableOf(route, items, resourceVersion, include, withColumns), TABLE_TYPE);
}

export function tableOf(
  route: ResourceRoute,
  items: readonly Item[],
  resourceVersion: string,
  include: string | null,
  withColumns: boolean,
): Json {
  const columns = servedKind(route)?.columns ?? [
    { name: 'Name', priority: 0 as const, format: 'name' as const },
    { name: 'Created At', priority: 0 as const },
  ];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: withColumns
      ? columns.map((c) => ({
          name: c.name,
          type: 'string',
          format: c.format ?? '',
          description: '',
          priority: c.priority,
        }))
      : null,
    rows: items.map((i) => ({
      cells: i.cells,
      ...(include === 'None' ? {} : { object: include === 'Object' ? i.json : partial(i.json) }),
    })),
  };
}

function partial(json: Json): Json {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: json.metadata };
}

/** `pods/NAME/log`: the container's log as the kubelet serves it, cut as asked. */
export function logResponse(cluster: Cluster, namespace: string, name: string, q: URLSearchParams) {
  const pod = cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  if (pod === undefined) return err(notFound('pods', name));
  const containers = pod.spec.containers;
  const wanted = q.get('container');
  if (wanted === null && containers.length > 1) {
    const names = containers.map((c) => c.name).join(' ');
    return err(badRequest(`a container name must be specified for pod ${name}, choose one of: [${names}]`));
  }
  const index = wanted === null ? 0 : containers.findIndex((c) => c.name === wanted);
  if (index < 0) return err(badRequest(`container ${wanted} is not valid for pod ${name}`));
  const kubelet = podKubelet(pod, cluster);
  if (!kubelet.ok) return kubelet;
  const log = containerLog(pod, index, cluster.now, q.get('previous') === 'true');
  if (!log.ok) return err(badRequest(log.message));
  const text = servedLog(log.lines, cluster.now, {
    sinceSeconds: wholeNumber(q.get('sinceSeconds')),
    sinceTime: sinceTimeOf(q.get('sinceTime')),
    tailLines: wholeNumber(q.get('tailLines')),
    timestamps: q.get('timestamps') === 'true',
    limitBytes: wholeNumber(q.get('limitBytes')),
  });
  return ok({ status: 200, contentType: 'text/plain', body: text });
}

/** A whole-number query parameter, or null when absent or not one. */
function wholeNumber(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text);
  return Number.isInteger(n) ? n : null;
}

/** `sinceTime` (RFC 3339, as kubectl sends it), at its whole second; null when absent or unreadable. */
function sinceTimeOf(text: string | null): number | null {
  if (text === null || text === '') return null;
  const parsed = parseRfc3339(text);
  return parsed.ok ? Math.floor(parsed.value / 1000) * 1000 : null;
}
