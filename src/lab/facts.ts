import type { Cluster, Labels, Pod } from '../cluster/model.ts';
import type { Params } from '../i18n/catalogue.ts';
import { compare } from '../kubectl/query.ts';
import type { CheckResult, Fact, FactKey } from './model.ts';

/** Small helpers the check kinds share: finding objects and wording what was found. */
export const NONE = '<none>';

export const fact = (key: FactKey, params: Params = {}): Fact => ({ key, params });

export const result = (passed: boolean, expected: Fact, actual: Fact): CheckResult => ({
  passed,
  expected,
  actual,
});

export const findPod = (cluster: Cluster, namespace: string, name: string): Pod | undefined =>
  cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);

/** The actual side when the pod the check is about is not there. */
export const noPod = (namespace: string, pod: string): Fact => fact('lab.fact.noPod', { pod, namespace });

/** What a check found on the pod it is about. */
export interface Verdict {
  passed: boolean;
  actual: Fact;
}

/** Judges the named pod; a missing pod fails with `no pod X in namespace Y`. */
export function onPod(
  cluster: Cluster,
  scope: { namespace: string; pod: string },
  expected: Fact,
  judge: (pod: Pod) => Verdict,
): CheckResult {
  const pod = findPod(cluster, scope.namespace, scope.pod);
  if (pod === undefined) return result(false, expected, noPod(scope.namespace, scope.pod));
  const { passed, actual } = judge(pod);
  return result(passed, expected, actual);
}

/** `a, b, c` in byte order, or `<none>`. */
export const names = (items: readonly string[]): string =>
  items.length === 0 ? NONE : [...items].sort(compare).join(', ');

/** `k=v, k2=v2` as kubectl prints label lists; a null value means "must not be set" (`!k`). */
export function pairs(map: Readonly<Record<string, string | null>>): string {
  const keys = Object.keys(map).sort(compare);
  if (keys.length === 0) return NONE;
  return keys.map((k) => (map[k] === null ? `!${k}` : `${k}=${map[k]}`)).join(', ');
}

/** Every wanted pair holds: the key has that value, or (null) the key is absent. */
export const hasPairs = (actual: Labels, wanted: Readonly<Record<string, string | null>>): boolean =>
  Object.entries(wanted).every(([k, v]) => (v === null ? !Object.hasOwn(actual, k) : actual[k] === v));

/** Only the keys the check is about, `<none>` where unset (annotations can be long JSON blobs). */
export const pick = (actual: Labels, keys: readonly string[]): Record<string, string> =>
  Object.fromEntries(keys.map((k) => [k, Object.hasOwn(actual, k) ? (actual[k] ?? '') : NONE]));
