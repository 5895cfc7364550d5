import { bool, field, type GoType, int, ptr, raw, slice, str, stringMap, struct } from './go-value.ts';

/**
 * The internal `core.PodSpec` and the types under it, as go-cmp walks them for
 * ValidatePodUpdate's diff: each struct's fields in Go's order, with the v1 JSON field each
 * is read from. Types the sandbox never fills in are `raw` (printed from their JSON).
 */
const objectFieldSelector = struct('core.ObjectFieldSelector', [
  field('APIVersion', 'apiVersion', str),
  field('FieldPath', 'fieldPath', str),
]);
const keyToPath = struct('core.KeyToPath', [
  field('Key', 'key', str),
  field('Path', 'path', str),
  field('Mode', 'mode', ptr(int)),
]);
const keysToPaths = slice('[]core.KeyToPath', keyToPath);
const localObjectReference = {
  go: 'LocalObjectReference',
  json: '',
  type: struct('core.LocalObjectReference', [field('Name', 'name', str)]),
  inline: true,
} as const;
const downwardFiles = slice(
  '[]core.DownwardAPIVolumeFile',
  struct('core.DownwardAPIVolumeFile', [
    field('Path', 'path', str),
    field('FieldRef', 'fieldRef', ptr(objectFieldSelector)),
    field('ResourceFieldRef', 'resourceFieldRef', raw()),
    field('Mode', 'mode', ptr(int)),
  ]),
);
const projection = struct('core.VolumeProjection', [
  field('Secret', 'secret', raw()),
  field(
    'DownwardAPI',
    'downwardAPI',
    ptr(struct('core.DownwardAPIProjection', [field('Items', 'items', downwardFiles)])),
  ),
  field(
    'ConfigMap',
    'configMap',
    ptr(
      struct('core.ConfigMapProjection', [
        localObjectReference,
        field('Items', 'items', keysToPaths),
        field('Optional', 'optional', ptr(bool)),
      ]),
    ),
  ),
  field(
    'ServiceAccountToken',
    'serviceAccountToken',
    ptr(
      struct('core.ServiceAccountTokenProjection', [
        field('Audience', 'audience', str),
        field('ExpirationSeconds', 'expirationSeconds', int),
        field('Path', 'path', str),
      ]),
    ),
  ),
  field('ClusterTrustBundle', 'clusterTrustBundle', raw()),
]);
const volumeSource = struct('core.VolumeSource', [
  field(
    'HostPath',
    'hostPath',
    ptr(struct('core.HostPathVolumeSource', [field('Path', 'path', str), field('Type', 'type', ptr(str))])),
  ),
  field(
    'EmptyDir',
    'emptyDir',
    ptr(
      struct('core.EmptyDirVolumeSource', [
        field('Medium', 'medium', str),
        field('SizeLimit', 'sizeLimit', raw()),
      ]),
    ),
  ),
  field(
    'Secret',
    'secret',
    ptr(
      struct('core.SecretVolumeSource', [
        field('SecretName', 'secretName', str),
        field('Items', 'items', keysToPaths),
        field('DefaultMode', 'defaultMode', ptr(int)),
        field('Optional', 'optional', ptr(bool)),
      ]),
    ),
  ),
  field(
    'PersistentVolumeClaim',
    'persistentVolumeClaim',
    ptr(
      struct('core.PersistentVolumeClaimVolumeSource', [
        field('ClaimName', 'claimName', str),
        field('ReadOnly', 'readOnly', bool),
      ]),
    ),
  ),
  field(
    'DownwardAPI',
    'downwardAPI',
    ptr(
      struct('core.DownwardAPIVolumeSource', [
        field('Items', 'items', downwardFiles),
        field('DefaultMode', 'defaultMode', ptr(int)),
      ]),
    ),
  ),
  field(
    'ConfigMap',
    'configMap',
    ptr(
      struct('core.ConfigMapVolumeSource', [
        localObjectReference,
        field('Items', 'items', keysToPaths),
        field('DefaultMode', 'defaultMode', ptr(int)),
        field('Optional', 'optional', ptr(bool)),
      ]),
    ),
  ),
  field(
    'Projected',
    'projected',
    ptr(
      struct('core.ProjectedVolumeSource', [
        field('Sources', 'sources', slice('[]core.VolumeProjection', projection)),
        field('DefaultMode', 'defaultMode', ptr(int)),
      ]),
    ),
  ),
]);
const volume = struct('core.Volume', [
  field('Name', 'name', str),
  { go: 'VolumeSource', json: '', type: volumeSource, inline: true },
]);

export const containerPort = struct('core.ContainerPort', [
  field('Name', 'name', str),
  field('HostPort', 'hostPort', int),
  field('ContainerPort', 'containerPort', int),
  field('Protocol', 'protocol', str),
  field('HostIP', 'hostIP', str),
]);
export const envVar = struct('core.EnvVar', [
  field('Name', 'name', str),
  field('Value', 'value', str),
  field('ValueFrom', 'valueFrom', raw()),
]);
const volumeMount = struct('core.VolumeMount', [
  field('Name', 'name', str),
  field('ReadOnly', 'readOnly', bool),
  field('RecursiveReadOnly', 'recursiveReadOnly', ptr(str)),
  field('MountPath', 'mountPath', str),
  field('SubPath', 'subPath', str),
  field('MountPropagation', 'mountPropagation', ptr(str)),
  field('SubPathExpr', 'subPathExpr', str),
]);
const strings = slice('[]string', str);

