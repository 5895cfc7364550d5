import { parseSelector, type Requirement } from '../cluster/labels/selector.ts';
import { fill, type Params } from '../i18n/catalogue.ts';
import type { Localized, SelectorPod } from './question.ts';

/**
 * Notes for the common wrong selectors, written to the learner: what they probably assumed, read
 * off the pods their selector picked that it should not have (or missed) and the requirements
 * they wrote. `!=` and `notin` match pods without the key; `=`, `in` and a bare key need it.
 */
export function selectorNotes(
  written: string,
  pods: readonly SelectorPod[],
  expected: readonly string[],
  selected: readonly string[],
): Localized[] {
  const parsed = parseSelector(written);
  if (!parsed.ok) return [];
  const extra = pods.filter((p) => selected.includes(p.name) && !expected.includes(p.name));
  const missed = pods.filter((p) => expected.includes(p.name) && !selected.includes(p.name));
  const notes: Localized[] = [];
  for (const r of parsed.value.requirements) {
    const keyless = (list: readonly SelectorPod[]) =>
      list.filter((p) => !Object.hasOwn(p.labels, r.key)).map((p) => p.name);
    const op = r.operator === 'NotIn' ? ' notin' : '!=';
    const extraKeyless = keyless(extra);
    if (negative(r) && extraKeyless.length > 0)
      notes.push(note(NEGATIVE, { key: r.key, op, pods: extraKeyless.join(', ') }));
    const missedKeyless = keyless(missed);
    if (!negative(r) && r.operator !== 'DoesNotExist' && missedKeyless.length > 0)
      notes.push(note(REQUIRES, { key: r.key, pods: missedKeyless.join(', ') }));
  }
  if (notes.length === 0 && (extra.length > 0 || missed.length > 0)) {
    const names = (list: readonly SelectorPod[]) => list.map((p) => p.name).join(', ');
    notes.push(note(AND, {}));
    if (extra.length > 0) notes.push(note(PICKED_TOO, { pods: names(extra) }));
    if (missed.length > 0) notes.push(note(MISSED, { pods: names(missed) }));
  }
  return notes;
}

const note = (template: Localized, params: Params): Localized => ({
  ko: fill(template.ko, params),
  en: fill(template.en, params),
});

const NEGATIVE: Localized = {
  ko: '`{key}{op}…`{이/가} `{key}` 키가 있는 파드만 본다고 생각했을 수 있어요. 키가 없는 파드({pods})도 맞아요. 키가 꼭 있어야 하면 앞에 `{key},`{을/를} 붙여요.',
  en: 'You may be assuming `{key}{op}…` looks only at pods with `{key}`. Pods without the key ({pods}) match too; to require the key, put `{key},` in front.',
};
const REQUIRES: Localized = {
  ko: '`{key}`{을/를} 요구하면 키가 없는 파드({pods})는 빠진다는 걸 놓쳤을 수 있어요. 키가 없는 파드까지 고르려면 `!=`나 `notin`을 써요.',
  en: 'You may have missed that requiring `{key}` leaves out pods without it ({pods}). To include pods without the key, use `!=` or `notin`.',
};
const AND: Localized = {
  ko: '쉼표를 OR로 읽었을 수 있어요. 쉼표는 AND예요: 모든 조건이 맞아야 선택돼요.',
  en: 'You may be reading the comma as OR. It is AND: every requirement must hold.',
};
const PICKED_TOO: Localized = { ko: '더 골라진 파드: {pods}', en: 'Picked too: {pods}' };
const MISSED: Localized = { ko: '빠진 파드: {pods}', en: 'Missed: {pods}' };

const negative = (r: Requirement): boolean => r.operator === 'NotEquals' || r.operator === 'NotIn';
