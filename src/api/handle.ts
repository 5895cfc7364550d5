import { parse as parseYaml } from 'yaml';
import { apiObject } from '../cluster/api-object.ts';
import type { Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import { creationRefused } from '../cluster/member-kinds.ts';
import type { Cluster } from '../cluster/model.ts';
import {
  dryRunUpdate,
  jsonObjectBody,
  type LiveObject,
  type ObjectUpdate,
  objectBody,
  patchObject,
  patchTypeOf,
  updateObject,
  updateStatus,
} from '../cluster/object-patch.ts';
import { qualifiedResource } from '../cluster/openapi/discovery.ts';
import { APPLY_CREATES, serverSideApply } from '../cluster/server-side-apply.ts';
import { badRequest, forbidden, notFound, type Status } from '../cluster/status.ts';
import { err, ok, type Result } from '../result.ts';
import { decodeProtobufObject } from './protobuf.ts';
import {
  getResponse,
  listResponse,
  listVersion,
  logResponse,
  queryOf,
  selectItems,
  servedKind,
} from './read.ts';
import type { ResourceRoute } from './route.ts';
import { doorStatus, statusResponse } from './status.ts';
import { type ApiRequest, type ApiResponse, type Json, jsonResponse } from './types.ts';
import {
  createNamespaceFrom,
  createPodFrom,
  decodedReplacement,
  deleteObject,
  type Written,
} from './write.ts';

/**
 * One request on a resource of one sandbox: the response, and the changes the store writes in
 * the same transaction (none for reads, dry runs and refusals). Pure: the cluster, the id
 * source and the request in; no clock, no I/O.
 */
export interface Handled {
  response: ApiResponse;
  changes: Change[];
}

const refused = (status: Status | ReturnType<typeof doorStatus>): Handled => ({
  response: statusResponse(status),
  changes: [],
});

export function handleResource(
  cluster: Cluster,
  ids: Ids,
  request: ApiRequest,
  route: ResourceRoute,
): Handled {
  const result = dispatchMethod(cluster, ids, request, route);
  return result.ok ? result.value : refused(result.error);
}

type Outcome = Result<Handled, Status | ReturnType<typeof doorStatus>>;

function dispatchMethod(cluster: Cluster, ids: Ids, request: ApiRequest, route: ResourceRoute): Outcome {
  const { name, subresource } = route;
  switch (request.method) {
    case 'GET':
      if (name === null) return list(cluster, ids, request, route);
      if (subresource === 'log' && route.resource.name === 'pods')
        return read(logResponse(cluster, route.namespace ?? '', name, request.query));
      if (subresource === 'exec' || subresource === 'portforward' || subresource === 'attach')
        return err(badRequest('Upgrade request required'));
      if (subresource !== null && subresource !== 'status') return err(notFoundPath());
      return read(getResponse(cluster, route, name, request.accept, request.query.get('includeObject')));
    case 'POST':
      // A namespaced kind is created in a namespace, never on the all-namespaces collection.
      if (name !== null || (route.resource.namespaced && route.namespace === null))
        return err(notAllowed(request.method));
      return write(request, create(cluster, ids, request, route));
    case 'PUT':
    case 'PATCH':
      if (name === null) return err(notAllowed(request.method));
      if (subresource !== null && subresource !== 'status')
        return err(
          SUBRESOURCES[route.resource.name]?.includes(subresource)
            ? notAllowed(request.method)
            : notFoundPath(),
        );
      return write(request, update(cluster, ids, request, route, name));
    case 'DELETE':
      if (subresource !== null) return err(notAllowed(request.method));
      return write(request, remove(cluster, ids, request, route));
    default:
      return err(notAllowed(request.method));
  }
}

/**
 * The other subresources v1.34 has on the kinds the door keeps: it serves no write to them, and
 * a write to any other subresource path (`replace --subresource=scale` of a pod) finds no route.
 */
const SUBRESOURCES: Readonly<Record<string, readonly string[]>> = {
  pods: [
    'attach',
    'binding',
    'ephemeralcontainers',
    'eviction',
    'exec',
    'log',
    'portforward',
    'proxy',
    'resize',
  ],
  namespaces: ['finalize'],
  nodes: ['proxy'],
  services: ['proxy'],
};

const notFoundPath = () => doorStatus('NotFound', 'the server could not find the requested resource', {});
const notAllowed = (method: string) =>
  doorStatus(
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${method})`,
  );

const read = (r: Result<ApiResponse, Status>): Outcome => (r.ok ? ok({ response: r.value, changes: [] }) : r);

/**
 * A write's answer; a dry run (`dryRun=All` in the query, or for a DELETE in the body's
 * DeleteOptions, where kubectl puts it: `{"dryRun":["All"],"propagationPolicy":"Background"}`)
 * answers the same and changes nothing.
 */
function write(request: ApiRequest, r: Result<Written, Status | ReturnType<typeof doorStatus>>): Outcome {
  if (!r.ok) return r;
  const dryRun = request.query.get('dryRun') === 'All' || deleteDryRun(request);
  const response = jsonResponse(r.value.created ? 201 : 200, r.value.object);
  const warnings = r.value.warnings;
  return ok({
    response: warnings.length > 0 ? { ...response, warnings } : response,
    changes: dryRun ? [] : r.value.changes,
  });
}

function list(cluster: Cluster, ids: Ids, request: ApiRequest, route: ResourceRoute): Outcome {
  const query = queryOf(request.query);
  if (!query.ok) return query;
  const items = selectItems(cluster, route, query.value);
  if (!items.ok) return items;
  const rv = listVersion(items.value, 1000 + ids.serial);
  return ok({
    response: listResponse(route, items.value, rv, request.accept, request.query.get('includeObject')),
    changes: [],
  });
}

/** The request body as JSON (or YAML for server-side apply), which must be an object. */
export function bodyOf(request: ApiRequest): Result<Json, Status> {
  if (request.contentType !== 'application/apply-patch+yaml' && request.contentType !== 'application/yaml')
    return jsonObjectBody(request.body);
  let parsed: unknown;
  try {
    parsed = parseYaml(request.body, { maxAliasCount: 0 });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'unreadable';
    return err(badRequest(`couldn't get version/kind; json parse error: ${why}`));
  }
  return objectBody(parsed);
}

