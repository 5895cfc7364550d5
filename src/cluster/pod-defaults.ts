import { defaultPullPolicy } from './images.ts';
import { isRecord, type Resources, writtenResources } from './quantity.ts';

type Json = Record<string, unknown>;

/**
 * The v1 defaults (SetDefaults_PodSpec, _Container, _ContainerPort, _*VolumeSource, and the
 * pod's requests defaulted from its limits) and the canonical form of resource quantities that
 * decoding gives the spec of an update, before ValidatePodUpdate compares it with the stored one. Only
 * defaulting: what the ServiceAccount plugin adds on create (the token volume, the service
 * account) is not added again on update, so a spec that drops it changes; the default tolerations
 * and the priority are admission's on update too (pod-admission.ts).
 */
export function defaultedPodSpec(spec: unknown): Json {
  const s: Json = isRecord(spec) ? { ...spec } : {};
  s.dnsPolicy ??= 'ClusterFirst';
  s.restartPolicy ??= 'Always';
  s.terminationGracePeriodSeconds ??= 30;
  s.securityContext ??= {};
  s.schedulerName ??= 'default-scheduler';
  s.enableServiceLinks ??= true;
  for (const list of ['containers', 'initContainers'] as const)
    if (Array.isArray(s[list])) s[list] = s[list].map(defaultedContainer);
  if (Array.isArray(s.volumes)) s.volumes = s.volumes.map(defaultedVolume);
  return s;
}

function defaultedContainer(c: unknown): unknown {
  if (!isRecord(c)) return c;
  const out: Json = { ...c };
  out.terminationMessagePath ??= '/dev/termination-log';
  out.terminationMessagePolicy ??= 'File';
  if (typeof out.image === 'string') out.imagePullPolicy ??= defaultPullPolicy(out.image);
  const resources = writtenResources(out.resources);
  if (resources !== null) out.resources = resourcesJson(resources);
  if (Array.isArray(out.ports))
    out.ports = out.ports.map((p) => (isRecord(p) ? { ...p, protocol: p.protocol ?? 'TCP' } : p));
  return out;
}

/** Only the lists that have something, as the stored object shows them. */
function resourcesJson({ limits, requests }: Resources): Json {
  const out: Json = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(requests).length > 0) out.requests = requests;
  return out;
}

/** The sources whose files get mode 0644 (420) unless the manifest says otherwise. */
const MODED = ['configMap', 'secret', 'projected', 'downwardAPI'] as const;

function defaultedVolume(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const out: Json = { ...v };
  for (const key of MODED) {
    const source = out[key];
    if (isRecord(source)) out[key] = { ...source, defaultMode: source.defaultMode ?? 420 };
  }
  if (isRecord(out.hostPath)) out.hostPath = { ...out.hostPath, type: out.hostPath.type ?? '' };
  return out;
}
