import type { Pod } from '../cluster/model.ts';
import { todoFor } from '../guide/lab-coach.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LabProgress, LabRun } from '../store/labs.ts';
import type { CheckResult, Fact, Lab, LabCheck } from './model.ts';

/** The words of `/lab list|start|check`, in the member's language (kubectl names stay as they are). */
export const renderFact = (lang: Lang, fact: Fact): string => t(lang, fact.key, fact.params);

export function renderList(
  lang: Lang,
  labs: readonly Lab[],
  progress: readonly LabProgress[],
  active: LabRun | undefined,
): string {
  const done = progress.filter((p) => p.finishedAt !== undefined).length;
  const lines = labs.map((lab) => {
    const params = { id: lab.id, title: lab.title[lang] };
    if (active?.labId === lab.id) return t(lang, 'lab.listActive', { ...params, hints: active.hintsUsed });
    const mine = progress.find((p) => p.labId === lab.id);
    if (mine?.finishedAt !== undefined)
      return t(lang, 'lab.listFinished', { ...params, hints: mine.hintsUsed });
    return t(lang, 'lab.listNew', params);
  });
  return [t(lang, 'lab.listHeader', { done, total: labs.length }), '', ...lines].join('\n');
}

/** The lab's brief: story, what was set up, the numbered steps. */
export function renderStart(lang: Lang, lab: Lab, seeded: readonly Pod[]): string {
  const namespace = lab.namespace;
  const stage =
    seeded.length > 0
      ? t(lang, 'lab.seeded', {
          namespace,
          count: seeded.length,
          pods: seeded.map((p) => p.metadata.name).join(', '),
        })
      : namespace === 'default'
        ? null
        : t(lang, 'lab.ownNamespace', { namespace });
  return [
    t(lang, 'lab.startHeader', { id: lab.id, title: lab.title[lang] }),
    '',
    lab.story[lang],
    ...(stage === null ? [] : ['', stage]),
    '',
    t(lang, 'lab.steps', { section: lab.section }),
    ...lab.steps.map((step, i) => `${i + 1}. ${step[lang]}`),
    '',
    t(lang, 'lab.startFooter'),
  ].join('\n');
}

/**
 * One line per check: passed, or failed with what was expected, what the sandbox holds and, on
 * the next line, what to do about it in plain words.
 */
export function renderCheckLines(
  lang: Lang,
  lab: Lab,
  results: readonly { check: LabCheck; result: CheckResult }[],
): string[] {
  return results.map(({ check, result }) =>
    result.passed
      ? t(lang, 'lab.checkPassed', { title: check.title[lang] })
      : `${t(lang, 'lab.checkFailed', {
          title: check.title[lang],
          expected: renderFact(lang, result.expected),
          actual: renderFact(lang, result.actual),
        })}\n   → ${todoFor(lang, lab, result)}`,
  );
}
