import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.ts';
import type { StoredMessage } from './state.ts';

/**
 * What Slack sends the app, built the way Slack builds it: slash-command form fields, interactive
 * payloads and Events API callbacks, plus the v0 request signature of the HTTP mode.
 */
export const SIGNING_SECRET = 'fake-signing-secret';

export interface Member {
  id: string;
  name: string;
}

/** `v0=` + HMAC-SHA256 over `v0:TIMESTAMP:BODY` with the signing secret (hex). */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  /** null sends no signature headers at all. */
  secret?: string | null;
  timestamp?: number;
  contentType?: string;
  /** More headers, such as Slack's `x-slack-retry-num` on a redelivered event. */
  headers?: Record<string, string>;
}

/** POSTs `body` to the app as Slack would: the exact bytes that were signed, the bare media type. */
export async function postSigned(url: string, body: string, options: SignedPost = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.secret === undefined ? SIGNING_SECRET : options.secret;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (secret !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signature(secret, timestamp, body);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const interactiveForm = (payload: unknown) => form({ payload: JSON.stringify(payload) });

export function slashCommand(
  fake: FakeSlack,
  member: Member,
  channel: string,
  command: string,
  text: string,
) {
  fake.state.know(member);
  return {
    token: 'legacy-verification-token',
    team_id: fake.state.team.id,
    team_domain: fake.state.team.domain,
    channel_id: channel,
    channel_name: 'study',
    user_id: member.id,
    user_name: member.name,
    command,
    text,
    api_app_id: fake.state.bot.appId,
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(channel, member.id),
    trigger_id: fake.trigger(member.id),
  };
}

export interface Clicked {
  action_id: string;
  block_id: string;
  value?: string;
}

export function blockActions(
  fake: FakeSlack,
  member: Member,
  message: StoredMessage,
  action: Clicked,
  values: Record<string, Record<string, unknown>> = {},
) {
  fake.state.know(member);
  const user = { id: member.id, username: member.name, name: member.name, team_id: fake.state.team.id };
  return {
    type: 'block_actions',
    user,
    api_app_id: fake.state.bot.appId,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: fake.trigger(member.id),
    team: { id: fake.state.team.id, domain: fake.state.team.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: 'study' },
    message: {
      type: 'message',
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      bot_id: fake.state.bot.botId,
    },
    state: { values },
    response_url: fake.responseUrl(message.channel, member.id, message.ts),
    actions: [{ type: 'button', ...action, action_ts: `${Date.now() / 1000}` }],
  };
}

export function viewSubmission(
  fake: FakeSlack,
  member: Member,
  view: Record<string, unknown>,
  manifest: string,
) {
  fake.state.know(member);
  return {
    type: 'view_submission',
    team: { id: fake.state.team.id, domain: fake.state.team.domain },
    user: { id: member.id, username: member.name, name: member.name, team_id: fake.state.team.id },
    api_app_id: fake.state.bot.appId,
    token: 'legacy-verification-token',
    trigger_id: fake.trigger(member.id),
    view: {
      ...view,
      app_id: fake.state.bot.appId,
      bot_id: fake.state.bot.botId,
      hash: '1736935200.abcdef',
      state: { values: { manifest: { yaml: { type: 'plain_text_input', value: manifest } } } },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * An Events API callback for a message that mentions the bot, in the shape Slack's composer
 * sends: `text` with `&`, `<`, `>` escaped and each code block glued to its fences
 * ("```apiVersion: v1\n…```": no newline after the opening fence, none before the closing one),
 * and the same message as `blocks` (rich_text: a section for the words, rich_text_preformatted
 * for each block, raw text). `blocks: false` leaves the blocks out, as some clients do.
 */
export function appMention(
  fake: FakeSlack,
  member: Member,
  channel: string,
  typed: string,
  threadTs?: string,
  options: { blocks?: boolean } = {},
) {
  fake.state.know(member);
  const ts = fake.state.nextTs();
  const shape = composerShape(typed, fake.state.bot.userId);
  const escaped = shape.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = `<@${fake.state.bot.userId}> ${escaped}`;
  const blocks = [
    {
      type: 'rich_text',
      block_id: `b${ts.slice(-4)}`,
      elements: shape.elements,
    },
  ];
  return {
    token: 'legacy-verification-token',
    team_id: fake.state.team.id,
    api_app_id: fake.state.bot.appId,
    event: {
      type: 'app_mention',
      user: member.id,
      text,
      ...(options.blocks === false ? {} : { blocks }),
      ts,
      channel,
      event_ts: ts,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    },
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: fake.state.team.id, user_id: fake.state.bot.userId, is_bot: true }],
  };
}

/** An Events API envelope around `event`, as Slack delivers it. */
function envelope(fake: FakeSlack, event: Record<string, unknown>, ts: string) {
  return {
    token: 'legacy-verification-token',
    team_id: fake.state.team.id,
    api_app_id: fake.state.bot.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: fake.state.team.id, user_id: fake.state.bot.userId, is_bot: true }],
  };
}

/** The member opened the app's Home tab (`app_home_opened`, tab `home`). */
export function homeOpened(fake: FakeSlack, member: Member) {
  fake.state.know(member);
  const ts = fake.state.nextTs();
  return envelope(
    fake,
    {
      type: 'app_home_opened',
      user: member.id,
      channel: `D${member.id.slice(1)}`,
      tab: 'home',
      event_ts: ts,
    },
    ts,
  );
}

/** What a member typed in the app's Messages tab (`message.im`), in the composer's shape. */
export function directMessage(fake: FakeSlack, member: Member, typed: string) {
  fake.state.know(member);
  const ts = fake.state.nextTs();
  const shape = composerShape(typed, null);
  const text = shape.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return envelope(
    fake,
    {
      type: 'message',
      channel_type: 'im',
      channel: `D${member.id.slice(1)}`,
      user: member.id,
      text,
      blocks: [{ type: 'rich_text', block_id: `d${ts.slice(-4)}`, elements: shape.elements }],
      ts,
      event_ts: ts,
    },
    ts,
  );
}

/**
 * A message shortcut (More actions → a shortcut of the app) on a message `author` typed in the
 * channel, as Slack sends it: the message with its text (escaped) and rich-text blocks.
 */
export function messageShortcut(
  fake: FakeSlack,
  member: Member,
  author: Member,
  channel: string,
  callbackId: string,
  typed: string,
) {
  fake.state.know(member);
  const ts = fake.state.nextTs();
  const shape = composerShape(typed, null);
  const text = shape.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: fake.state.team.id, domain: fake.state.team.domain },
    user: { id: member.id, username: member.name, name: member.name, team_id: fake.state.team.id },
    channel: { id: channel, name: 'study' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: fake.trigger(member.id),
    response_url: fake.responseUrl(channel, member.id),
    message_ts: ts,
    message: {
      type: 'message',
      user: author.id,
      ts,
      text,
      blocks: [{ type: 'rich_text', block_id: `m${ts.slice(-4)}`, elements: shape.elements }],
    },
  };
}

/**
 * What the composer makes of typed text: fenced parts become code blocks (the composer keeps no
 * newline right after the opening fence or before the closing one), the rest rich-text sections.
 */
function composerShape(
  typed: string,
  bot: string | null,
): { text: string; elements: Record<string, unknown>[] } {
  const parts = typed.split('```');
  let text = '';
  const mention =
    bot === null
      ? []
      : [
          { type: 'user', user_id: bot },
          { type: 'text', text: ' ' },
        ];
  const elements: Record<string, unknown>[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0 || i === parts.length - 1) {
      const words = i % 2 === 0 ? part : `\`\`\`${part}`;
      text += words;
      const inline = words === '' ? [] : [{ type: 'text', text: words }];
      if (i === 0) elements.push({ type: 'rich_text_section', elements: [...mention, ...inline] });
      else if (words !== '') elements.push({ type: 'rich_text_section', elements: inline });
      return;
    }
    const code = part.replace(/^\n/, '').replace(/\n$/, '');
    text += `\`\`\`${code}\`\`\``;
    elements.push({ type: 'rich_text_preformatted', elements: [{ type: 'text', text: code }], border: 0 });
  });
  return { text, elements };
}
