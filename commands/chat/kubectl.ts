import { chatKubeconfig } from '../../src/api/kubeconfig-reply.ts';
import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';
import { sandboxFullReply } from '../../src/chat/sandbox-full.ts';
import { shellCut } from '../../src/chat/shell-cut.ts';
import type { SavedFile } from '../../src/cluster/model.ts';
import { currentContextOf, ownContext, type Target, targetOf } from '../../src/group/contexts.ts';
import { shareable } from '../../src/group/share.ts';
import { t } from '../../src/i18n/catalogue.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { configCommand } from '../../src/kubectl/config-command.ts';
import { READ_ONLY_VERBS, takeContext } from '../../src/kubectl/context-flag.ts';
import { kubectlError, renderError, type SandboxNote } from '../../src/kubectl/errors.ts';
import { runKubectl, unsimulatedTypesIn, verbOf } from '../../src/kubectl/run-kubectl.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import type { Outcome } from '../../src/kubectl/verb.ts';
import { logLabCommand } from '../../src/lab/record.ts';
import { err, ok, type Result } from '../../src/result.ts';
import type { SandboxKey } from '../../src/store/sandboxes.ts';
import { KUBECTL_VERBS } from '../kubectl/index.ts';

/**
 * `kubectl ...`: one command against the member's own sandbox, in one transaction; with
 * `--context=NAME`, a read-only look at a teammate's shared sandbox (src/group/contexts.ts).
 */
export const kubectl: ChatCommand = {
  name: 'kubectl',
  run: shareable((ctx: CommandContext, args: string): Result<Reply, Reply> => {
    const shell = shellCut(args);
    const tokens = tokenize(shell?.kubectl ?? args);
    if (!tokens.ok) return err(errorReply(renderError(kubectlError('tokenize', { message: tokens.error }))));
    const words = tokens.value;
    const chosen = takeContext(words);
    const config =
      chosen.tokens[0] === 'config' ? configReply(ctx, chosen.tokens.slice(1), chosen.context) : null;
    if (config !== null) return config;
    const target = targetOf(ctx.app, ctx.request, chosen.context ?? currentContextOf(ctx.app, ctx.request));
    if (target === null) return err(noContext(ctx, chosen.context ?? ''));
    if (target.kind === 'teammate' && !READ_ONLY_VERBS.has(verbOf(chosen.tokens) ?? 'help'))
      return err(
        withCurrentNote(ctx, chosen.context, readOnly(ctx, target.name, verbOf(chosen.tokens) ?? '')),
      );
    const { sandboxes } = ctx.app;
    const sandbox = sandboxes.open(target.key, ctx.app.clock());
    const cluster = sandboxes.load(sandbox, ctx.app.clock());
    const ids = sandboxes.ids(sandbox);
    const contextName = target.kind === 'own' ? ownContext(ctx.request) : target.name;
    const namespace = ctx.app.members.contextNamespacesOf(ownKey(ctx)).get(contextName);
    // `-f NAME` and `-o jsonpath-file=NAME` read the member's own files, in a teammate's context
    // too. Their own cluster as loaded otherwise: a copy on every command cost B1 about 2 µs each
    // (the build's spread helpers walk property descriptors, see src/store/sandboxes.ts).
    const result = runKubectl(
      KUBECTL_VERBS,
      {
        cluster: target.kind === 'own' ? cluster : Object.assign({}, cluster, { files: [...ownFiles(ctx)] }),
        ids,
        stdin: ctx.stdin,
        attachments: ctx.request.attachments,
        namespace,
      },
      chosen.tokens,
    );
    if (target.kind === 'teammate') return lookReply(ctx, target, args, verbOf(chosen.tokens) ?? '', result);
    const typed = unsimulatedTypesIn(KUBECTL_VERBS, words);
    const notes: SandboxNote[] = [
      ...(shell === null || shell.cut === null
        ? []
        : [{ key: 'shellCut' as const, cut: shell.cut, redirect: shell.redirect }]),
      ...(typed.length > 0 ? [{ key: 'unsimulatedType' as const, types: typed }] : []),
      ...(result.ok ? (result.value.notes ?? []) : []),
      ...(!result.ok && result.error.code === 'rawText' ? (result.error.params.notes ?? []) : []),
      ...(!result.ok && result.error.code === 'unsimulatedKind'
        ? [{ key: 'unsimulatedCreate' as const, ...result.error.params }]
        : []),
    ];
    const hinted = (reply: Reply) => withNotes(reply, notes, ctx.lang);
    // A verb outside the pods chapter is the sandbox's limit, not kubectl's: say so in words.
    if (!result.ok && result.error.code === 'notSimulated')
      return err(
        textReply(t(ctx.lang, 'kubectl.notSimulated', { verb: result.error.params.verb }), false, 'private'),
      );
    if (!result.ok) return err(hinted(errorReply(renderError(result.error))));
    if (result.value.interactive?.verb === 'run')
      return err(
        textReply(
          t(ctx.lang, 'kubectl.interactiveRun', { pod: result.value.interactive.pod }),
          false,
          'private',
        ),
      );
    // A failure that changed nothing rolls back too (even the sandbox's creation on first use);
    // a partial failure (`delete po a nope`) keeps what succeeded, as kubectl does.
    if (result.value.exitCode !== 0 && result.value.changes.length === 0)
      return err(hinted(outcomeReply(result.value)));
    const committed = sandboxes.commit(sandbox, result.value.changes, ids.serial);
    if (!committed.ok) return err(sandboxFullReply(ctx.lang, committed.error));
    if (result.value.exitCode === 0)
      logLabCommand(ctx.app.db, ctx.key, KUBECTL_VERBS, chosen.tokens, ctx.app.clock());
    return ok(
      withCapNotes(
        withInteractiveNote(hinted(outcomeReply(result.value)), result.value, ctx.lang),
        result.value,
        ctx.lang,
      ),
    );
  }),
};

