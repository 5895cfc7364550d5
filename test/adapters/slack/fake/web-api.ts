import { checkHome, checkMessage, checkView, type Rejection } from './blocks.ts';
import type { FakeState } from './state.ts';

/**
 * The Web API methods the adapter uses, answered the way Slack answers: always HTTP 200 with
 * `{ok:true,...}` or `{ok:false,error}`. Object arguments (blocks, view, files) arrive as JSON
 * strings inside the form, as @slack/web-api sends them.
 */
export type Args = Record<string, string>;
type Answer = Record<string, unknown>;

export function callMethod(
  state: FakeState,
  method: string,
  args: Args,
  token: string | null,
  base: string,
): Answer {
  state.calls.push(method);
  const fail = (rejection: Rejection): Answer => {
    state.refuse(method, rejection);
    return { ok: false, error: rejection.error, detail: rejection.detail };
  };
  const failWith = (error: string, detail = '') => fail({ error, detail });
  if (token === null) return failWith('not_authed');
  const revoked = state.revoked.get(token);
  if (revoked !== undefined) return failWith(revoked);
  if (method === 'apps.connections.open') {
    if (token !== state.appToken) return failWith('invalid_auth', 'needs the app-level token');
    const ticket = state.next('ticket-');
    state.tickets.add(ticket);
    return { ok: true, url: `${base.replace(/^http/, 'ws')}link/?ticket=${ticket}` };
  }
  if (token !== state.botToken) return failWith('invalid_auth', 'needs the bot token');
  const scope = state.missingScopes.get(method);
  if (scope !== undefined) {
    state.refuse(method, { error: 'missing_scope', detail: scope });
    return { ok: false, error: 'missing_scope', needed: scope, provided: 'commands,chat:write' };
  }
  const target = args.channel ?? args.channel_id;
  const closed = target === undefined ? undefined : state.closedChannels.get(target);
  if (closed !== undefined && WRITES_TO_CHANNEL.has(method)) return failWith(closed, target);
  const json = (name: string): { ok: true; value: unknown } | { ok: false } => {
    const raw = args[name];
    if (raw === undefined) return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(raw) };
    } catch {
      return { ok: false };
    }
  };
  const blocksArg = json('blocks');
  if (!blocksArg.ok) return failWith('invalid_blocks_format', 'blocks is not JSON');
  const blocks = blocksArg.value;
  const thread = args.thread_ts === undefined ? {} : { threadTs: args.thread_ts };
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: base.replace(/api\/$/, ''),
        team: 'Podium study',
        user: 'podium',
        team_id: state.team.id,
        user_id: state.bot.userId,
        bot_id: state.bot.botId,
        is_enterprise_install: false,
      };
    case 'chat.postMessage': {
      if (!args.channel) return failWith('channel_not_found');
      const bad = checkMessage(args.text, blocks);
      if (bad !== null) return fail(bad);
      const ts = state.nextTs();
      const message = { channel: args.channel, ts, text: args.text ?? '', blocks: asArray(blocks) };
      state.messages.set(ts, message);
      state.post({ via: 'chat.postMessage', ephemeral: false, ...message, ...thread });
      return {
        ok: true,
        channel: args.channel,
        ts,
        message: { type: 'message', ...message, bot_id: state.bot.botId },
      };
    }
    case 'chat.postEphemeral': {
      if (!args.channel) return failWith('channel_not_found');
      if (!args.user) return failWith('user_not_in_channel');
      const bad = checkMessage(args.text, blocks);
      if (bad !== null) return fail(bad);
      const text = args.text ?? '';
      state.post({
        via: 'chat.postEphemeral',
        ephemeral: true,
        channel: args.channel,
        user: args.user,
        text,
        blocks: asArray(blocks),
        ...thread,
      });
      return { ok: true, message_ts: state.nextTs() };
    }
    case 'chat.update': {
      const old = args.ts === undefined ? undefined : state.messages.get(args.ts);
      if (old === undefined || old.channel !== args.channel) return failWith('message_not_found');
      const bad = checkMessage(args.text, blocks);
      if (bad !== null) return fail(bad);
      const message = { ...old, text: args.text ?? old.text, blocks: asArray(blocks) };
      state.messages.set(old.ts, message);
      state.post({ via: 'chat.update', ephemeral: false, ...message });
      return { ok: true, channel: old.channel, ts: old.ts, text: message.text };
    }
    case 'views.open':
      return viewsOpen(state, args, fail, failWith, json('view'));
    case 'views.update':
      return viewsUpdate(state, args, fail, failWith, json('view'));
    case 'views.publish': {
      // A home tab: `user_id` and a view of type home with at most 100 blocks.
      const view = json('view');
      if (!args.user_id || !/^U\w+$/.test(args.user_id)) return failWith('user_not_found');
      if (!view.ok) return failWith('invalid_arguments', 'view is not JSON');
      const bad = checkHome(view.value);
      if (bad !== null) return fail(bad);
      state.homes.set(args.user_id, view.value as Record<string, unknown>);
      state.emit('home', view.value);
      return { ok: true, view: { ...(view.value as Record<string, unknown>), id: state.next('V') } };
    }
    case 'files.getUploadURLExternal': {
      const length = Number(args.length);
      if (!args.filename || !Number.isInteger(length) || length <= 0) return failWith('invalid_arguments');
      const id = state.next('F');
      state.uploads.set(id, { filename: args.filename, length, content: null });
      return { ok: true, upload_url: `${base.replace(/api\/$/, '')}upload/${id}`, file_id: id };
    }
    case 'files.completeUploadExternal':
      return completeUpload(state, args, fail, failWith, json('files'));
    case 'users.info': {
      const user = args.user === undefined ? undefined : state.users.get(args.user);
      if (user === undefined) return failWith('user_not_found', String(args.user));
      return {
        ok: true,
        user: {
          id: args.user,
          team_id: state.team.id,
          name: user.name,
          deleted: false,
          is_admin: user.is_admin === true,
          is_owner: user.is_owner === true,
          is_primary_owner: false,
          is_bot: false,
          profile: { display_name: user.name, real_name: user.name },
        },
      };
    }
    case 'usergroups.list':
      return {
        ok: true,
        usergroups: state.usergroups.map((g) => ({
          ...g,
          team_id: state.team.id,
          is_usergroup: true,
          ...(args.include_users === 'true' ? {} : { users: undefined }),
          user_count: g.users.length,
        })),
      };
    case 'conversations.open':
      return openDirect(state, args, failWith);
    default:
      return failWith('unknown_method', method);
  }
}

