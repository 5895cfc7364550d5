/**
 * The Go types the API server decodes a Pod or Namespace into (k8s.io/api core/v1), as data:
 * their JSON field names and Go type names are what its decoding errors print. Fields the
 * simulator does not model but real manifests use (resources, probes, volumes, ...) are
 * `opaque`: their shape (object or list) is checked, their content is kept as written.
 */
export type GoType =
  | { t: 'string'; go: string }
  | { t: 'int'; go: 'int32' | 'int64' }
  | { t: 'bool' }
  | { t: 'map' }
  | { t: 'slice'; of: GoType; go: string }
  | { t: 'struct'; name: string; fields: Readonly<Record<string, GoType>> }
  | { t: 'opaque'; go: string; shape: 'object' | 'array' | 'string' };

const str: GoType = { t: 'string', go: 'string' };
const named = (go: string): GoType => ({ t: 'string', go });
const int32: GoType = { t: 'int', go: 'int32' };
const int64: GoType = { t: 'int', go: 'int64' };
const bool: GoType = { t: 'bool' };
const map: GoType = { t: 'map' };
const strings: GoType = { t: 'slice', of: str, go: '[]string' };
const object = (go: string): GoType => ({ t: 'opaque', go, shape: 'object' });
const list = (go: string): GoType => ({ t: 'opaque', go: `[]${go}`, shape: 'array' });
const struct = (name: string, fields: Record<string, GoType>): GoType & { t: 'struct' } => ({
  t: 'struct',
  name,
  fields,
});
const sliceOf = (of: GoType & { t: 'struct' }): GoType => ({ t: 'slice', of, go: `[]v1.${of.name}` });

const TYPE_META = { apiVersion: str, kind: str };

export const OBJECT_META = struct('ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: named('types.UID'),
  resourceVersion: str,
  generation: int64,
  creationTimestamp: { t: 'opaque', go: 'v1.Time', shape: 'string' },
  deletionTimestamp: { t: 'opaque', go: 'v1.Time', shape: 'string' },
  deletionGracePeriodSeconds: int64,
  labels: map,
  annotations: map,
  ownerReferences: list('v1.OwnerReference'),
  finalizers: strings,
  managedFields: list('v1.ManagedFieldsEntry'),
});

export const CONTAINER_PORT = struct('ContainerPort', {
  name: str,
  hostPort: int32,
  containerPort: int32,
  protocol: named('v1.Protocol'),
  hostIP: str,
});

export const ENV_VAR = struct('EnvVar', { name: str, value: str, valueFrom: object('v1.EnvVarSource') });

export const CONTAINER = struct('Container', {
  name: str,
  image: str,
  command: strings,
  args: strings,
  workingDir: str,
  ports: sliceOf(CONTAINER_PORT),
  envFrom: list('v1.EnvFromSource'),
  env: sliceOf(ENV_VAR),
  resources: object('v1.ResourceRequirements'),
  resizePolicy: list('v1.ContainerResizePolicy'),
  restartPolicy: named('v1.ContainerRestartPolicy'),
  volumeMounts: list('v1.VolumeMount'),
  volumeDevices: list('v1.VolumeDevice'),
  livenessProbe: object('v1.Probe'),
  readinessProbe: object('v1.Probe'),
  startupProbe: object('v1.Probe'),
  lifecycle: object('v1.Lifecycle'),
  terminationMessagePath: str,
  terminationMessagePolicy: named('v1.TerminationMessagePolicy'),
  imagePullPolicy: named('v1.PullPolicy'),
  securityContext: object('v1.SecurityContext'),
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
});

export const POD_SPEC = struct('PodSpec', {
  volumes: list('v1.Volume'),
  initContainers: list('v1.Container'),
  containers: sliceOf(CONTAINER),
  ephemeralContainers: list('v1.EphemeralContainer'),
  restartPolicy: named('v1.RestartPolicy'),
  terminationGracePeriodSeconds: int64,
  activeDeadlineSeconds: int64,
  dnsPolicy: named('v1.DNSPolicy'),
  nodeSelector: map,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: object('v1.PodSecurityContext'),
  imagePullSecrets: list('v1.LocalObjectReference'),
  hostname: str,
  subdomain: str,
  affinity: object('v1.Affinity'),
  schedulerName: str,
  tolerations: list('v1.Toleration'),
  hostAliases: list('v1.HostAlias'),
  priorityClassName: str,
  priority: int32,
  dnsConfig: object('v1.PodDNSConfig'),
  readinessGates: list('v1.PodReadinessGate'),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: named('v1.PreemptionPolicy'),
  overhead: object('v1.ResourceList'),
  topologySpreadConstraints: list('v1.TopologySpreadConstraint'),
  setHostnameAsFQDN: bool,
  os: object('v1.PodOS'),
  hostUsers: bool,
  schedulingGates: list('v1.PodSchedulingGate'),
  resourceClaims: list('v1.PodResourceClaim'),
  resources: object('v1.ResourceRequirements'),
});

export const POD = struct('Pod', {
  ...TYPE_META,
  metadata: OBJECT_META,
  spec: POD_SPEC,
  status: object('v1.PodStatus'),
});

export const NAMESPACE = struct('Namespace', {
  ...TYPE_META,
  metadata: OBJECT_META,
  spec: struct('NamespaceSpec', {
    finalizers: { t: 'slice', of: named('v1.FinalizerName'), go: '[]v1.FinalizerName' },
  }),
  status: object('v1.NamespaceStatus'),
});

/** The Go type name of a field, as `of type ...` prints it. */
export function goTypeName(type: GoType): string {
  switch (type.t) {
    case 'string':
    case 'int':
    case 'slice':
    case 'opaque':
      return type.go;
    case 'bool':
      return 'bool';
    case 'map':
      return 'map[string]string';
    case 'struct':
      return `v1.${type.name}`;
  }
}