/** Where the sandbox is not a cluster, said after kubectl's output in the member's language. */
function withNotes(reply: Reply, notes: readonly SandboxNote[], lang: Lang): Reply {
  if (notes.length === 0) return reply;
  const texts = notes.map(noteText(lang));
  // A watch with nothing to show prints nothing: the note alone, not an empty block before it.
  return {
    ...reply,
    blocks: [
      ...printedBlocks(reply),
      ...[...new Set(texts)].map((text) => ({ kind: 'text' as const, text })),
    ],
  };
}

const noteText =
  (lang: Lang) =>
  (note: SandboxNote): string => {
    switch (note.key) {
      case 'unsimulatedType':
        return t(lang, 'kubectl.unsimulatedType', {
          types: note.types.map((type) => `\`${type}\``).join(', '),
        });
      case 'unsimulatedCreate':
        return t(lang, 'kubectl.unsimulatedCreate', { kind: note.kind, apiVersion: note.apiVersion });
      case 'watchSnapshot':
        return t(lang, 'kubectl.watchSnapshot', {});
      case 'watchOnlySnapshot':
        return t(lang, 'kubectl.watchOnlySnapshot', {});
      case 'noManagedFields':
        return t(lang, 'kubectl.noManagedFields', {});
      case 'shellCut':
        return t(lang, note.redirect ? 'kubectl.shellRedirect' : 'kubectl.shellPipe', { cut: note.cut });
    }
  };

/**
 * A look at a teammate's shared sandbox: never committed. A read verb that would still change
 * something (none should) is refused like a write; a look is recorded for the owner.
 */
function lookReply(
  ctx: CommandContext,
  target: Extract<Target, { kind: 'teammate' }>,
  line: string,
  verb: string,
  result: ReturnType<typeof runKubectl>,
): Result<Reply, Reply> {
  if (!result.ok) return err(errorReply(renderError(result.error)));
  if (result.value.changes.length > 0) return err(readOnly(ctx, target.name, verb));
  const reply = outcomeReply(result.value);
  if (result.value.exitCode !== 0) return err(reply);
  ctx.app.group.sandboxShares.recordLook(target.key, {
    looker: ctx.request.user,
    lookerName: ctx.request.userName ?? ctx.request.user,
    command: [...`kubectl ${line.trim()}`].slice(0, 200).join(''),
    at: ctx.app.clock(),
  });
  return ok(reply);
}

/**
 * `kubectl config view|get-contexts|get-clusters|get-users|current-context|use-context|set-context`
 * over the member's kubeconfig (src/kubectl/config-command.ts); other `config` subcommands are not
 * simulated. A namespace set on a context, and the context chosen, are the member's own (their
 * kubeconfig), even when the context is a teammate's.
 */
