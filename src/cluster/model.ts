/**
 * The simulated cluster's objects, named as in the Kubernetes API. What the API server would store
 * lives in `metadata`/`spec`; what the simulator needs to derive status lives in `sim` (never shown).
 * Status (phase, container states, events) is derived from `sim` timestamps by `lifecycle.ts`.
 */
export type Labels = Record<string, string>;

export interface ObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels: Labels;
  annotations: Labels;
}

export interface NamespacedMeta extends ObjectMeta {
  namespace: string;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ContainerPort {
  containerPort: number;
  protocol: Protocol;
  name?: string;
  hostPort?: number;
}

export interface EnvVar {
  name: string;
  value: string;
}

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export interface Container {
  name: string;
  image: string;
  imagePullPolicy: PullPolicy;
  ports: ContainerPort[];
  env: EnvVar[];
  command?: string[];
  args?: string[];
  /**
   * Container fields a manifest may set that the simulator does not model (resources, probes,
   * volumeMounts, workingDir, ...), kept as written so `-o yaml` can show them.
   */
  extra?: Record<string, unknown>;
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface PodSpec {
  containers: Container[];
  nodeSelector: Labels;
  restartPolicy: RestartPolicy;
  /** Static and system pods use the node's network, and so its IP. */
  hostNetwork?: boolean;
  /** Set by the scheduler; absent while the pod is unschedulable. */
  nodeName?: string;
  /** PodSpec fields from a manifest that the simulator does not model (volumes, dnsPolicy, ...). */
  extra?: Record<string, unknown>;
}

/** How the member made the pod; labs check "created from YAML", apply needs last-applied. */
export type CreatedVia = 'run' | 'create' | 'apply';

/** A request a container served, kept for its log (and lost with the pod, as in the notes). */
export interface ServedRequest {
  container: string;
  at: number;
  from: string;
  port: number;
}

export interface PodSim {
  /** Epoch ms at which the scheduler bound the pod (creation, or later when a node got the label). */
  scheduledAt?: number;
  podIP?: string;
  hostIP?: string;
  createdVia: CreatedVia;
  /** Five-character suffix of the service-account token volume, as the admission plugin adds. */
  tokenSuffix: string;
  requests: ServedRequest[];
  /** Set by a graceful DELETE: the pod is Terminating until `goneAt`, then no longer exists. */
  deletion?: PodDeletion;
  /** metadata.generation before any deletion: 1 at creation (absent), one more per spec change. */
  generation?: number;
  /** Created with `spec.nodeName`: bound to that node by its creator, the scheduler never saw it. */
  pinned?: boolean;
  /** Bound to a node that does not exist: when the pod garbage collector deletes it (pod-gc.ts). */
  collectedAt?: number;
  /** Refused by its node's kubelet when it was bound (kubelet-admission.ts): it never runs. */
  rejected?: Rejection;
}

/** Why a kubelet refused a pod: rejectPod's reason, and its message without "Pod was rejected: ". */
export interface Rejection {
  reason: string;
  message: string;
}

export interface PodDeletion {
  /** When the DELETE arrived (the kubelet sent SIGTERM then). */
  requestedAt: number;
  gracePeriodSeconds: number;
  /** When the last container had exited (or was killed) and the pod left the API. */
  goneAt: number;
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: NamespacedMeta;
  spec: PodSpec;
  sim: PodSim;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: { podCIDR: string; taints: Taint[]; unschedulable: boolean };
  status: {
    internalIP: string;
    kubeletVersion: string;
    osImage: string;
    kernelVersion: string;
    containerRuntimeVersion: string;
    architecture: string;
  };
}

export type NamespacePhase = 'Active' | 'Terminating';

export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  /** `deletionTimestamp`: when a DELETE marked it (namespace-deletion.ts). */
  metadata: ObjectMeta & { deletionTimestamp?: string };
  status: { phase: NamespacePhase };
  /** The simulator's own bookkeeping, never shown: when its deletion was asked for. */
  sim?: { deletion?: { requestedAt: number } };
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name?: string;
  port: number;
  protocol: Protocol;
  targetPort: number | string;
}

/**
 * A Service. The sandbox holds only the one every cluster has, `default/kubernetes`, which the
 * API server itself keeps (see `services.ts`); members cannot create others yet.
 */
export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: NamespacedMeta;
  spec: {
    type: ServiceType;
    clusterIP: string;
    ports: ServicePort[];
    /** Empty: the Service has no selector, and its endpoints are kept by whoever made it. */
    selector: Labels;
    sessionAffinity: 'None' | 'ClientIP';
  };
}

/** A `kubectl port-forward` the member has open on "their machine". */
export interface PortForward {
  localPort: number;
  namespace: string;
  pod: string;
  podUid: string;
  podPort: number;
}

/** A manifest the member saved with `/file save NAME`. */
export interface SavedFile {
  name: string;
  content: string;
}

/** One member's cluster as loaded for one command. */
export interface Cluster {
  /** The sandbox clock, epoch ms (the real clock plus whatever `kubectl wait` fast-forwarded). */
  now: number;
  nodes: Node[];
  namespaces: Namespace[];
  pods: Pod[];
  services: Service[];
  forwards: PortForward[];
  files: SavedFile[];
}

export type ObjectKind = 'Pod' | 'Node' | 'Namespace' | 'Service';
