/**
 * The slice of the Pod OpenAPI schema the notes use, with the API's own field descriptions
 * (k8s.io/api core/v1 types.go doc comments, as served in /openapi/v3). `explain` walks it.
 */
export interface FieldSchema {
  type: string;
  description: string;
  /** The named type this field's object (or array item) has, for walking deeper. */
  ref?: string;
  required?: boolean;
  enum?: string[];
}

export interface TypeSchema {
  description: string;
  fields: Record<string, FieldSchema>;
}

const MORE_INFO_META =
  "Standard object's metadata. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const TYPES: Record<string, TypeSchema> = {
  Pod: {
    description:
      'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    fields: {
      apiVersion: {
        type: 'string',
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
      },
      kind: {
        type: 'string',
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      },
      metadata: { type: 'ObjectMeta', ref: 'ObjectMeta', description: MORE_INFO_META },
      spec: {
        type: 'PodSpec',
        ref: 'PodSpec',
        description:
          'Specification of the desired behavior of the pod. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        type: 'PodStatus',
        ref: 'PodStatus',
        description:
          'Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
  },
  ObjectMeta: {
    description:
      'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    fields: {
      annotations: {
        type: 'map[string]string',
        description:
          'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations',
      },
      creationTimestamp: {
        type: 'string',
        description:
          'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
      },
      generateName: {
        type: 'string',
        description:
          'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix. The provided value has the same validation rules as the Name field, and may be truncated by the length of the suffix required to make the value unique on the server.',
      },
      labels: {
        type: 'map[string]string',
        description:
          'Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels',
      },
      name: {
        type: 'string',
        description:
          'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
      },
      namespace: {
        type: 'string',
        description:
          'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces',
      },
      resourceVersion: {
        type: 'string',
        description:
          'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources. Clients must treat these values as opaque and passed unmodified back to the server. They may only be valid for a particular resource or set of resources.\n\nPopulated by the system. Read-only. Value must be treated as opaque by clients and . More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency',
      },
      uid: {
        type: 'string',
        description:
          'UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.\n\nPopulated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids',
      },
    },
  },
  PodSpec: {
    description: 'PodSpec is a description of a pod.',
    fields: {
      containers: {
        type: '[]Container',
        ref: 'Container',
        required: true,
        description:
          'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
      },
      hostNetwork: {
        type: 'boolean',
        description:
          "Host networking requested for this pod. Use the host's network namespace. When using HostNetwork you should specify ports so the scheduler is aware. When `hostNetwork` is true, specified `hostPort` fields in port definitions must match `containerPort`, and unspecified `hostPort` fields in port definitions are defaulted to match `containerPort`. Default to false.",
      },
      nodeName: {
        type: 'string',
        description:
          'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
      },
      nodeSelector: {
        type: 'map[string]string',
        description:
          "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
      },
      restartPolicy: {
        type: 'string',
        enum: ['Always', 'Never', 'OnFailure'],
        description:
          'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
      },
    },
  },
  Container: {
    description: 'A single application container that you want to run within a pod.',
    fields: {
      args: {
        type: '[]string',
        description:
          'Arguments to the entrypoint. The container image\'s CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
      },
      command: {
        type: '[]string',
        description:
          'Entrypoint array. Not executed within a shell. The container image\'s ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
      },
      env: {
        type: '[]EnvVar',
        ref: 'EnvVar',
        description: 'List of environment variables to set in the container. Cannot be updated.',
      },
      image: {
        type: 'string',
        description:
          'Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.',
      },
      imagePullPolicy: {
        type: 'string',
        enum: ['Always', 'IfNotPresent', 'Never'],
        description:
          'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present',
      },
      name: {
        type: 'string',
        required: true,
        description:
          'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
      },
      ports: {
        type: '[]ContainerPort',
        ref: 'ContainerPort',
        description:
          'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.',
      },
    },
  },
  ContainerPort: {
    description: 'ContainerPort represents a network port in a single container.',
    fields: {
      containerPort: {
        type: 'integer',
        required: true,
        description:
          "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
      },
      hostIP: { type: 'string', description: 'What host IP to bind the external port to.' },
      hostPort: {
        type: 'integer',
        description:
          'Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.',
      },
      name: {
        type: 'string',
        description:
          'If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.',
      },
      protocol: {
        type: 'string',
        enum: ['SCTP', 'TCP', 'UDP'],
        description:
          'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
      },
    },
  },
  EnvVar: {
    description: 'EnvVar represents an environment variable present in a Container.',
    fields: {
      name: {
        type: 'string',
        required: true,
        description: 'Name of the environment variable. Must be a C_IDENTIFIER.',
      },
      value: {
        type: 'string',
        description:
          'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to "".',
      },
    },
  },
  PodStatus: {
    description:
      'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    fields: {
      hostIP: {
        type: 'string',
        description:
          'hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns mean that HostIP will not be updated even if there is a node is assigned to pod',
      },
      phase: {
        type: 'string',
        enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
        description:
          "The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod's status. There are five possible phase values:\n\nPending: The pod has been accepted by the Kubernetes system, but one or more of the container images has not been created. This includes time before being scheduled as well as time spent downloading images over the network, which could take a while. Running: The pod has been bound to a node, and all of the containers have been created. At least one container is still running, or is in the process of starting or restarting. Succeeded: All containers in the pod have terminated in success, and will not be restarted. Failed: All containers in the pod have terminated, and at least one container has terminated in failure. The container either exited with non-zero status or was terminated by the system. Unknown: For some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase",
      },
      podIP: {
        type: 'string',
        description:
          'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      },
    },
  },
};

const common = (kind: string): Record<string, FieldSchema> => {
  const pod = TYPES.Pod?.fields ?? {};
  return {
    ...(pod.apiVersion === undefined ? {} : { apiVersion: pod.apiVersion }),
    ...(pod.kind === undefined ? {} : { kind: pod.kind }),
    ...(pod.metadata === undefined ? {} : { metadata: pod.metadata }),
    spec: {
      type: `${kind}Spec`,
      description: `Spec defines the behavior of the ${kind.toLowerCase()}. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status`,
    },
    status: {
      type: `${kind}Status`,
      description: `Most recently observed status of the ${kind.toLowerCase()}. Populated by the system. Read-only. More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status`,
    },
  };
};

TYPES.Node = {
  description:
    'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
  fields: common('Node'),
};
TYPES.Namespace = {
  description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
  fields: common('Namespace'),
};
