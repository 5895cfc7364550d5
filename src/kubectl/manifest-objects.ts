import { defaultPullPolicy } from '../cluster/images.ts';
import type {
  Container,
  ContainerPort,
  Labels,
  Pod,
  Protocol,
  PullPolicy,
  RestartPolicy,
} from '../cluster/model.ts';
import type { NamespaceInput } from '../cluster/namespaces.ts';
import { API_RESOURCES, groupVersion } from '../cluster/openapi/discovery.ts';
import type { PodInput } from '../cluster/pods.ts';
import { validatePod } from '../cluster/validation.ts';
import { getKey, isJsonObject, type JsonObject, type JsonValue } from '../go/json-value.ts';
import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import type { ManifestObject } from './manifest.ts';
import { decodeStrict } from './manifest-decode.ts';
import { NAMESPACE, POD } from './manifest-schema.ts';

/**
 * From a manifest object to what the cluster creates: the REST mapping (this cluster serves
 * pods, namespaces and nodes in v1, nothing else), the namespace kubectl sends it to, and the
 * server's strict decoding into a PodInput or NamespaceInput.
 */
export type ServedKind = 'Pod' | 'Namespace' | 'Node';

/** How the server treats unknown fields (kubectl --validate=strict|warn|ignore). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function mapKind(object: ManifestObject): Result<ServedKind, KubectlError> {
  const served = object.apiVersion === 'v1' && ['Pod', 'Namespace', 'Node'].includes(object.kind);
  if (served) return ok(object.kind as ServedKind);
  const real = API_RESOURCES.some((r) => r.kind === object.kind && groupVersion(r) === object.apiVersion);
  if (real) return err(kubectlError('unsimulatedKind', { kind: object.kind, apiVersion: object.apiVersion }));
  return err(
    kubectlError('noMatchesForKind', {
      kind: object.kind,
      apiVersion: object.apiVersion,
      source: object.source,
      name: object.name,
      namespace: object.namespace,
    }),
  );
}

/**
 * kubectl's namespace for a namespaced object: the manifest's own, else `-n`, else default.
 * With `-n` given, a manifest naming another namespace is refused (builder RequireNamespace).
 */
/**
 * The namespace an object from a manifest goes to: its own, else `-n`, else the context's
 * (`fallback`). Only `-n` is enforced: a manifest naming another namespace is refused.
 */
export function namespaceFor(
  object: ManifestObject,
  flag: string | undefined,
  fallback = 'default',
): Result<string, KubectlError> {
  const namespace = flag ?? fallback;
  if (object.namespace === '') return ok(namespace);
  if (flag !== undefined && object.namespace !== flag)
    return err(kubectlError('namespaceMismatch', { objectNamespace: object.namespace, namespace: flag }));
  return ok(object.namespace);
}

export interface Decoding<T> {
  input: T;
  /** Server warnings (unknown fields under --validate=warn). */
  warnings: string[];
}

function decodeOrFail(object: ManifestObject, validation: FieldValidation, verb: string) {
  const type = object.kind === 'Pod' ? POD : NAMESPACE;
  const decoded = decodeStrict(object.raw, type);
  const warnings: string[] = [];
  if (decoded.error !== null) {
    const strict = decoded.error.startsWith('strict decoding error: ');
    if (!strict || validation === 'Strict') {
      const message = decoded.error;
      return err(
        kubectlError('cannotBeHandled', { kind: object.kind, source: object.source, verb, message }),
      );
    }
    if (validation === 'Warn') for (const m of decoded.error.slice(23).split(', ')) warnings.push(m);
  }
  return ok({ value: decoded.value, warnings });
}

export function podFromManifest(
  object: ManifestObject,
  namespace: string,
  validation: FieldValidation,
  verb = 'creating',
): Result<Decoding<PodInput>, KubectlError> {
  const decoded = decodeOrFail(object, validation, verb);
  if (!decoded.ok) return decoded;
  const meta = objectAt(decoded.value.value, 'metadata');
  const spec = objectAt(decoded.value.value, 'spec');
  const {
    containers: rawContainers,
    nodeSelector,
    restartPolicy,
    hostNetwork,
    nodeName: boundTo,
    ...extra
  } = spec;
  const causes: string[] = [];
  const containers = (Array.isArray(rawContainers) ? rawContainers : []).map((c, i) =>
    containerOf(isJsonObject(c) ? c : {}, i, causes),
  );
  const restart = oneOf<RestartPolicy>(restartPolicy, ['Always', 'OnFailure', 'Never'], 'Always');
  if (restart === undefined)
    causes.push(unsupported('spec.restartPolicy', restartPolicy, ['Always', 'OnFailure', 'Never']));
  const input: PodInput = {
    name: stringOf(getKey(meta, 'name')),
    namespace,
    labels: labelsOf(getKey(meta, 'labels')),
    annotations: labelsOf(getKey(meta, 'annotations')),
    containers,
    nodeSelector: labelsOf(nodeSelector),
    restartPolicy: restart ?? 'Always',
    createdVia: 'create',
    ...(hostNetwork === true ? { hostNetwork: true } : {}),
    ...(Object.keys(extra).length > 0 ? { specExtra: extra } : {}),
    ...(typeof boundTo === 'string' && boundTo !== '' ? { nodeName: boundTo } : {}),
  };
  if (causes.length > 0) {
    const all = [...validatePod(previewPod(input)), ...causes];
    return err(kubectlError('invalid', { kind: 'Pod', name: input.name, causes: all }));
  }
  return ok({ input, warnings: decoded.value.warnings });
}