function configReply(
  ctx: CommandContext,
  words: readonly string[],
  context: string | null,
): Result<Reply, Reply> | null {
  const printed = configCommand(words, chatKubeconfig(ctx.app, ctx.request), context, ownFiles(ctx));
  if (printed === null) return null;
  if (printed.unknownContext !== undefined) return err(noContext(ctx, printed.unknownContext));
  if (printed.unsimulated !== undefined)
    return err(
      textReply(t(ctx.lang, 'context.unsimulated', { verb: printed.unsimulated }), false, 'private'),
    );
  if (printed.note === 'fixedContext')
    return err(textReply(t(ctx.lang, 'context.fixed', {}), false, 'private'));
  if (printed.set !== undefined)
    ctx.app.members.setContextNamespace(ownKey(ctx), printed.set.context, printed.set.namespace);
  if (printed.use !== undefined)
    ctx.app.members.setCurrentContext(
      ownKey(ctx),
      printed.use === ownContext(ctx.request) ? null : printed.use,
    );
  const text = [printed.output, printed.error].filter((x) => x !== null && x !== '').join('\n');
  const note =
    printed.note === 'rawToken' ? [{ kind: 'text' as const, text: t(ctx.lang, 'context.rawToken', {}) }] : [];
  const reply: Reply = {
    ok: printed.error === null,
    blocks: [{ kind: 'code', text }, ...note],
    choices: [],
    visibility: 'private',
  };
  return printed.error === null ? ok(reply) : err(reply);
}

/** An unknown or unshared `--context` (kubectl's error, then why in words); `/sandbox map` says it too. */
export function noContext(ctx: CommandContext, name: string): Reply {
  const shown = [...name.replaceAll('`', '')].slice(0, 64).join('');
  return {
    ok: false,
    blocks: [
      { kind: 'code', text: `Error in configuration: context was not found for specified context: ${name}` },
      { kind: 'text', text: t(ctx.lang, 'context.notShared', { name: shown }) },
    ],
    choices: [],
    visibility: 'private',
  };
}

/** The refusal of a write in a teammate's sandbox, naming every verb that may look (READ_ONLY_VERBS). */
const readOnly = (ctx: CommandContext, name: string, verb: string): Reply =>
  textReply(
    t(ctx.lang, 'context.readOnly', {
      name,
      verb: [...verb.replaceAll('`', '')].slice(0, 40).join(''),
      verbs: [...READ_ONLY_VERBS].join(', '),
    }),
    false,
    'private',
  );

/**
 * A refusal in a teammate's context that `kubectl config use-context` chose, not `--context`:
 * the member may have forgotten they switched, so the way back is said too.
 */
function withCurrentNote(ctx: CommandContext, flag: string | null, reply: Reply): Reply {
  if (flag !== null) return reply;
  const name = currentContextOf(ctx.app, ctx.request);
  const text = t(ctx.lang, 'context.current', { name, own: ownContext(ctx.request) });
  return { ...reply, blocks: [...reply.blocks, { kind: 'text', text }] };
}

/** What the sandbox left out or changed (a cap it applied), after the output. */
function withCapNotes(reply: Reply, outcome: Outcome, lang: Lang): Reply {
  const notes = (outcome.capNotes ?? []).map((n) => ({
    kind: 'text' as const,
    text: t(lang, n.key, n.params),
  }));
  return notes.length === 0 ? reply : { ...reply, blocks: [...reply.blocks, ...notes] };
}

/** `exec -it POD -- sh`: what ran is shown, then why no prompt follows. */
function withInteractiveNote(reply: Reply, outcome: Outcome, lang: Lang): Reply {
  if (outcome.interactive?.verb !== 'exec') return reply;
  const text = t(lang, 'kubectl.interactiveExec', { pod: outcome.interactive.pod });
  return { ...reply, blocks: [...printedBlocks(reply), { kind: 'text', text }] };
}

/** The reply's blocks without an empty output block (said before a note, it would show as nothing). */
const printedBlocks = (reply: Reply): Reply['blocks'] =>
  reply.blocks.filter((b) => !(b.kind === 'code' && b.text === ''));

function outcomeReply(outcome: Outcome): Reply {
  const text = outcome.output.map((l) => l.text).join('\n');
  return {
    ok: outcome.exitCode === 0,
    blocks: [{ kind: 'code', text }],
    choices: [],
    visibility: outcome.exitCode === 0 ? 'public' : 'private',
  };
}

const errorReply = (text: string): Reply => ({
  ok: false,
  blocks: [{ kind: 'code', text }],
  choices: [],
  visibility: 'private',
});

/**
 * The member's saved files (`/file save`), which kubectl reads as files on the member's own disk;
 * none before their sandbox exists (reading them makes none).
 */
function ownFiles(ctx: CommandContext): readonly SavedFile[] {
  const { sandboxes } = ctx.app;
  if (!sandboxes.exists(ownKey(ctx))) return [];
  return sandboxes.load(sandboxes.open(ownKey(ctx), ctx.app.clock()), ctx.app.clock()).files;
}

/** The member's own key: whose kubeconfig (and so whose context namespaces) a command reads. */
const ownKey = (ctx: CommandContext): SandboxKey => ({
  platform: ctx.request.platform,
  scope: ctx.request.scope,
  user: ctx.request.user,
});
