import type { EnvVar, RestartPolicy } from '../cluster/model.ts';
import type { JsonObject } from '../go/json-value.ts';

/**
 * The Pod that `kubectl run` builds on the client (KC pkg/cmd/run, generate/versioned
 * BasicPod): what `--dry-run=client -o yaml|json` prints. It is a typed corev1.Pod, so the JSON
 * printer writes fields in Go struct order (kind before apiVersion, name before labels), while
 * the YAML printer sorts them; the keys below are in struct order for that reason.
 */
export interface RunSpec {
  name: string;
  /** Only when `-n` was given: kubectl sets the namespace it was told, else leaves it out. */
  namespace: string | undefined;
  /** The pod's labels: `--labels`, else `run=NAME`. */
  labels: Record<string, string>;
  /** Whether `--labels` gave them (only then does an exposed Service carry them too). */
  labelsGiven: boolean;
  annotations: Record<string, string>;
  image: string;
  command: string[] | undefined;
  args: string[] | undefined;
  port: number | undefined;
  env: EnvVar[];
  /** Only when `--image-pull-policy` was given: the server, not kubectl, defaults it. */
  imagePullPolicy: string | undefined;
  restartPolicy: RestartPolicy;
  /** `--privileged`: the container's `securityContext.privileged`, set only when true. */
  privileged: boolean;
  /** `-i` (with `--attach=false`, else chat stops before), `!--leave-stdin-open`, `-t`. */
  stdin: boolean;
  stdinOnce: boolean;
  tty: boolean;
}

export function runPodObject(spec: RunSpec): JsonObject {
  const metadata: JsonObject = { name: spec.name };
  if (spec.namespace !== undefined) metadata.namespace = spec.namespace;
  metadata.creationTimestamp = null;
  if (Object.keys(spec.labels).length > 0) metadata.labels = spec.labels;
  if (Object.keys(spec.annotations).length > 0) metadata.annotations = spec.annotations;
  const container: JsonObject = { name: spec.name, image: spec.image };
  if (spec.command !== undefined) container.command = spec.command;
  if (spec.args !== undefined) container.args = spec.args;
  if (spec.port !== undefined) container.ports = [{ containerPort: spec.port }];
  // EnvVar's value is omitempty: `--env=B=` is only a name.
  if (spec.env.length > 0)
    container.env = spec.env.map((e) =>
      e.value === '' ? { name: e.name } : { name: e.name, value: e.value },
    );
  container.resources = {};
  if (spec.imagePullPolicy !== undefined) container.imagePullPolicy = spec.imagePullPolicy;
  if (spec.privileged) container.securityContext = { privileged: true };
  if (spec.stdin) container.stdin = true;
  if (spec.stdinOnce) container.stdinOnce = true;
  if (spec.tty) container.tty = true;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: spec.restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

// distribution/reference's ReferenceRegexp, which kubectl run checks the image against.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`);

export const isImageReference = (image: string): boolean => REFERENCE.test(image);
