import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { podStatus } from './lifecycle.ts';
import type { Namespace, Node, Pod, Service } from './model.ts';

/**
 * `fieldSelector` on a list request, as the API server reads it (fields.ParseSelector, then the
 * resource's field label conversion): `key=value`, `key==value` or `key!=value`, comma-separated,
 * with only the keys the resource indexes. The answer to anything else is the server's
 * BadRequest; the message names the request as the REST client's error does.
 */
export interface FieldRequirement {
  field: string;
  value: string;
  equal: boolean;
}

type Selectable = Pod | Node | Namespace | Service;

/** pkg/registry/core/pod/strategy.go PodToSelectableFields, and ObjectMetaFieldsSet for the rest. */
const FIELDS: Record<Selectable['kind'], readonly string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Service: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
};

const MAX_REQUIREMENTS = 16;

export function parseFieldSelector(
  text: string,
  kind: Selectable['kind'],
  resource: string,
): Result<FieldRequirement[], string> {
  const fail = (why: string) =>
    err(
      `Unable to find ${goQuote(`/v1, Resource=${resource}`)} that match label selector "", field selector ${goQuote(text)}: ${why}`,
    );
  const out: FieldRequirement[] = [];
  for (const part of text.split(',').slice(0, MAX_REQUIREMENTS)) {
    if (part === '') continue;
    const m = /^([^=!]*)(==|=|!=)(.*)$/s.exec(part);
    if (m === null) return fail(`invalid selector: '${text}'; can't understand '${part}'`);
    const field = (m[1] ?? '').trim();
    if (!FIELDS[kind].includes(field)) return fail(`field label not supported: ${field}`);
    out.push({ field, value: m[3] ?? '', equal: m[2] !== '!=' });
  }
  return ok(out);
}

export function matchesFields(
  object: Selectable,
  requirements: readonly FieldRequirement[],
  now: number,
): boolean {
  return requirements.every((r) => (fieldValue(object, r.field, now) === r.value) === r.equal);
}

function fieldValue(object: Selectable, field: string, now: number): string {
  if (field === 'metadata.name') return object.metadata.name;
  if (field === 'metadata.namespace') return 'namespace' in object.metadata ? object.metadata.namespace : '';
  switch (object.kind) {
    case 'Pod':
      return podField(object, field, now);
    case 'Node':
      return String(object.spec.unschedulable);
    case 'Namespace':
      return object.status.phase;
    case 'Service':
      return field === 'spec.type' ? object.spec.type : object.spec.clusterIP;
  }
}

function podField(pod: Pod, field: string, now: number): string {
  switch (field) {
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.restartPolicy':
      return pod.spec.restartPolicy;
    case 'spec.schedulerName':
      return 'default-scheduler';
    case 'spec.serviceAccountName':
      return 'default';
    case 'spec.hostNetwork':
      return String(pod.spec.hostNetwork === true);
    case 'status.phase':
      return podStatus(pod, now).phase;
    case 'status.podIP':
    case 'status.podIPs':
      return podStatus(pod, now).sandboxAt === undefined ? '' : (pod.sim.podIP ?? '');
    default:
      return '';
  }
}