const JSONISH = new Set(['application/json', 'application/yaml', '']);
const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** `kubectl create namespace NAME` posts protobuf; read the little of it the sandbox keeps. */
function protobufBody(request: ApiRequest): Result<Json, Status> {
  const decoded = decodeProtobufObject(request.raw ?? Buffer.from(request.body, 'latin1'));
  return decoded.ok ? decoded : err(badRequest(`the protobuf body could not be read: ${decoded.error}`));
}

function unsupportedMedia(type: string) {
  return doorStatus(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (this sandbox does not read ${type})`,
  );
}

function create(cluster: Cluster, ids: Ids, request: ApiRequest, route: ResourceRoute) {
  const body = request.contentType === PROTOBUF ? protobufBody(request) : bodyOf(request);
  if (request.contentType !== PROTOBUF && !JSONISH.has(request.contentType))
    return err(unsupportedMedia(request.contentType));
  if (!body.ok) return body;
  const kind = servedKind(route)?.kind;
  if (kind === 'Pod')
    return createPodFrom(cluster, route.namespace ?? 'default', body.value, ids, request.query);
  if (kind === 'Namespace') return createNamespaceFrom(cluster, body.value, ids, request.query);
  const name = String((body.value.metadata as Json | undefined)?.name ?? '');
  const resource = qualifiedResource(route.resource);
  if (kind === 'Node')
    return err(forbidden(resource, name, "this sandbox's nodes are fixed; label the existing nodes instead"));
  return err(creationRefused(resource, name));
}

function update(cluster: Cluster, ids: Ids, request: ApiRequest, route: ResourceRoute, name: string) {
  const kind = servedKind(route)?.kind;
  const ns = route.namespace ?? '';
  const live =
    kind === 'Pod'
      ? cluster.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name)
      : kind === 'Node'
        ? cluster.nodes.find((n) => n.metadata.name === name)
        : kind === 'Namespace'
          ? cluster.namespaces.find((n) => n.metadata.name === name)
          : undefined;
  if (request.contentType === 'application/apply-patch+yaml') {
    const body = bodyOf(request);
    if (!body.ok) return body;
    const plan = serverSideApply(live === undefined ? undefined : apiObject(live, cluster), body.value);
    if (!plan.ok) return plan;
    if (plan.value.op === 'create') {
      // Server-side apply creates what is absent; every other update needs the object.
      if (kind !== undefined && APPLY_CREATES.has(kind))
        return create(cluster, ids, { ...request, contentType: 'application/yaml' }, route);
      return err(notFound(qualifiedResource(route.resource), name));
    }
    if (live !== undefined) return written(request, live, updateObject(cluster, live, plan.value.next, ids));
  }
  if (request.method === 'PUT') return put(cluster, ids, request, live, route, name);
  if (live === undefined) return err(notFound(qualifiedResource(route.resource), name));
  const patchType = patchTypeOf(request.contentType);
  if (patchType !== undefined)
    return written(request, live, patchObject(cluster, live, patchType, request.body, ids));
  // A PATCH of a type the server has no patcher for: its body is read first, as it was.
  const body = bodyOf(request);
  if (!body.ok) return body;
  return err(unsupportedMedia(request.contentType));
}

/**
 * PUT (`kubectl replace -f`) sends the whole object, which replaces the stored one: what it leaves
 * out (the server's defaults on create, the token volume, nodeName) is a change the update rules
 * judge, as any update's. The handler's checkName comes before the storage looks for the object.
 */
function put(
  cluster: Cluster,
  ids: Ids,
  request: ApiRequest,
  live: LiveObject | undefined,
  route: ResourceRoute,
  name: string,
): Result<Written, Status> {
  const body = bodyOf(request);
  if (!body.ok) return body;
  const kind = servedKind(route)?.kind;
  const decoded =
    kind === 'Pod' || kind === 'Namespace' || kind === 'Node'
      ? decodedReplacement(kind, route.namespace ?? '', body.value, request.query)
      : ok([]);
  // The handler decodes (strictly, if asked) and checks the name; the object's validation is the storage's.
  if (!decoded.ok && decoded.error.reason !== 'Invalid') return decoded;
  const named = checkName(body.value, name, route.namespace ?? '');
  if (!named.ok) return named;
  if (live === undefined) return err(notFound(qualifiedResource(route.resource), name));
  if (!decoded.ok) return decoded;
  if (route.subresource === 'status') return written(request, live, updateStatus(cluster, live, body.value));
  const update = written(request, live, updateObject(cluster, live, body.value, ids));
  return update.ok ? ok({ ...update.value, warnings: decoded.value }) : update;
}

/** The door's answer to an update: the object as stored (or a dry run's, as it would be), never created. */
function written(
  request: ApiRequest,
  live: LiveObject,
  r: Result<ObjectUpdate, Status>,
): Result<Written, Status> {
  if (!r.ok) return r;
  const update = request.query.get('dryRun') === 'All' ? dryRunUpdate(r.value, live) : r.value;
  return ok({ object: update.object, changes: update.changes, warnings: [], created: false });
}

/** The handler's checkName: the body names the URL's object, and its namespace if any. */
function checkName(body: Json, name: string, namespace: string): Result<null, Status> {
  const meta = (typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {}) as Json;
  const objName = typeof meta.name === 'string' ? meta.name : '';
  if (objName !== name)
    return err(
      badRequest(`the name of the object (${objName}) does not match the name on the URL (${name})`),
    );
  const objNamespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (namespace !== '' && objNamespace !== '' && objNamespace !== namespace)
    return err(
      badRequest(
        `the namespace of the object (${objNamespace}) does not match the namespace on the request (${namespace})`,
      ),
    );
  return ok(null);
}

function remove(
  cluster: Cluster,
  ids: Ids,
  request: ApiRequest,
  route: ResourceRoute,
): Result<Written, Status | ReturnType<typeof doorStatus>> {
  const kind = servedKind(route)?.kind;
  const grace = deleteGrace(request);
  if (!grace.ok) return grace;
  if (route.name === null) return removeCollection(cluster, ids, request, route, grace.value);
  if (kind === 'Pod' || kind === 'Namespace' || kind === 'Node' || kind === 'Service')
    return deleteObject(cluster, kind, route.namespace ?? '', route.name, ids, grace.value);
  return err(notFound(qualifiedResource(route.resource), route.name));
}

/**
 * DeleteOptions' `gracePeriodSeconds`, from the body kubectl sends (`{"gracePeriodSeconds":0,
 * "propagationPolicy":"Background"}` with --force) or from the query when the body is empty;
 * a negative period is 1 s, as the pod strategy's CheckGracefulDelete makes it.
 */
function deleteGrace(request: ApiRequest): Result<number | undefined, Status> {
  let value: unknown = request.query.get('gracePeriodSeconds') ?? undefined;
  if (request.body.trim() !== '') {
    const body = bodyOf(request);
    if (!body.ok) return body;
    value = body.value.gracePeriodSeconds ?? value;
  }
  if (value === undefined || value === null) return ok(undefined);
  const seconds = Number(value);
  if (!Number.isInteger(seconds))
    return err(
      badRequest(`gracePeriodSeconds: invalid value ${JSON.stringify(value)}: must be a whole number`),
    );
  return ok(seconds < 0 ? 1 : seconds);
}

function deleteDryRun(request: ApiRequest): boolean {
  if (request.method !== 'DELETE' || request.body.trim() === '') return false;
  const body = bodyOf(request);
  return body.ok && Array.isArray(body.value.dryRun) && body.value.dryRun.includes('All');
}

/** deletecollection: every selected pod of the namespace, answered with the list of them. */
function removeCollection(
  cluster: Cluster,
  ids: Ids,
  request: ApiRequest,
  route: ResourceRoute,
  graceSeconds: number | undefined,
): Result<Written, Status | ReturnType<typeof doorStatus>> {
  // Only within one namespace: one request never empties kube-system along with the member's own.
  if (servedKind(route)?.kind !== 'Pod' || route.namespace === null) return err(notAllowed('DELETE'));
  const query = queryOf(request.query);
  if (!query.ok) return query;
  const items = selectItems(cluster, route, query.value);
  if (!items.ok) return items;
  const changes: Change[] = [];
  for (const item of items.value) {
    const deleted = deleteObject(cluster, 'Pod', item.namespace, item.name, ids, graceSeconds);
    if (deleted.ok) changes.push(...deleted.value.changes);
  }
  return ok({
    object: { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: items.value.map((i) => i.json) },
    changes,
    warnings: [],
    created: false,
  });
}
