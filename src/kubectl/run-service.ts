import type { JsonObject } from '../go/json-value.ts';
import type { RunSpec } from './run-object.ts';

/**
 * The Service `kubectl run --expose` builds on the client (KC 1.33 pkg/cmd/run generateService,
 * generate/versioned ServiceGeneratorV2 fed run's own parameters): named after the pod, labelled
 * only with the `--labels` the member gave, selecting the pod's labels (`run=NAME` without
 * `--labels`), one TCP port `--port` whose targetPort is the same number. A typed corev1.Service,
 * so its keys are in Go struct order here (JSON keeps it, YAML sorts) and its empty
 * `status.loadBalancer` is printed.
 */
export function runServiceObject(spec: RunSpec & { port: number }): JsonObject {
  const metadata: JsonObject = { name: spec.name };
  if (spec.namespace !== undefined) metadata.namespace = spec.namespace;
  metadata.creationTimestamp = null;
  if (spec.labelsGiven) metadata.labels = spec.labels;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec: {
      ports: [{ protocol: 'TCP', port: spec.port, targetPort: spec.port }],
      selector: spec.labels,
    },
    status: { loadBalancer: {} },
  };
}
