import { DEFAULT_TOLERATIONS } from './api-object.ts';
import { isRecord } from './quantity.ts';

/**
 * What admission does to a pod on update, before ValidatePodUpdate sees it. Of the plugins that
 * mutate pods here only DefaultTolerationSeconds runs on update as well as on create (the
 * ServiceAccount and Priority plugins mutate on create only): a pod that does not tolerate the
 * not-ready or unreachable NoExecute taint (a toleration with that key or none, and that effect
 * or none) gets the 300 s toleration back, so a manifest that lists only its own tolerations
 * keeps the defaults rather than removing them.
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
