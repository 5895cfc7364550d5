import type { ChatCommand, CommandContext } from '../../src/chat/context.ts';
import { inCode } from '../../src/chat/inline-code.ts';
import type { Reply } from '../../src/chat/reply.ts';
import { sandboxFullReply } from '../../src/chat/sandbox-full.ts';
import type { Change } from '../../src/cluster/changes.ts';
import { LIMITS } from '../../src/cluster/limits.ts';
import type { SavedFile } from '../../src/cluster/model.ts';
import { type MessageKey, type Params, t } from '../../src/i18n/catalogue.ts';
import { manifestParseError } from '../../src/kubectl/manifest.ts';
import { err, ok, type Result } from '../../src/result.ts';

/**
 * `/file save NAME` (with a code block or one attached file), `/file list`, `/file show NAME`,
 * `/file delete NAME`: the member's saved manifests, kept with their sandbox, which `kubectl
 * create|apply|delete -f NAME` then read like files on disk. A file named as a manifest
 * (`.yaml`, `.yml`, `.json`) is saved only if kubectl could read it, so a typo shows up now, with
 * kubectl's own message, not at create time; any other name keeps text as it is, such as a
 * template for `kubectl get -o jsonpath-file=NAME` or `-o go-template-file=NAME`.
 */
const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const MANIFEST_NAME = /\.(?:ya?ml|json)$/i;

export const file: ChatCommand = {
  name: 'file',
  run(ctx, args) {
    const [verb, name, ...rest] = args
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (verb === 'list' && name === undefined) return ok(list(ctx));
    if (name === undefined || rest.length > 0) return err(say(ctx, 'file.usage', {}, false));
    if (verb === 'save') return save(ctx, name);
    if (verb === 'show') return show(ctx, name);
    if (verb === 'delete') return remove(ctx, name);
    return err(say(ctx, 'file.usage', {}, false));
  },
};

function save(ctx: CommandContext, name: string): Result<Reply, Reply> {
  if (!NAME.test(name) || name === '-' || name === '.' || name === '..')
    return err(say(ctx, 'file.badName', { name }, false));
  const attached = ctx.request.attachments.length === 1 ? ctx.request.attachments[0]?.content : undefined;
  const content = ctx.stdin ?? attached;
  if (content === undefined || content.trim() === '') return err(say(ctx, 'file.noBlock', { name }, false));
  // An attachment is decoded as UTF-8 with U+FFFD for bytes that are not; NUL is never text.
  if (/[\u0000\uFFFD]/.test(content)) return err(say(ctx, 'cost.binaryFile', { name }, false));
  const size = Buffer.byteLength(content);
  if (size > LIMITS.manifestBytes)
    return err(say(ctx, 'file.tooLarge', { name, size, limit: LIMITS.manifestBytes }, false));
  const manifest = MANIFEST_NAME.test(name);
  const parseError = manifest ? manifestParseError({ source: name, content }) : null;
  if (parseError !== null) {
    const reply = say(ctx, 'file.parseError', { name }, false);
    return err({ ...reply, blocks: [...reply.blocks, { kind: 'code', text: parseError }] });
  }
  const files = filesOf(ctx);
  const replacing = files.some((f) => f.name === name);
  if (!replacing && files.length >= LIMITS.savedFiles)
    return err(say(ctx, 'file.tooMany', { limit: LIMITS.savedFiles }, false));
  const written = write(ctx, [{ op: 'putFile', file: { name, content } }]);
  if (!written.ok) return written;
  return ok(
    say(ctx, replacing ? 'file.replaced' : manifest ? 'file.saved' : 'file.savedText', { name, size }),
  );
}

function list(ctx: CommandContext): Reply {
  const files = filesOf(ctx);
  if (files.length === 0) return say(ctx, 'file.none');
  const lines = files.map((f) =>
    t(ctx.lang, 'file.listItem', { name: f.name, size: Buffer.byteLength(f.content) }),
  );
  const title = t(ctx.lang, 'file.listTitle', { count: files.length, limit: LIMITS.savedFiles });
  return { ...say(ctx, 'file.none'), blocks: [{ kind: 'text', text: [title, ...lines].join('\n') }] };
}

function show(ctx: CommandContext, name: string): Result<Reply, Reply> {
  const found = filesOf(ctx).find((f) => f.name === name);
  if (found === undefined) return err(say(ctx, 'file.notFound', { name }, false));
  const reply = say(ctx, 'file.showTitle', { name });
  return ok({
    ...reply,
    blocks: [...reply.blocks, { kind: 'code', text: found.content.replace(/\n$/, '') }],
  });
}

function remove(ctx: CommandContext, name: string): Result<Reply, Reply> {
  if (!filesOf(ctx).some((f) => f.name === name)) return err(say(ctx, 'file.notFound', { name }, false));
  const written = write(ctx, [{ op: 'deleteFile', name }]);
  if (!written.ok) return written;
  return ok(say(ctx, 'file.deleted', { name }));
}

function filesOf(ctx: CommandContext): SavedFile[] {
  const { sandboxes } = ctx.app;
  const sandbox = sandboxes.open(ctx.key, ctx.app.clock());
  return [...sandboxes.load(sandbox, ctx.app.clock()).files].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

function write(ctx: CommandContext, changes: Change[]): Result<void, Reply> {
  const { sandboxes } = ctx.app;
  const sandbox = sandboxes.open(ctx.key, ctx.app.clock());
  const committed = sandboxes.commit(sandbox, changes, sandbox.serial);
  return committed.ok ? ok(undefined) : err(sandboxFullReply(ctx.lang, committed.error));
}

/** Saved files are the member's own: every answer is private. */
function say(ctx: CommandContext, key: MessageKey, params: Params = {}, success = true): Reply {
  // The name is echoed in inline code, as the member typed it (even a bad one).
  const shown = typeof params.name === 'string' ? { ...params, name: inCode(params.name) } : params;
  return {
    ok: success,
    blocks: [{ kind: 'text', text: t(ctx.lang, key, shown) }],
    choices: [],
    visibility: 'private',
  };
}
