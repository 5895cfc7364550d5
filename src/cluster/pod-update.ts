import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { apiObject } from './api-object.ts';
import type { Ids } from './ids.ts';
import type { Cluster, Pod } from './model.ts';
import { sameLabels, updatedMetaOf } from './object-meta-update.ts';
import { admittedPriority, admittedTolerations } from './pod-admission.ts';
import { defaultedPodSpec } from './pod-defaults.ts';
import { podSpecDiff } from './pod-spec-diff.ts';
import { podWithImages } from './pods.ts';
import { resourceVersionOf, resourceVersionPrecondition } from './preconditions.ts';
import { isRecord } from './quantity.ts';
import { invalid, type Status } from './status.ts';
import { validateAnnotations, validateLabels } from './validation.ts';

/**
 * An update of a live pod (PUT, a patch once applied, chat's `apply`), with ValidatePodUpdate's
 * rules: labels and annotations may change; in the spec only container images,
 * `activeDeadlineSeconds` (set, or lowered) and `tolerations` (added to); anything else is
 * refused with go-cmp's diff of the stored spec against the new one with those fields put back.
 * The new spec is compared as decoded (v1 defaults applied) and admitted (the default
 * tolerations put back); the stored one is the pod's object.
 */
export interface PodUpdate {
  pod: Pod;
  /** False when the update says what the pod already says: nothing is written. */
  changed: boolean;
}

const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const MAX_INT32 = 2147483647;

type Json = Record<string, unknown>;

export function updatePod(
  cluster: Pick<Cluster, 'now' | 'nodes' | 'pods'>,
  live: Pod,
  next: Json,
  ids: Ids,
): Result<PodUpdate, Status> {
  const name = live.metadata.name;
  const locked = resourceVersionPrecondition('pods', live.metadata, resourceVersionOf(next));
  if (!locked.ok) return locked;
  const meta = updatedMetaOf(next, name);
  if (!meta.ok) return meta;
  const oldSpec = apiObject(live, cluster).spec as Json;
  const newSpec = defaultedPodSpec(next.spec);
  newSpec.tolerations = admittedTolerations(newSpec.tolerations);
  admittedPriority(newSpec, oldSpec);
  const causes = [...validateLabels(meta.value.labels), ...validateAnnotations(meta.value.annotations)];
  const refuse = () => err(invalid('Pod', name, causes));
  for (const list of ['containers', 'initContainers'] as const) {
    const stop = containerUpdateErrors(
      records(newSpec[list]),
      records(oldSpec[list]),
      `spec.${list}`,
      causes,
    );
    if (stop) return refuse();
  }
  if (deadlineErrors(newSpec.activeDeadlineSeconds, oldSpec.activeDeadlineSeconds, causes)) return refuse();
  if (!onlyAddedTolerations(records(newSpec.tolerations), records(oldSpec.tolerations)))
    causes.push(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  const diff = podSpecDiff(oldSpec, munged(newSpec, oldSpec));
  if (diff !== null)
    causes.push(`spec: Forbidden: pod updates may not change fields other than ${UPDATABLE}\n${diff}`);
  if (causes.length > 0) return refuse();
  return ok(updated(live, meta.value, newSpec, oldSpec, ids));
}

const records = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => (isRecord(x) ? x : {})) : []);
const imageOf = (c: Json | undefined) => (typeof c?.image === 'string' ? c.image : '');

/** ValidateContainerUpdates: true when the lists differ in length (nothing more is checked). */
function containerUpdateErrors(next: Json[], old: Json[], path: string, causes: string[]): boolean {
  if (next.length !== old.length) {
    causes.push(`${path}: Forbidden: pod updates may not add or remove containers`);
    return true;
  }
  next.forEach((c, i) => {
    const image = imageOf(c);
    if (image === '') causes.push(`${path}[${i}].image: Required value`);
    else if (image.trim() !== image)
      causes.push(
        `${path}[${i}].image: Invalid value: ${goQuote(image)}: must not have leading or trailing whitespace`,
      );
  });
  return false;
}

/** activeDeadlineSeconds may be set, or lowered; true when the check stops validation. */
function deadlineErrors(next: unknown, old: unknown, causes: string[]): boolean {
  const path = 'spec.activeDeadlineSeconds';
  if (typeof next === 'number') {
    if (next < 0 || next > MAX_INT32) {
      causes.push(`${path}: Invalid value: ${next}: must be between 0 and ${MAX_INT32}, inclusive`);
      return true;
    }
    if (typeof old === 'number' && old < next) {
      causes.push(`${path}: Invalid value: ${next}: must be less than or equal to previous value`);
      return true;
    }
  } else if (typeof old === 'number')
    causes.push(`${path}: Invalid value: "null": must not update from a positive integer to nil value`);
  return false;
}

/** Every stored toleration is still there (its tolerationSeconds aside). */
function onlyAddedTolerations(next: Json[], old: Json[]): boolean {
  const key = (t: Json) => JSON.stringify([t.key ?? '', t.operator ?? '', t.value ?? '', t.effect ?? '']);
  const kept = new Set(next.map(key));
  return old.every((t) => kept.has(key(t)));
}

/** The new spec with what may change put back to the stored values, as ValidatePodUpdate munges it. */
function munged(next: Json, old: Json): Json {
  const withOldImages = (list: 'containers' | 'initContainers') => {
    const before = records(old[list]);
    return Array.isArray(next[list])
      ? records(next[list]).map((c, i) => ({ ...c, image: before[i]?.image }))
      : next[list];
  };
  const out: Json = {
    ...next,
    containers: withOldImages('containers'),
    initContainers: withOldImages('initContainers'),
    activeDeadlineSeconds: old.activeDeadlineSeconds,
    tolerations: old.tolerations,
    schedulingGates: old.schedulingGates,
  };
  const grace = old.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace < 0 && out.terminationGracePeriodSeconds === 1)
    out.terminationGracePeriodSeconds = grace;
  return out;
}

function updated(
  live: Pod,
  meta: { labels: Pod['metadata']['labels']; annotations: Pod['metadata']['annotations'] },
  next: Json,
  old: Json,
  ids: Ids,
): PodUpdate {
  const images = records(next.containers).map(imageOf);
  let pod = podWithImages(live, images);
  const extra = { ...(live.spec.extra ?? {}) };
  let specChanged = false;
  for (const key of ['activeDeadlineSeconds', 'tolerations'] as const) {
    if (JSON.stringify(next[key]) === JSON.stringify(old[key])) continue;
    extra[key] = next[key];
    specChanged = true;
  }
  if (specChanged) {
    const generation = pod === live ? (live.sim.generation ?? 1) + 1 : pod.sim.generation;
    pod = {
      ...pod,
      spec: { ...pod.spec, extra },
      sim: { ...pod.sim, ...(generation === undefined ? {} : { generation }) },
    };
  }
  const metaChanged =
    !sameLabels(meta.labels, live.metadata.labels) ||
    !sameLabels(meta.annotations, live.metadata.annotations);
  if (pod === live && !metaChanged) return { pod: live, changed: false };
  return {
    pod: { ...pod, metadata: { ...live.metadata, ...meta, resourceVersion: ids.resourceVersion() } },
    changed: true,
  };
}
