import { DEFAULT_TOLERATIONS } from './api-object.ts';
import { isRecord } from './quantity.ts';

/**
 * What admission does to a pod on update, before ValidatePodUpdate sees it (the ServiceAccount
 * plugin mutates on create only). DefaultTolerationSeconds runs on update as on create: a pod
 * that does not tolerate the not-ready or unreachable NoExecute taint (a toleration with that key
 * or none, and that effect or none) gets the 300 s toleration back, so a manifest that lists only
 * its own tolerations keeps the defaults rather than removing them.
 */
export function admittedTolerations(tolerations: unknown): unknown[] {
  const own = Array.isArray(tolerations) ? tolerations : [];
  const tolerates = (key: string) =>
    own.some(
      (t) =>
        isRecord(t) &&
        (t.key === key || (t.key ?? '') === '') &&
        (t.effect === 'NoExecute' || (t.effect ?? '') === ''),
    );
  const missing = DEFAULT_TOLERATIONS.filter((t) => !tolerates(t.key)).map((t) => ({ ...t }));
  return missing.length === 0 ? own : [...own, ...missing];
}

/**
 * The Priority plugin on update: it set `priority` and `preemptionPolicy` on create, and puts the
 * stored values back into an update that leaves them out (a PUT of the plain manifest), so only
 * a different value is a change for ValidatePodUpdate to refuse.
 */
export function admittedPriority(next: Record<string, unknown>, old: Record<string, unknown>): void {
  if (next.priority === undefined || next.priority === null) next.priority = old.priority;
  if (next.preemptionPolicy === undefined || next.preemptionPolicy === null)
    next.preemptionPolicy = old.preemptionPolicy;
}
