import { API_RESOURCES, type ApiResource, groupVersion } from '../cluster/openapi/discovery.ts';
import { KUBERNETES_VERSION } from '../cluster/seed.ts';
import { type ApiResponse, JSON_TYPE, jsonResponse } from './types.ts';

/**
 * Discovery as a v1.34 API server serves it, from the same resource list as `kubectl
 * api-resources` in chat. kubectl 1.30+ asks `/api` and `/apis` for the aggregated form
 * (apidiscovery.k8s.io/v2) and reads it only when the Content-Type says so exactly; older or
 * plainer clients get APIVersions, APIGroupList and APIResourceList.
 */
export const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Where the API server says it listens (APIVersions' serverAddressByClientCIDRs). */
export const SERVER_ADDRESS = '127.0.0.1:6443';

const SUBRESOURCES: Readonly<Record<string, readonly { name: string; kind: string; verbs: string[] }[]>> = {
  pods: [
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
  ],
};

const singular = (r: ApiResource) => r.kind.toLowerCase();

function groupsOf(core: boolean): { group: string; versions: string[]; resources: ApiResource[] }[] {
  const groups = new Map<string, { group: string; versions: string[]; resources: ApiResource[] }>();
  for (const r of API_RESOURCES) {
    if ((r.group === '') !== core) continue;
    const entry = groups.get(r.group) ?? { group: r.group, versions: [], resources: [] };
    if (!entry.versions.includes(r.version)) entry.versions.push(r.version);
    entry.resources.push(r);
    groups.set(r.group, entry);
  }
  return [...groups.values()];
}

function aggregatedResource(r: ApiResource) {
  const subresources = (SUBRESOURCES[r.name] ?? []).map((s) => ({
    subresource: s.name,
    responseKind: { group: r.group, version: r.version, kind: s.kind },
    verbs: s.verbs,
  }));
  return {
    resource: r.name,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: singular(r),
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    ...(subresources.length > 0 ? { subresources } : {}),
  };
}

function aggregated(core: boolean) {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groupsOf(core).map((g) => ({
      metadata: { ...(g.group === '' ? {} : { name: g.group }), creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: g.resources.filter((r) => r.version === version).map(aggregatedResource),
        freshness: 'Current',
      })),
    })),
  };
}

function resourceList(group: string, version: string) {
  const resources = API_RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return null;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: resources.flatMap((r) => [
      {
        name: r.name,
        singularName: singular(r),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length > 0 ? { categories: r.categories } : {}),
      },
      ...(SUBRESOURCES[r.name] ?? []).map((s) => ({
        name: `${r.name}/${s.name}`,
        singularName: '',
        namespaced: r.namespaced,
        kind: s.kind,
        verbs: s.verbs,
      })),
    ]),
  };
}

const wantsAggregated = (accept: string) => accept.includes('as=APIGroupDiscoveryList');

/** The answer to a discovery or version path, or null when the path is not one of them. */
export function discoveryResponse(path: string, accept: string): ApiResponse | null {
  const clean = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (clean === '/version') return jsonResponse(200, versionInfo());
  if (clean === '/api') {
    if (wantsAggregated(accept)) return jsonResponse(200, aggregated(true), AGGREGATED_TYPE);
    return jsonResponse(200, {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: SERVER_ADDRESS }],
    });
  }
  if (clean === '/apis') {
    if (wantsAggregated(accept)) return jsonResponse(200, aggregated(false), AGGREGATED_TYPE);
    return jsonResponse(200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groupsOf(false).map((g) => {
        const versions = g.versions.map((version) => ({
          groupVersion: groupVersion({ group: g.group, version }),
          version,
        }));
        return { name: g.group, versions, preferredVersion: versions[0] };
      }),
    });
  }
  const parts = clean.split('/');
  if (parts.length === 3 && parts[1] === 'api') return listed(resourceList('', parts[2] ?? ''));
  if (parts.length === 4 && parts[1] === 'apis') return listed(resourceList(parts[2] ?? '', parts[3] ?? ''));
  return null;
}

const listed = (list: object | null): ApiResponse | null =>
  list === null ? null : { status: 200, contentType: JSON_TYPE, body: JSON.stringify(list) };

export function versionInfo() {
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.');
  return {
    major: major ?? '1',
    minor: minor ?? '34',
    emulationMajor: major ?? '1',
    emulationMinor: minor ?? '34',
    minCompatibilityMajor: major ?? '1',
    minCompatibilityMinor: String(Number(minor ?? '34') - 1),
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-09-09T19:44:50Z',
    goVersion: 'go1.24.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