function viewsOpen(
  state: FakeState,
  args: Args,
  fail: (r: Rejection) => Answer,
  failWith: (e: string, d?: string) => Answer,
  view: { ok: true; value: unknown } | { ok: false },
): Answer {
  const trigger = args.trigger_id === undefined ? undefined : state.triggers.get(args.trigger_id);
  if (trigger === undefined) return failWith('invalid_trigger_id');
  if (trigger.used) return failWith('exchanged_trigger_id');
  if (state.clock() - trigger.issuedAt > state.triggerTtlMs) return failWith('expired_trigger_id');
  trigger.used = true;
  const refused = viewRefused(view, fail, failWith);
  if (refused !== null) return refused;
  const id = state.next('V');
  const opened = asStored(state, id, view);
  state.views.push({ id, user: trigger.user, view: opened });
  state.emit('view', opened);
  return { ok: true, view: { ...opened, state: { values: {} } } };
}

/** What Slack answers to a modal it refuses (not JSON, or past its limits); null for a good one. */
function viewRefused(
  view: { ok: true; value: unknown } | { ok: false },
  fail: (r: Rejection) => Answer,
  failWith: (e: string, d?: string) => Answer,
): Answer | null {
  if (!view.ok) return failWith('invalid_arguments', 'view is not JSON');
  const bad = checkView(view.value);
  return bad === null ? null : fail(bad);
}

