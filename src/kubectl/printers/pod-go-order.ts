import { isJsonObject, type JsonObject, type JsonValue, jsonObject } from '../../go/json-value.ts';
import { compareGoStrings } from '../../go/strings.ts';
import { CONTAINER, CONTAINER_PORT, ENV_VAR, OBJECT_META, POD_SPEC } from '../manifest-schema.ts';

/**
 * A Pod's JSON in the order Go's encoder writes the typed corev1.Pod (k8s.io/api 1.33 struct
 * field order), as `kubectl run -o json` prints what the API server answered: run decodes the
 * answer into its typed Pod, where get prints it unstructured, keys sorted. Maps are sorted as
 * Go sorts them; a field this table does not know follows the known ones, sorted. The structs a
 * manifest decodes into take their order from manifest-schema.ts.
 */
type Shape = { fields: readonly string[]; of?: Readonly<Record<string, string>> };

const SHAPES: Readonly<Record<string, Shape>> = {
  Pod: {
    fields: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
    of: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },
  },
  ObjectMeta: {
    fields: Object.keys(OBJECT_META.fields),
    of: { labels: 'map', annotations: 'map' },
  },
  PodSpec: {
    fields: Object.keys(POD_SPEC.fields),
    of: {
      volumes: 'Volume',
      initContainers: 'Container',
      containers: 'Container',
      nodeSelector: 'map',
      tolerations: 'Toleration',
      securityContext: 'SecurityContext',
      resources: 'ResourceRequirements',
    },
  },
  Container: {
    fields: Object.keys(CONTAINER.fields),
    of: {
      ports: 'ContainerPort',
      env: 'EnvVar',
      resources: 'ResourceRequirements',
      volumeMounts: 'VolumeMount',
      securityContext: 'SecurityContext',
    },
  },
  ContainerPort: { fields: Object.keys(CONTAINER_PORT.fields) },
  EnvVar: { fields: Object.keys(ENV_VAR.fields) },
  ResourceRequirements: { fields: ['limits', 'requests', 'claims'], of: { limits: 'map', requests: 'map' } },
  VolumeMount: {
    fields: [
      'name',
      'readOnly',
      'recursiveReadOnly',
      'mountPath',
      'subPath',
      'mountPropagation',
      'subPathExpr',
    ],
  },
  SecurityContext: {
    fields: [
      'capabilities',
      'privileged',
      'seLinuxOptions',
      'windowsOptions',
      'runAsUser',
      'runAsGroup',
      'runAsNonRoot',
      'readOnlyRootFilesystem',
      'allowPrivilegeEscalation',
      'procMount',
      'seccompProfile',
      'appArmorProfile',
    ],
  },
  Volume: {
    fields: [
      'name',
      'hostPath',
      'emptyDir',
      'secret',
      'persistentVolumeClaim',
      'downwardAPI',
      'configMap',
      'projected',
    ],
    of: { projected: 'ProjectedVolumeSource' },
  },
  ProjectedVolumeSource: { fields: ['sources', 'defaultMode'], of: { sources: 'VolumeProjection' } },
  VolumeProjection: {
    fields: ['secret', 'downwardAPI', 'configMap', 'serviceAccountToken', 'clusterTrustBundle'],
    of: {
      serviceAccountToken: 'ServiceAccountTokenProjection',
      configMap: 'ConfigMapProjection',
      downwardAPI: 'DownwardAPIProjection',
    },
  },
  ServiceAccountTokenProjection: { fields: ['audience', 'expirationSeconds', 'path'] },
  ConfigMapProjection: { fields: ['name', 'items', 'optional'], of: { items: 'KeyToPath' } },
  KeyToPath: { fields: ['key', 'path', 'mode'] },
  DownwardAPIProjection: { fields: ['items'], of: { items: 'DownwardAPIVolumeFile' } },
  DownwardAPIVolumeFile: {
    fields: ['path', 'fieldRef', 'resourceFieldRef', 'mode'],
    of: { fieldRef: 'ObjectFieldSelector' },
  },
  ObjectFieldSelector: { fields: ['apiVersion', 'fieldPath'] },
  Toleration: { fields: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] },
  PodStatus: {
    fields: [
      'observedGeneration',
      'phase',
      'conditions',
      'message',
      'reason',
      'nominatedNodeName',
      'hostIP',
      'hostIPs',
      'podIP',
      'podIPs',
      'startTime',
      'initContainerStatuses',
      'containerStatuses',
      'qosClass',
      'ephemeralContainerStatuses',
      'resize',
      'resourceClaimStatuses',
    ],
    of: {
      conditions: 'PodCondition',
      initContainerStatuses: 'ContainerStatus',
      containerStatuses: 'ContainerStatus',
    },
  },
  PodCondition: {
    fields: [
      'type',
      'observedGeneration',
      'status',
      'lastProbeTime',
      'lastTransitionTime',
      'reason',
      'message',
    ],
  },
  ContainerStatus: {
    fields: [
      'name',
      'state',
      'lastState',
      'ready',
      'restartCount',
      'image',
      'imageID',
      'containerID',
      'started',
      'allocatedResources',
      'resources',
      'volumeMounts',
      'user',
      'allocatedResourcesStatus',
      'stopSignal',
    ],
    of: { state: 'ContainerState', lastState: 'ContainerState' },
  },
  ContainerState: {
    fields: ['waiting', 'running', 'terminated'],
    of: { waiting: 'ContainerStateWaiting', terminated: 'ContainerStateTerminated' },
  },
  ContainerStateWaiting: { fields: ['reason', 'message'] },
  ContainerStateTerminated: {
    fields: ['exitCode', 'signal', 'reason', 'message', 'startedAt', 'finishedAt', 'containerID'],
  },
};

export const podInGoOrder = (pod: JsonObject): JsonValue => inOrder(pod, 'Pod');

function inOrder(value: JsonValue, shape: string | undefined): JsonValue {
  if (Array.isArray(value)) return value.map((v) => inOrder(v, shape));
  if (!isJsonObject(value)) return value;
  const known = shape === undefined ? undefined : SHAPES[shape];
  const keys = Object.keys(value);
  const first = known === undefined ? [] : known.fields.filter((f) => Object.hasOwn(value, f));
  const rest = keys.filter((k) => !first.includes(k)).sort(compareGoStrings);
  return jsonObject(
    [...first, ...rest].map((k) => {
      const inner = known?.of?.[k];
      return [
        k,
        inner === 'map' ? inOrder(value[k] ?? null, undefined) : inOrder(value[k] ?? null, inner),
      ] as const;
    }),
  );
}