export const container = struct('core.Container', [
  field('Name', 'name', str),
  field('Image', 'image', str),
  field('Command', 'command', strings),
  field('Args', 'args', strings),
  field('WorkingDir', 'workingDir', str),
  field('Ports', 'ports', slice('[]core.ContainerPort', containerPort)),
  field('EnvFrom', 'envFrom', raw()),
  field('Env', 'env', slice('[]core.EnvVar', envVar)),
  field('Resources', 'resources', raw('{}')),
  field('ResizePolicy', 'resizePolicy', raw()),
  field('RestartPolicy', 'restartPolicy', ptr(str)),
  field('VolumeMounts', 'volumeMounts', slice('[]core.VolumeMount', volumeMount)),
  field('VolumeDevices', 'volumeDevices', raw()),
  field('LivenessProbe', 'livenessProbe', raw()),
  field('ReadinessProbe', 'readinessProbe', raw()),
  field('StartupProbe', 'startupProbe', raw()),
  field('Lifecycle', 'lifecycle', raw()),
  field('TerminationMessagePath', 'terminationMessagePath', str),
  field('TerminationMessagePolicy', 'terminationMessagePolicy', str),
  field('ImagePullPolicy', 'imagePullPolicy', str),
  field('SecurityContext', 'securityContext', raw()),
  field('Stdin', 'stdin', bool),
  field('StdinOnce', 'stdinOnce', bool),
  field('TTY', 'tty', bool),
]);

/** v1 keeps hostNetwork, hostPID, hostIPC and shareProcessNamespace on the spec; core in here. */
const podSecurityContext = struct('core.PodSecurityContext', [
  field('HostNetwork', 'hostNetwork', bool),
  field('HostPID', 'hostPID', bool),
  field('HostIPC', 'hostIPC', bool),
  field('ShareProcessNamespace', 'shareProcessNamespace', ptr(bool)),
  field('HostUsers', 'hostUsers', ptr(bool)),
  field('SELinuxOptions', 'seLinuxOptions', raw()),
  field('WindowsOptions', 'windowsOptions', raw()),
  field('RunAsUser', 'runAsUser', ptr(int)),
  field('RunAsGroup', 'runAsGroup', ptr(int)),
  field('RunAsNonRoot', 'runAsNonRoot', ptr(bool)),
  field('SupplementalGroups', 'supplementalGroups', raw()),
  field('SupplementalGroupsPolicy', 'supplementalGroupsPolicy', ptr(str)),
  field('FSGroup', 'fsGroup', ptr(int)),
  field('FSGroupChangePolicy', 'fsGroupChangePolicy', ptr(str)),
  field('Sysctls', 'sysctls', raw()),
  field('SeccompProfile', 'seccompProfile', raw()),
  field('AppArmorProfile', 'appArmorProfile', raw()),
  field('SELinuxChangePolicy', 'seLinuxChangePolicy', ptr(str)),
]);
const toleration = struct('core.Toleration', [
  field('Key', 'key', str),
  field('Operator', 'operator', str),
  field('Value', 'value', str),
  field('Effect', 'effect', str),
  field('TolerationSeconds', 'tolerationSeconds', ptr(int)),
]);
const containers = slice('[]core.Container', container);

export const podSpec: GoType = struct('core.PodSpec', [
  field('Volumes', 'volumes', slice('[]core.Volume', volume)),
  field('InitContainers', 'initContainers', containers),
  field('Containers', 'containers', containers),
  field('EphemeralContainers', 'ephemeralContainers', raw()),
  field('RestartPolicy', 'restartPolicy', str),
  field('TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', ptr(int)),
  field('ActiveDeadlineSeconds', 'activeDeadlineSeconds', ptr(int)),
  field('DNSPolicy', 'dnsPolicy', str),
  field('NodeSelector', 'nodeSelector', stringMap),
  field('ServiceAccountName', 'serviceAccountName', str),
  field('AutomountServiceAccountToken', 'automountServiceAccountToken', ptr(bool)),
  field('NodeName', 'nodeName', str),
  field('SecurityContext', 'securityContext', ptr(podSecurityContext)),
  field('ImagePullSecrets', 'imagePullSecrets', raw()),
  field('Hostname', 'hostname', str),
  field('Subdomain', 'subdomain', str),
  field('SetHostnameAsFQDN', 'setHostnameAsFQDN', ptr(bool)),
  field('Affinity', 'affinity', raw()),
  field('SchedulerName', 'schedulerName', str),
  field('Tolerations', 'tolerations', slice('[]core.Toleration', toleration)),
  field('HostAliases', 'hostAliases', raw()),
  field('PriorityClassName', 'priorityClassName', str),
  field('Priority', 'priority', ptr(int)),
  field('PreemptionPolicy', 'preemptionPolicy', ptr(str)),
  field('DNSConfig', 'dnsConfig', raw()),
  field('ReadinessGates', 'readinessGates', raw()),
  field('RuntimeClassName', 'runtimeClassName', ptr(str)),
  field('Overhead', 'overhead', raw()),
  field('EnableServiceLinks', 'enableServiceLinks', ptr(bool)),
  field('TopologySpreadConstraints', 'topologySpreadConstraints', raw()),
  field('OS', 'os', raw()),
  field('SchedulingGates', 'schedulingGates', raw()),
  field('ResourceClaims', 'resourceClaims', raw()),
  field('Resources', 'resources', raw()),
]);
