import { API_RESOURCES, type ApiResource } from '../cluster/openapi/discovery.ts';

/**
 * The resource paths of the Kubernetes REST API, read with one linear split (no regex over the
 * member's path):
 *
 *   /api/v1/RESOURCE[/NAME[/SUB]]                      cluster-scoped, or every namespace
 *   /api/v1/namespaces/NS/RESOURCE[/NAME[/SUB]]        namespaced
 *   /apis/GROUP/VERSION/...                            the same under a named group
 *
 * `namespaces/NAME` itself is the cluster-scoped resource `namespaces`.
 */
export interface ResourceRoute {
  resource: ApiResource;
  /** null: every namespace (or a cluster-scoped resource). */
  namespace: string | null;
  name: string | null;
  subresource: string | null;
}

export type Routed = { kind: 'resource'; route: ResourceRoute } | { kind: 'none' };

const MAX_SEGMENTS = 12;

export function routeOf(path: string): Routed {
  const parts = path.split('/', MAX_SEGMENTS + 1);
  if (parts.length > MAX_SEGMENTS || parts[0] !== '') return { kind: 'none' };
  const segments = parts.slice(1);
  if (segments[segments.length - 1] === '') segments.pop();
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { kind: 'none' };
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api') {
    group = '';
    version = segments[1] ?? '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis') {
    group = segments[1] ?? '';
    version = segments[2] ?? '';
    rest = segments.slice(3);
  } else return { kind: 'none' };
  const inGroup = API_RESOURCES.filter((r) => r.group === group && r.version === version);
  if (inGroup.length === 0 || rest.length === 0) return { kind: 'none' };
  let namespace: string | null = null;
  // namespaces/NS/RESOURCE, unless RESOURCE is a namespace's own subresource (namespaces/NS/status).
  if (rest[0] === 'namespaces' && rest.length >= 3 && inGroup.some((r) => r.name === rest[2])) {
    namespace = rest[1] ?? null;
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const resource = inGroup.find((r) => r.name === plural);
  if (resource === undefined || extra.length > 0) return { kind: 'none' };
  if (namespace !== null && !resource.namespaced) return { kind: 'none' };
  return {
    kind: 'resource',
    route: { resource, namespace, name: name ?? null, subresource: subresource ?? null },
  };
}
