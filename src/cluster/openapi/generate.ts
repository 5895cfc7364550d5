/**
 * Regenerates `v1.34.json`: the resources a v1.34 API server's discovery lists and the schema
 * `kubectl explain` walks, from the Kubernetes OpenAPI document.
 *
 *   node --import tsx src/cluster/openapi/generate.ts SWAGGER.json > src/cluster/openapi/v1.34.json
 *
 * Input (pinned): kubernetes-client/python tag v34.1.0, `kubernetes/swagger.json.unprocessed`,
 * which is the Kubernetes `api/openapi-spec/swagger.json` of branch release-1.34 (Apache-2.0,
 * The Kubernetes Authors). Only what explain and api-resources print is kept: every definition
 * reachable from a served kind, each with its description and its fields' printed types,
 * descriptions and required marks. Short names and categories are not in OpenAPI; they come from
 * each resource's registry strategy (`ShortNames()`, `Categories()`) and are listed below.
 */
import { readFileSync } from 'node:fs';

interface Schema {
  description?: string;
  type?: string;
  format?: string;
  $ref?: string;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}
interface Operation {
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string };
}
interface Swagger {
  definitions: Record<string, Schema>;
  paths: Record<string, Record<string, Operation | unknown>>;
}

// pkg/registry/**/storage: ShortNames() and Categories() at v1.34.
const SHORT_NAMES: Record<string, string[]> = {
  componentstatuses: ['cs'],
  configmaps: ['cm'],
  endpoints: ['ep'],
  events: ['ev'],
  limitranges: ['limits'],
  namespaces: ['ns'],
  nodes: ['no'],
  persistentvolumeclaims: ['pvc'],
  persistentvolumes: ['pv'],
  pods: ['po'],
  replicationcontrollers: ['rc'],
  resourcequotas: ['quota'],
  serviceaccounts: ['sa'],
  services: ['svc'],
  'customresourcedefinitions.apiextensions.k8s.io': ['crd', 'crds'],
  'daemonsets.apps': ['ds'],
  'deployments.apps': ['deploy'],
  'replicasets.apps': ['rs'],
  'statefulsets.apps': ['sts'],
  'horizontalpodautoscalers.autoscaling': ['hpa'],
  'cronjobs.batch': ['cj'],
  'certificatesigningrequests.certificates.k8s.io': ['csr'],
  'events.events.k8s.io': ['ev'],
  'ingresses.networking.k8s.io': ['ing'],
  'ipaddresses.networking.k8s.io': ['ip'],
  'networkpolicies.networking.k8s.io': ['netpol'],
  'poddisruptionbudgets.policy': ['pdb'],
  'priorityclasses.scheduling.k8s.io': ['pc'],
  'storageclasses.storage.k8s.io': ['sc'],
  'volumeattributesclasses.storage.k8s.io': ['vac'],
};
const ALL = ['all'];
const API_EXTENSIONS = ['api-extensions'];
const CATEGORIES: Record<string, string[]> = {
  pods: ALL,
  replicationcontrollers: ALL,
  services: ALL,
  'daemonsets.apps': ALL,
  'deployments.apps': ALL,
  'replicasets.apps': ALL,
  'statefulsets.apps': ALL,
  'horizontalpodautoscalers.autoscaling': ALL,
  'cronjobs.batch': ALL,
  'jobs.batch': ALL,
  'mutatingwebhookconfigurations.admissionregistration.k8s.io': API_EXTENSIONS,
  'validatingadmissionpolicies.admissionregistration.k8s.io': API_EXTENSIONS,
  'validatingadmissionpolicybindings.admissionregistration.k8s.io': API_EXTENSIONS,
  'validatingwebhookconfigurations.admissionregistration.k8s.io': API_EXTENSIONS,
  'customresourcedefinitions.apiextensions.k8s.io': API_EXTENSIONS,
  'apiservices.apiregistration.k8s.io': API_EXTENSIONS,
};
/** Served only behind a feature gate or an alpha API; a default v1.34 cluster does not list them. */
const NOT_SERVED_GROUPS = new Set(['internal.apiserver.k8s.io', 'storagemigration.k8s.io']);

const ACTION_VERB: Record<string, string> = {
  post: 'create',
  put: 'update',
  patch: 'patch',
  delete: 'delete',
  deletecollection: 'deletecollection',
  get: 'get',
  list: 'list',
  watch: 'watch',
  watchlist: 'watch',
};
const VERB_ORDER = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface Resource {
  name: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
}

function resources(swagger: Swagger): Resource[] {
  const found = new Map<string, Resource>();
  for (const [path, item] of Object.entries(swagger.paths)) {
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.*)$/.exec(path);
    if (m === null) continue;
    const group = m[2] ?? '';
    const version = m[1] ?? m[3] ?? '';
    if (!/^v\d+$/.test(version) || NOT_SERVED_GROUPS.has(group)) continue;
    let rest = (m[4] ?? '').replace(/^watch\//, '').split('/');
    let namespaced = false;
    if (rest[0] === 'namespaces' && rest[1] === '{namespace}' && rest.length > 2) {
      namespaced = true;
      rest = rest.slice(2);
    }
    const [name, id, ...sub] = rest;
    if (name === undefined || sub.length > 0 || (id !== undefined && id !== '{name}')) continue;
    for (const op of Object.values(item)) {
      const operation = op as Operation;
      const verb = ACTION_VERB[operation['x-kubernetes-action'] ?? ''];
      const gvk = operation['x-kubernetes-group-version-kind'];
      if (verb === undefined || gvk === undefined) continue;
      const key = group === '' ? name : `${name}.${group}`;
      const existing = found.get(key);
      // Discovery prefers the newest stable version (autoscaling/v2 over v1).
      if (existing !== undefined && existing.version > version) continue;
      const resource =
        existing !== undefined && existing.version === version
          ? existing
          : {
              name,
              shortNames: SHORT_NAMES[key] ?? [],
              group,
              version,
              namespaced: namespaced || existing?.namespaced === true,
              kind: gvk.kind,
              verbs: [],
              categories: CATEGORIES[key] ?? [],
            };
      resource.namespaced ||= namespaced;
      if (!resource.verbs.includes(verb)) resource.verbs.push(verb);
      found.set(key, resource);
    }
  }
  return [...found.values()]
    .map((r) => ({ ...r, verbs: VERB_ORDER.filter((v) => r.verbs.includes(v)) }))
    .sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group.localeCompare(b.group)));
}