/** A view as Slack keeps it: its id, a fresh hash (every change gets one) and the team. */
function asStored(state: FakeState, id: string, view: { ok: true; value: unknown } | { ok: false }) {
  const value = view.ok ? (view.value as Record<string, unknown>) : {};
  return { ...value, id, hash: state.next('hash-'), team_id: state.team.id };
}

/**
 * `views.update`: the view named by `view_id` (or `external_id`) replaced, checked as `views.open`
 * checks one; `not_found` for a view Slack does not know, `hash_conflict` when `hash` is given and
 * the view has changed since (each update gives it a new hash).
 */
function viewsUpdate(
  state: FakeState,
  args: Args,
  fail: (r: Rejection) => Answer,
  failWith: (e: string, d?: string) => Answer,
  view: { ok: true; value: unknown } | { ok: false },
): Answer {
  if (args.view_id === undefined && args.external_id === undefined)
    return failWith('invalid_arguments', 'view_id or external_id is required');
  const known = state.views.find((v) =>
    args.view_id !== undefined ? v.id === args.view_id : v.view.external_id === args.external_id,
  );
  if (known === undefined) return failWith('not_found');
  if (args.hash !== undefined && args.hash !== known.view.hash) return failWith('hash_conflict');
  const refused = viewRefused(view, fail, failWith);
  if (refused !== null) return refused;
  const updated = asStored(state, known.id, view);
  known.view = updated;
  state.emit('view', updated);
  return { ok: true, view: { ...updated, state: { values: {} } } };
}

function completeUpload(
  state: FakeState,
  args: Args,
  fail: (r: Rejection) => Answer,
  failWith: (e: string, d?: string) => Answer,
  files: { ok: true; value: unknown } | { ok: false },
): Answer {
  if (!files.ok || !Array.isArray(files.value) || files.value.length === 0)
    return failWith('invalid_arguments');
  const channel = args.channel_id;
  if (!channel) return failWith('channel_not_found');
  const comment = checkMessage(args.initial_comment ?? ' ', undefined);
  if (comment !== null) return fail(comment);
  const done: Record<string, unknown>[] = [];
  for (const entry of files.value as { id?: unknown; title?: unknown }[]) {
    const upload = typeof entry.id === 'string' ? state.uploads.get(entry.id) : undefined;
    if (upload === undefined || upload.content === null) return failWith('file_not_found', String(entry.id));
    if (upload.content.length !== upload.length)
      return failWith('invalid_arguments', 'length differs from upload');
    const file = { name: upload.filename, content: upload.content.toString('utf8'), bytes: upload.content };
    state.post({
      via: 'files',
      ephemeral: false,
      channel,
      text: args.initial_comment ?? '',
      blocks: [],
      file,
      ...(args.thread_ts === undefined ? {} : { threadTs: args.thread_ts }),
    });
    done.push({ id: entry.id, title: entry.title ?? upload.filename, name: upload.filename });
  }
  return { ok: true, files: done };
}

/** A DM with one member (`users` names exactly one); its id is stable per member, as Slack's is. */
function openDirect(state: FakeState, args: Args, failWith: (e: string, d?: string) => Answer): Answer {
  const users = (args.users ?? '').split(',').filter((u) => u !== '');
  if (users.length !== 1 || !/^U\w+$/.test(users[0] ?? '')) return failWith('user_not_found');
  const id = `D${users[0]?.slice(1)}`;
  state.directs.set(id, users[0] ?? '');
  return { ok: true, channel: { id } };
}

/** Methods that write into a channel, refused where the bot may not write. */
const WRITES_TO_CHANNEL = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'files.completeUploadExternal',
]);

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
