import {
  API_RESOURCES,
  type ApiResource,
  DEFINITIONS,
  type FieldDefinition,
} from '../cluster/openapi/discovery.ts';
import { KUBERNETES_VERSION } from '../cluster/seed.ts';
import { type ApiResponse, JSON_TYPE } from './types.ts';

/**
 * `/openapi/v3` and its group-version documents, rebuilt from the same schema data `kubectl
 * explain` reads in chat (src/cluster/openapi/v1.34.json). kubectl reads them twice: `explain`
 * walks `components.schemas` from the kind's `x-kubernetes-group-version-kind`, and `create` /
 * `apply` check that the kind's PATCH operation lists a `fieldValidation` parameter before they
 * send `fieldValidation=Strict` (otherwise they refuse to validate). Each field becomes the
 * schema that kubectl's explain template prints as the field's type (`<[]Container>`,
 * `<map[string]string>`, `<Quantity>`).
 */
const REF = '#/components/schemas/';

/** Named types the data prints without a definition of fields of their own. */
const NAMED: Readonly<Record<string, string>> = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  CustomResourceSubresourceStatus:
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus',
};

const PRIMITIVE = new Set(['string', 'integer', 'boolean', 'number']);

/** The schema of a printed type; `ref` names the definition a `T`, `[]T` or `map[string]T` holds. */
function typeSchema(printed: string, ref: string | undefined): Record<string, unknown> {
  if (printed.startsWith('[]')) return { type: 'array', items: typeSchema(printed.slice(2), ref) };
  if (printed.startsWith('map[string]'))
    return { type: 'object', additionalProperties: typeSchema(printed.slice(11), ref) };
  if (ref !== undefined) return { allOf: [{ $ref: REF + ref }] };
  if (PRIMITIVE.has(printed)) return { type: printed };
  const named = NAMED[printed];
  if (named !== undefined) return { $ref: REF + named };
  return {};
}

function fieldSchema(f: FieldDefinition): Record<string, unknown> {
  return {
    ...typeSchema(f.t, f.r),
    description: f.d,
    ...(f.e === undefined ? {} : { enum: f.e }),
  };
}

const gvk = (r: ApiResource) => ({ group: r.group, kind: r.kind, version: r.version });

function schemas(): Record<string, unknown> {
  const kinds = new Map<string, ApiResource[]>();
  for (const r of API_RESOURCES) kinds.set(r.schema, [...(kinds.get(r.schema) ?? []), r]);
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(DEFINITIONS)) {
    const required = Object.entries(def.f)
      .filter(([, f]) => f.q === 1)
      .map(([k]) => k);
    const served = kinds.get(name);
    out[name] = {
      type: 'object',
      description: def.d,
      properties: Object.fromEntries(Object.entries(def.f).map(([k, f]) => [k, fieldSchema(f)])),
      ...(required.length > 0 ? { required } : {}),
      ...(served === undefined ? {} : { 'x-kubernetes-group-version-kind': served.map(gvk) }),
    };
  }
  for (const [printed, name] of Object.entries(NAMED)) out[name] ??= { description: printed };
  return out;
}

const QUERY = (name: string, type = 'string') => ({ name, in: 'query', schema: { type } });

/** One collection and one item path per resource, each operation tagged with its kind. */
function paths(resources: readonly ApiResource[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of resources) {
    const prefix = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
    const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.name}` : `${prefix}/${r.name}`;
    const tagged = (action: string, parameters: unknown[]) => ({
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk(r),
      parameters,
      responses: { '200': { description: 'OK' } },
    });
    const write = [QUERY('dryRun'), QUERY('fieldManager'), QUERY('fieldValidation')];
    out[base] = {
      get: tagged('list', [QUERY('labelSelector'), QUERY('fieldSelector'), QUERY('watch', 'boolean')]),
      post: tagged('post', write),
    };
    out[`${base}/{name}`] = {
      get: tagged('get', []),
      put: tagged('put', write),
      patch: tagged('patch', [...write, QUERY('force', 'boolean')]),
      delete: tagged('delete', [QUERY('dryRun'), QUERY('gracePeriodSeconds', 'integer')]),
    };
  }
  return out;
}

/** The group-version a document covers, as the root lists it: `api/v1`, `apis/apps/v1`. */
const docKey = (r: ApiResource) => (r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`);

const HASH = KUBERNETES_VERSION.replace(/\W/g, '').toUpperCase();

function root() {
  const keys = [...new Set(API_RESOURCES.map(docKey))];
  return {
    paths: Object.fromEntries(keys.map((k) => [k, { serverRelativeURL: `/openapi/v3/${k}?hash=${HASH}` }])),
  };
}

let allSchemas: Record<string, unknown> | undefined;
const documents = new Map<string, string>();

function document(key: string): string | null {
  const cached = documents.get(key);
  if (cached !== undefined) return cached;
  const resources = API_RESOURCES.filter((r) => docKey(r) === key);
  if (resources.length === 0) return null;
  allSchemas ??= schemas();
  const text = JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: paths(resources),
    components: { schemas: allSchemas },
  });
  documents.set(key, text);
  return text;
}

/** The answer to an `/openapi/...` path, or null when the path is not one. */
export function openapiResponse(path: string): ApiResponse | null {
  if (path === '/openapi/v3' || path === '/openapi/v3/')
    return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(root()) };
  if (!path.startsWith('/openapi/v3/')) return null;
  const text = document(path.slice('/openapi/v3/'.length));
  return text === null ? null : { status: 200, contentType: JSON_TYPE, body: text };
}
