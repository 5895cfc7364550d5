import type { CommandContext } from '../chat/context.ts';
import type { Choice } from '../chat/reply.ts';
import { type MessageKey, type Params, t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { CheckResult, FactKey, Lab, LabCheck } from '../lab/model.ts';
import { labStore } from '../store/labs.ts';

/**
 * What to do about a failing lab check, in plain words: chosen by the fact the check expects
 * (and, where it says more, what the sandbox holds instead), filled with the check's own values
 * and the lab's namespace, so the sentence names the command to run.
 */
const TODO: Partial<Record<FactKey, MessageKey>> = {
  'lab.fact.createdVia': 'lab.todo.createdVia',
  'lab.fact.podStatus': 'lab.todo.podStatus',
  'lab.fact.containerCount': 'lab.todo.containerCount',
  'lab.fact.declaresPort': 'lab.todo.declaresPort',
  'lab.fact.runsImage': 'lab.todo.runsImage',
  'lab.fact.labels': 'lab.todo.labels',
  'lab.fact.annotations': 'lab.todo.annotations',
  'lab.fact.nodeSelector': 'lab.todo.nodeSelector',
  'lab.fact.onNode': 'lab.todo.onNode',
  'lab.fact.selects': 'lab.todo.selects',
  'lab.fact.selectsCount': 'lab.todo.selects',
  'lab.fact.namespace': 'lab.todo.namespace',
  'lab.fact.podsIn': 'lab.todo.podsIn',
  'lab.fact.reaches': 'lab.todo.reaches',
  'lab.fact.answers': 'lab.todo.reaches',
  'lab.fact.forward': 'lab.todo.forward',
  'lab.fact.served': 'lab.todo.served',
  'lab.fact.ran': 'lab.todo.ran',
  'lab.fact.localhostAny': 'lab.todo.localhost',
};

/** The actual side that changes the advice: the pod is not there at all, or not running. */
const BY_ACTUAL: Partial<Record<FactKey, MessageKey>> = {
  'lab.fact.noPod': 'lab.todo.noPod',
  'lab.fact.notUp': 'lab.todo.podStatus',
};

export function todoFor(lang: Lang, lab: Lab, result: CheckResult): string {
  const params: Params = { namespace: lab.namespace, ...result.expected.params, ...actualParams(result) };
  const key = BY_ACTUAL[result.actual.key] ?? TODO[result.expected.key] ?? 'lab.todo.compare';
  return t(lang, key, params);
}

/** The pod a missing-pod fact names wins over the expected side's (they are the same pod). */
const actualParams = (result: CheckResult): Params =>
  result.actual.key === 'lab.fact.noPod' || result.actual.key === 'lab.fact.notUp'
    ? result.actual.params
    : {};

/** The first check that fails, with its advice; null when every check passes. */
export function firstFailing(
  lang: Lang,
  lab: Lab,
  results: readonly { check: LabCheck; result: CheckResult }[],
): { title: string; todo: string } | null {
  const failing = results.find((r) => !r.result.passed);
  if (failing === undefined) return null;
  return { title: failing.check.title[lang], todo: todoFor(lang, lab, failing.result) };
}

/**
 * `/sandbox reset` while a lab runs: the lab's pods and namespace go with the sandbox, so the
 * member is asked whether to restart the lab (`/lab restart`) or stop it, as two buttons.
 */
export function resetDuringLab(ctx: CommandContext): { text: string; choices: Choice[] } | null {
  const run = labStore(ctx.app.db).active(ctx.key);
  if (run === undefined) return null;
  const id = run.labId;
  return {
    text: t(ctx.lang, 'lab.resetAsk', { id }),
    choices: [
      { id: 'lab-restart', label: t(ctx.lang, 'lab.restartButton', { id }), action: '/lab restart' },
      { id: 'lab-stop', label: t(ctx.lang, 'lab.stopButton', { id }), action: '/lab stop' },
    ],
  };
}
