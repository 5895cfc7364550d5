import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { sandboxFullReply } from '../../src/chat/sandbox-full.ts';
import type { Pod } from '../../src/cluster/model.ts';
import { firstFailing } from '../../src/guide/lab-coach.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { renderError } from '../../src/kubectl/errors.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { evaluateChecks } from '../../src/lab/checks.ts';
import { labCatalogue } from '../../src/lab/load.ts';
import type { Lab } from '../../src/lab/model.ts';
import { renderCheckLines, renderList, renderStart } from '../../src/lab/render.ts';
import { startChanges } from '../../src/lab/seed.ts';
import { displayName } from '../../src/quiz/attempts.ts';
import { err, ok, type Result } from '../../src/result.ts';
import { type LabRun, labStore } from '../../src/store/labs.ts';

type Outcome = Result<Reply, Reply>;

/**
 * `/lab list|start ID|check|hint|stop`: guided exercises graded against the member's own sandbox.
 * A lab's checks look only at the sandbox's state, so any route to the right state passes.
 */
export const lab: ChatCommand = {
  name: 'lab',
  durable: true,
  run(ctx, args) {
    const labs = labCatalogue();
    // Start-up refuses a bad lab file, so reaching this is a bug, not a member's mistake.
    if (!labs.ok) throw new Error(labs.error);
    const [sub = 'list', id, ...extra] = args.split(/\s+/).filter((w) => w !== '');
    const fits = sub === 'start' ? id !== undefined && extra.length === 0 : id === undefined;
    if (!fits) return refuse(t(ctx.lang, 'lab.usage'));
    switch (sub) {
      case 'list':
        return list(ctx, labs.value);
      case 'start':
        return start(ctx, labs.value, id ?? '');
      case 'check':
        return withRun(ctx, labs.value, check);
      case 'hint':
        return withRun(ctx, labs.value, hint);
      case 'stop':
        return withRun(ctx, labs.value, stop);
      case 'restart':
        return withRun(ctx, labs.value, restart);
      default:
        return refuse(t(ctx.lang, 'lab.usage'));
    }
  },
};

const say = (text: string): Outcome => ok(textReply(text, true, 'private'));
/** A refusal: nothing the command did is kept. */
const refuse = (text: string): Outcome => err(textReply(text, false, 'private'));

function list(ctx: CommandContext, labs: readonly Lab[]): Outcome {
  const store = labStore(ctx.app.db);
  return say(renderList(ctx.lang, labs, store.progress(ctx.key), store.active(ctx.key)));
}

function start(ctx: CommandContext, labs: readonly Lab[], id: string): Outcome {
  const chosen = labs.find((l) => l.id === id);
  if (chosen === undefined) {
    const ids = labs.map((l) => `\`${l.id}\``).join(', ');
    return refuse(t(ctx.lang, 'lab.unknown', { id, ids }));
  }
  const store = labStore(ctx.app.db);
  const active = store.active(ctx.key);
  if (active !== undefined) return refuse(t(ctx.lang, 'lab.busy', { id: active.labId }));
  const { sandboxes } = ctx.app;
  const now = ctx.app.clock();
  const sandbox = sandboxes.open(ctx.key, now);
  const ids = sandboxes.ids(sandbox);
  const changes = startChanges(chosen, sandboxes.load(sandbox, now), ids);
  if (!changes.ok) return refuse(renderError(fromStatus(changes.error)));
  const committed = sandboxes.commit(sandbox, changes.value, ids.serial);
  if (!committed.ok) return err(sandboxFullReply(ctx.lang, committed.error));
  store.start(ctx.key, chosen.id, now);
  ctx.app.members.setName(ctx.key, displayName(ctx));
  const seeded = changes.value.flatMap((c): Pod[] => (c.op === 'putPod' ? [c.pod] : []));
  return say(renderStart(ctx.lang, chosen, seeded));
}

type RunStep = (ctx: CommandContext, lab: Lab, run: LabRun, labs: readonly Lab[]) => Outcome;

function withRun(ctx: CommandContext, labs: readonly Lab[], step: RunStep): Outcome {
  const run = labStore(ctx.app.db).active(ctx.key);
  if (run === undefined) return refuse(t(ctx.lang, 'lab.none'));
  const chosen = labs.find((l) => l.id === run.labId);
  // A lab removed from the catalogue since the member started it: stop the run rather than fail forever.
  if (chosen === undefined) return stopRun(ctx, run);
  return step(ctx, chosen, run, labs);
}

const check: RunStep = (ctx, chosen, run, labs) => {
  const store = labStore(ctx.app.db);
  const now = ctx.app.clock();
  const sandbox = ctx.app.sandboxes.open(ctx.key, now);
  const results = evaluateChecks(chosen.checks, ctx.app.sandboxes.load(sandbox, now), store.commands(run));
  const passed = results.filter((r) => r.result.passed).length;
  const all = passed === results.length;
  store.checked(run, all, now);
  const header = t(ctx.lang, 'lab.checkHeader', { id: chosen.id, passed, total: results.length });
  const footer = all
    ? t(ctx.lang, 'lab.finished', {
        id: chosen.id,
        hints: run.hintsUsed,
        done: store.finishedCount(ctx.key),
        total: labs.length,
      })
    : t(ctx.lang, 'lab.notYet');
  return say([header, ...renderCheckLines(ctx.lang, chosen, results), '', footer].join('\n'));
};

/**
 * `/lab hint`: what to do about the check that fails first right now (not the next hint in a
 * fixed order), then the lab's own next hint while there is one, which counts as a hint used.
 */
const hint: RunStep = (ctx, chosen, run) => {
  const store = labStore(ctx.app.db);
  const now = ctx.app.clock();
  const sandbox = ctx.app.sandboxes.open(ctx.key, now);
  const results = evaluateChecks(chosen.checks, ctx.app.sandboxes.load(sandbox, now), store.commands(run));
  const failing = firstFailing(ctx.lang, chosen, results);
  if (failing === null) return say(t(ctx.lang, 'lab.hintAllPass'));
  const total = chosen.hints.length;
  const next = chosen.hints[run.hintsUsed];
  const coach = t(ctx.lang, 'lab.hintFor', failing);
  // Once the lab's own hints are all shown, the advice alone is not counted again.
  if (next === undefined) return say(coach);
  store.useHint(run);
  return say(
    `${coach}\n${t(ctx.lang, 'lab.hintMore', { n: run.hintsUsed + 1, total, text: next[ctx.lang] })}`,
  );
};

function stopRun(ctx: CommandContext, run: LabRun): Outcome {
  labStore(ctx.app.db).stop(run, ctx.app.clock());
  return say(t(ctx.lang, 'lab.stopped', { id: run.labId }));
}

const stop: RunStep = (ctx, _lab, run) => stopRun(ctx, run);

/** `/lab restart` (after `/sandbox reset`, say): the running lab stopped and started afresh. */
const restart: RunStep = (ctx, chosen, run, labs) => {
  labStore(ctx.app.db).stop(run, ctx.app.clock());
  const started = start(ctx, labs, chosen.id);
  if (!started.ok) return started;
  const text = `${t(ctx.lang, 'lab.restarted', { id: chosen.id })}\n\n${started.value.blocks.map((b) => b.text).join('\n')}`;
  return say(text);
};
