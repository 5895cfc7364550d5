import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import type { Block, Reply } from '../../src/chat/reply.ts';
import { sandboxFullReply } from '../../src/chat/sandbox-full.ts';
import type { Terminal } from '../../src/cluster/curl.ts';
import { runCurl } from '../../src/cluster/curl.ts';
import type { ProgramResult } from '../../src/cluster/screen.ts';
import { toLines } from '../../src/cluster/screen.ts';
import { runWget } from '../../src/cluster/wget.ts';
import { shareable } from '../../src/group/share.ts';
import { t } from '../../src/i18n/catalogue.ts';
import { tokenize } from '../../src/kubectl/tokenize.ts';
import { err, ok, type Result } from '../../src/result.ts';

/**
 * `curl ...` and `wget ...` typed in chat run on the member's own computer, next to their
 * kubectl: `localhost` ports are the port-forwards they opened; pod IPs are not reachable from
 * outside the cluster (the point the notes make about port-forward). Served requests land in the
 * pod's log, so the command runs in the dispatcher's transaction and commits like kubectl.
 */
function onMachine(program: (term: Terminal, args: string[]) => ProgramResult): ChatCommand['run'] {
  return (ctx: CommandContext, args: string): Result<Reply, Reply> => {
    const tokens = tokenize(args);
    if (!tokens.ok) return err(codeBlock(`-bash: ${tokens.error}`, false));
    const { sandboxes } = ctx.app;
    const sandbox = sandboxes.open(ctx.key, ctx.app.clock());
    const cluster = sandboxes.load(sandbox, ctx.app.clock());
    const ran = program({ cluster, origin: { kind: 'machine' }, tty: true }, tokens.value);
    const text = toLines(ran.chunks)
      .map((l) => l.text)
      .join('\n');
    // Like kubectl: a failure that changed nothing rolls back (even the sandbox's creation).
    const notes = (ran.notes ?? []).map((n): Block => ({ kind: 'text', text: t(ctx.lang, n.key, n.params) }));
    if (ran.exitCode !== 0 && ran.changes.length === 0) return err(withNotes(codeBlock(text, false), notes));
    const committed = sandboxes.commit(sandbox, ran.changes, sandboxes.ids(sandbox).serial);
    if (!committed.ok) return err(sandboxFullReply(ctx.lang, committed.error));
    return ok(withNotes(codeBlock(text, ran.exitCode === 0), notes));
  };
}

const withNotes = (reply: Reply, notes: Block[]): Reply => ({
  ...reply,
  blocks: [...reply.blocks, ...notes],
});

const codeBlock = (text: string, success: boolean): Reply => ({
  ok: success,
  blocks: [{ kind: 'code', text }],
  choices: [],
  visibility: success ? 'public' : 'private',
});

export const curl: ChatCommand = { name: 'curl', run: shareable(onMachine(runCurl)) };

export const wget: ChatCommand = {
  name: 'wget',
  run: shareable(onMachine((term, args) => runWget(term, args, 'gnu'))),
};
