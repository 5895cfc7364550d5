import {
  explainSelector,
  formatRequirement,
  formatSelector,
  parseSelector,
  type Requirement,
  type Selector,
} from '../../cluster/labels/selector.ts';
import type { Labels } from '../../cluster/model.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Localized } from '../question.ts';
import type { Random } from '../random.ts';
import { joinLines, same, say } from './sim.ts';

/**
 * Random selectors and label sets for the selector families. A selector's requirements are on
 * distinct keys, so a label set can be made to break exactly one of them: the distractor a
 * member falls for is the pod that fails one requirement while passing the rest.
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  app: ['web', 'api', 'db', 'cache'],
  env: ['prod', 'dev', 'staging', 'qa'],
  tier: ['frontend', 'backend'],
  rel: ['stable', 'canary', 'beta'],
};
const KEYS = Object.keys(VOCABULARY);

type Op = 'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
const OPS: readonly Op[] = ['Equals', 'NotEquals', 'In', 'NotIn', 'Exists', 'DoesNotExist'];

const valuesOf = (key: string): readonly string[] => VOCABULARY[key] ?? [];

/** A selector of `count` requirements on distinct keys, parsed by the real parser. */
export function randomSelector(random: Random, count: number): { text: string; selector: Selector } {
  const keys = random.shuffle(KEYS).slice(0, count);
  const parts = keys.map((key) => {
    const op = random.pick(OPS);
    const values = random.shuffle(valuesOf(key));
    const set = values.slice(0, 2).sort();
    const requirement: Requirement = {
      key,
      operator: op,
      values:
        op === 'Exists' || op === 'DoesNotExist'
          ? []
          : op === 'In' || op === 'NotIn'
            ? set
            : [values[0] ?? ''],
    };
    return formatRequirement(requirement);
  });
  const parsed = parseSelector(parts.join(','));
  if (!parsed.ok)
    throw new Error(`generated an invalid selector ${parts.join(',')}: ${parsed.error.message}`);
  // The canonical form (requirements sorted by key), as every near-miss variant is printed too.
  return { text: formatSelector(parsed.value), selector: parsed.value };
}

/** Labels that meet every requirement, plus a noise label or two on other keys. */
export function satisfying(random: Random, selector: Selector): Labels {
  const labels: Labels = {};
  for (const key of KEYS) {
    if (!selector.requirements.some((r) => r.key === key) && random.chance(0.5))
      labels[key] = random.pick(valuesOf(key));
  }
  for (const r of selector.requirements) setSatisfied(random, labels, r);
  return labels;
}

function setSatisfied(random: Random, labels: Labels, r: Requirement): void {
  const others = valuesOf(r.key).filter((v) => !r.values.includes(v));
  switch (r.operator) {
    case 'Equals':
    case 'DoubleEquals':
    case 'In':
      labels[r.key] = random.pick(r.values);
      return;
    case 'NotEquals':
    case 'NotIn':
      if (others.length > 0 && random.chance(0.6)) labels[r.key] = random.pick(others);
      else delete labels[r.key];
      return;
    case 'Exists':
      labels[r.key] = random.pick(valuesOf(r.key));
      return;
    case 'DoesNotExist':
    case 'GreaterThan':
    case 'LessThan':
      delete labels[r.key];
      return;
  }
}

/** The same labels with requirement `r` broken (the others untouched: keys are distinct). */
export function breaking(random: Random, labels: Labels, r: Requirement): Labels {
  const out = { ...labels };
  const others = valuesOf(r.key).filter((v) => !r.values.includes(v));
  switch (r.operator) {
    case 'Equals':
    case 'DoubleEquals':
    case 'In':
      if (others.length > 0 && random.chance(0.6)) out[r.key] = random.pick(others);
      else delete out[r.key];
      return out;
    case 'NotEquals':
    case 'NotIn':
      out[r.key] = random.pick(r.values);
      return out;
    case 'Exists':
    case 'GreaterThan':
    case 'LessThan':
      delete out[r.key];
      return out;
    case 'DoesNotExist':
      out[r.key] = random.pick(valuesOf(r.key));
      return out;
  }
}

/** One line per pod: each requirement's result, from the real matcher's explanation. */
export function explainPods(
  selector: Selector,
  pods: readonly { name: string; labels: Labels }[],
  verdict: { yes: Localized; no: Localized },
): Localized {
  return joinLines(
    pods.map((pod) => {
      const results = explainSelector(selector, pod.labels);
      const checks = results.map((e) => `${e.text} ${e.matches ? '✓' : '✗'}`).join(' · ');
      const values = joinWith(
        results.map((e) =>
          e.labelValue === undefined
            ? say({ ko: '{key} 없음', en: 'no {key}' }, { key: e.requirement.key })
            : same(`${e.requirement.key}=${e.labelValue}`),
        ),
        ', ',
      );
      const result = results.every((e) => e.matches) ? verdict.yes : verdict.no;
      const line = (lang: Lang) => `• ${pod.name} (${values[lang]}): ${checks} → ${result[lang]}`;
      return { ko: line('ko'), en: line('en') };
    }),
  );
}

export function joinWith(parts: readonly Localized[], separator: string): Localized {
  return { ko: parts.map((p) => p.ko).join(separator), en: parts.map((p) => p.en).join(separator) };
}