/**
 * The v2 document carries no enums (openapi-gen writes them only into the v3 documents, with a
 * "Possible enum values" paragraph appended to the description). These are copied from the
 * v1.34 `api/openapi-spec/v3/api__v1_openapi.json` for the fields the course shows.
 */
const ENUMS: Record<string, { values: string[]; possible: string[] }> = {
  'io.k8s.api.core.v1.PodSpec.restartPolicy': {
    values: ['Always', 'Never', 'OnFailure'],
    possible: ['`"Always"`', '`"Never"`', '`"OnFailure"`'],
  },
  'io.k8s.api.core.v1.Container.imagePullPolicy': {
    values: ['Always', 'IfNotPresent', 'Never'],
    possible: [
      '`"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
      '`"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.',
      '`"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present',
    ],
  },
  'io.k8s.api.core.v1.ContainerPort.protocol': {
    values: ['SCTP', 'TCP', 'UDP'],
    possible: [
      '`"SCTP"` is the SCTP protocol.',
      '`"TCP"` is the TCP protocol.',
      '`"UDP"` is the UDP protocol.',
    ],
  },
  // Today's text of this one is the description alone (no "Possible enum values" paragraph).
  'io.k8s.api.core.v1.PodStatus.phase': {
    values: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
    possible: [],
  },
};

/** A field as explain shows it: printed type, where to descend, description, required. */
interface Field {
  t: string;
  r?: string;
  d: string;
  q?: 1;
  e?: string[];
}
interface Definition {
  d: string;
  f: Record<string, Field>;
}

const refName = (ref: string) => ref.replace('#/definitions/', '');
const shortName = (key: string) => key.split('.').pop() ?? key;

/** kubectl explain's typeGuess (pkg/explain/v2/templates/plaintext.tmpl), on the v2 document. */
function typeOf(schema: Schema, swagger: Swagger): { t: string; r?: string } {
  if (schema.items !== undefined) {
    const inner = typeOf(schema.items, swagger);
    return { ...inner, t: `[]${inner.t}` };
  }
  if (typeof schema.additionalProperties === 'object') {
    const inner = typeOf(schema.additionalProperties, swagger);
    return { ...inner, t: `map[string]${inner.t}` };
  }
  if (schema.$ref !== undefined) {
    const key = refName(schema.$ref);
    const target = swagger.definitions[key];
    if (key.endsWith('.Quantity')) return { t: 'Quantity' };
    if (target?.format === 'int-or-string') return { t: 'IntOrString' };
    if (target !== undefined && target.properties === undefined && target.type !== 'object')
      return typeOf(target, swagger);
    // An object without declared fields (FieldsV1, RawExtension) is still shown by its name.
    if (target?.properties === undefined) return { t: shortName(key) };
    return { t: shortName(key), r: key };
  }
  if (schema.type === 'object') return { t: 'Object' };
  return { t: schema.type ?? 'Object' };
}

function definitions(swagger: Swagger, roots: string[]): Record<string, Definition> {
  const out: Record<string, Definition> = {};
  const queue = [...roots];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (out[key] !== undefined) continue;
    const schema = swagger.definitions[key];
    if (schema === undefined) continue;
    const required = new Set(schema.required ?? []);
    const fields: Record<string, Field> = {};
    for (const [name, prop] of Object.entries(schema.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { t, r } = typeOf(prop, swagger);
      const enumerated = ENUMS[`${key}.${name}`];
      const d = prop.description ?? '';
      fields[name] = {
        t,
        ...(r === undefined ? {} : { r }),
        d:
          enumerated === undefined || enumerated.possible.length === 0
            ? d
            : `${d}\n\nPossible enum values:\n${enumerated.possible.map((p) => ` - ${p}`).join('\n')}`,
        ...(required.has(name) ? { q: 1 as const } : {}),
        ...(enumerated === undefined ? {} : { e: enumerated.values }),
      };
      if (r !== undefined) queue.push(r);
    }
    out[key] = { d: schema.description ?? '', f: fields };
  }
  return out;
}

function main(): void {
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: generate.ts SWAGGER.json');
  const swagger = JSON.parse(readFileSync(path, 'utf8')) as Swagger;
  const served = resources(swagger);
  const kinds: Record<string, string> = {};
  for (const [key, schema] of Object.entries(swagger.definitions)) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? [])
      kinds[`${gvk.group}/${gvk.version}/${gvk.kind}`] = key;
  }
  const withSchema = served.map((r) => ({ ...r, schema: kinds[`${r.group}/${r.version}/${r.kind}`] ?? '' }));
  const data = {
    source:
      'Kubernetes api/openapi-spec/swagger.json, branch release-1.34, as kubernetes-client/python v34.1.0 kubernetes/swagger.json.unprocessed; Apache-2.0, The Kubernetes Authors',
    resources: withSchema,
    definitions: definitions(
      swagger,
      withSchema.map((r) => r.schema),
    ),
  };
  process.stdout.write(`${JSON.stringify(data)}\n`);
}

main();