export function namespaceFromManifest(
  object: ManifestObject,
  validation: FieldValidation,
  verb = 'creating',
): Result<Decoding<NamespaceInput>, KubectlError> {
  const decoded = decodeOrFail(object, validation, verb);
  if (!decoded.ok) return decoded;
  const meta = objectAt(decoded.value.value, 'metadata');
  return ok({
    input: {
      name: stringOf(getKey(meta, 'name')),
      labels: labelsOf(getKey(meta, 'labels')),
      annotations: labelsOf(getKey(meta, 'annotations')),
    },
    warnings: decoded.value.warnings,
  });
}

/** `generateName`, as the server fills it: the prefix plus five random characters. */
export function generatedName(object: ManifestObject): string | null {
  const meta = getKey(object.raw, 'metadata');
  const prefix = isJsonObject(meta) ? getKey(meta, 'generateName') : undefined;
  return object.name === '' && typeof prefix === 'string' && prefix !== '' ? prefix : null;
}

function containerOf(c: JsonObject, index: number, causes: string[]): Container {
  const { name, image, imagePullPolicy, ports, env, command, args, ...extra } = c;
  const path = `spec.containers[${index}]`;
  const imageText = stringOf(image);
  const policies: PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];
  const policy = oneOf<PullPolicy>(imagePullPolicy, policies, defaultPullPolicy(imageText));
  if (policy === undefined) causes.push(unsupported(`${path}.imagePullPolicy`, imagePullPolicy, policies));
  const container: Container = {
    name: stringOf(name),
    image: imageText,
    imagePullPolicy: policy ?? 'Always',
    ports: listOf(ports).map((p, j) => portOf(p, `${path}.ports[${j}]`, causes)),
    env: listOf(env).map((e) => ({ name: stringOf(getKey(e, 'name')), value: stringOf(getKey(e, 'value')) })),
  };
  if (Array.isArray(command)) container.command = command.map(stringOf);
  if (Array.isArray(args)) container.args = args.map(stringOf);
  if (Object.keys(extra).length > 0) container.extra = extra;
  return container;
}

function portOf(p: JsonObject, path: string, causes: string[]): ContainerPort {
  const protocols: Protocol[] = ['SCTP', 'TCP', 'UDP'];
  const raw = getKey(p, 'protocol');
  const protocol = oneOf<Protocol>(raw, protocols, 'TCP');
  if (protocol === undefined) causes.push(unsupported(`${path}.protocol`, raw, protocols));
  const port: ContainerPort = {
    containerPort: numberOf(getKey(p, 'containerPort')),
    protocol: protocol ?? 'TCP',
  };
  const name = getKey(p, 'name');
  if (typeof name === 'string' && name !== '') port.name = name;
  const hostPort = getKey(p, 'hostPort');
  if (typeof hostPort === 'number' && hostPort !== 0) port.hostPort = hostPort;
  return port;
}

/** An enum field: its value if allowed, the default if empty, undefined if not allowed. */
function oneOf<T extends string>(
  value: JsonValue | undefined,
  allowed: readonly T[],
  fallback: T,
): T | undefined {
  if (value === undefined || value === '') return fallback;
  return allowed.find((a) => a === value);
}

const unsupported = (path: string, value: JsonValue | undefined, allowed: readonly string[]) =>
  `${path}: Unsupported value: ${typeof value === 'string' ? goQuote(value) : JSON.stringify(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`;

/** A Pod shaped enough for `validatePod`, to report its causes together with ours. */
function previewPod(input: PodInput): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: input.labels,
      annotations: input.annotations,
    },
    spec: {
      containers: input.containers,
      nodeSelector: input.nodeSelector,
      restartPolicy: input.restartPolicy,
    },
    sim: { createdVia: 'create', tokenSuffix: '', requests: [] },
  };
}

const objectAt = (o: JsonObject, key: string): JsonObject => {
  const v = getKey(o, key);
  return isJsonObject(v) ? v : {};
};
const stringOf = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const numberOf = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : 0);
const listOf = (v: JsonValue | undefined): JsonObject[] =>
  Array.isArray(v) ? v.map((x) => (isJsonObject(x) ? x : {})) : [];
const labelsOf = (v: JsonValue | undefined): Labels =>
  isJsonObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringOf(x)])) : {};
