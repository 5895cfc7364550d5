import { randomUUID } from 'node:crypto';
import type {
  AllMiddlewareArgs,
  BlockAction,
  App as Bolt,
  MessageShortcut,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  webApi,
} from '@slack/bolt';
import type { App, ChatCommand } from '../../chat/context.ts';
import { manifestOf } from '../../chat/manifest-of.ts';
import { type Reply, replyText, textReply } from '../../chat/reply.ts';
import type { Request } from '../../chat/request.ts';
import { type Executor, serve } from '../../executor/executor.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { isQuizAnswer } from '../../quiz/answer-batch.ts';
import { answerBatcher } from '../../quiz/answer-batcher.ts';
import { ACTION_IDS, combinedAction } from './choices.ts';
import { SLASH_PATTERN, slashText } from './commands.ts';
import { type Destination, postInDm, postWith, respondWith } from './deliver.ts';
import { escapeSlack } from './escape.ts';
import { SLACK } from './limits.ts';
import { slackMembers } from './members.ts';
import { MODAL, manifestMessage, manifestModal, modalContext, opensManifestModal } from './modal.ts';
import { renderReply } from './render.ts';
import { type Respond, responder } from './respond.ts';
import { readMention } from './rich-text.ts';
import { RESPONSE_URL_SINK } from './sinks.ts';

/**
 * Every Slack entry point, each translated to one `dispatch` call. The rule is Slack's: `ack()`
 * first (within 3 s), then the work, then the answer through `respond()` or the Web API. The one
 * exception is a modal submission, whose field errors must travel in the ack itself.
 */
export interface ListenerDeps {
  app: App;
  commands: readonly ChatCommand[];
  executor: Executor;
}

/**
 * Slack gives a modal submission 3 s for its ack; a reply not ready by then is acked plainly
 * and posted as a message once it is.
 */
export const MODAL_ACK_WITHIN_MS = 2000;

/** The callback id of the "Apply manifest" message shortcut (declared in slack-app-manifest.yaml). */
export const APPLY_SHORTCUT = 'podium_apply_manifest';

export function registerListeners(bolt: Bolt, deps: ListenerDeps): void {
  const identify = slackMembers(bolt.client, deps.app.clock, deps.app.log);
  const run = async (request: Request) => serve(deps.app, deps.executor, await identify(request));
  // Quiz answers are recorded in batches, each at the time it arrived (quiz/answer-batcher.ts);
  // an answer needs no role, groups or handle, so it costs Slack no users.info either.
  const batcher = answerBatcher(deps.app, deps.executor);
  const destination = (client: webApi.WebClient, request: Request, lang?: Lang): Destination => ({
    client,
    channel: request.channel,
    user: request.user,
    render: { lang: lang ?? langOf(deps.app, request), now: deps.app.clock() },
  });
  /**
   * Work that goes on after the ack, apart from Bolt's listener, which then returns: Bolt holds a
   * request's whole payload (a click carries the message it was in, kilobytes of blocks) until its
   * listener's promise settles, and an answer's settles only once a worker has recorded it. Held
   * that long, a burst's payloads were still alive at each young collection of the acking thread,
   * and copied: the collections that acks queue behind took longer. A failure is logged as
   * Bolt's error handler logs a listener's (below).
   */
  const afterAck = (work: Promise<void>): void => {
    work.catch((error: unknown) => listenerFailed(deps.app, error));
  };
  /**
   * A message that may be a quiz answer, answered through `respond`. A quiz answer that came with
   * a `response_url` has its confirmation posted there by the worker that records it, if the
   * executor has the sink (sinks.ts); otherwise, and for anything else, it is answered here.
   */
  const answerWith = async (
    respond: Respond,
    request: Request,
    at: number,
    client: webApi.WebClient,
    responseUrl?: string,
  ) => {
    if (!isQuizAnswer(request.text)) {
      await respondWith(respond, await run(request), destination(client, request));
      return;
    }
    const replyTo =
      responseUrl === undefined || responseUrl === ''
        ? undefined
        : { sink: RESPONSE_URL_SINK, address: responseUrl };
    const { reply, lang, sent } = await batcher.answer(request, at, replyTo);
    if (sent !== true) await respondWith(respond, reply, destination(client, request, lang));
  };

  const onCommand = async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const at = deps.app.clock();
    const text = slashText(command.command, command.text);
    if (text === null) return;
    const request = slackRequest(
      command.team_id,
      command.channel_id,
      command.user_id,
      text,
      command.user_name,
    );
    const modal = command.command === '/kubectl' ? opensManifestModal(text.replace(/^kubectl\s*/, '')) : null;
    if (modal !== null) {
      const context = { channel: command.channel_id, ...modal, responseUrl: command.response_url };
      const view = manifestModal(context, langOf(deps.app, request));
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    afterAck(answerWith(responder(command.response_url), request, at, client, command.response_url));
  };

  /**
   * A click. Acked as bare Bolt acks, with nothing else on that turn of the event loop: an answer
   * only joins its batch; anything else waits for the next turn.
   */
  const answer = (
    text: string,
    at: number,
    body: BlockAction,
    respond: RespondFn,
    client: webApi.WebClient,
  ) => {
    const scope = body.team?.id ?? body.user.team_id ?? '';
    const request = slackRequest(scope, body.channel?.id ?? '', body.user.id, text, body.user.username);
    // A click in a message has a response_url; Bolt's respond stays for any other surface.
    const url =
      typeof body.response_url === 'string' && body.response_url !== '' ? body.response_url : undefined;
    const to = url === undefined ? respond : responder(url);
    // What follows keeps the request, never the payload (afterAck).
    afterAck(answered(text, to, request, at, client, url));
  };
  const answered = async (
    text: string,
    to: Respond,
    request: Request,
    at: number,
    client: webApi.WebClient,
    url: string | undefined,
  ) => {
    if (!isQuizAnswer(text)) await new Promise((resolve) => setImmediate(resolve));
    await answerWith(to, request, at, client, url);
  };

  type Clicked = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
  /** An answer button: its value is the action to dispatch. */
  const onChoice = async ({ ack, body, action, respond, client }: Clicked) => {
    await ack();
    if (action.type === 'button' && action.value !== undefined)
      answer(action.value, deps.app.clock(), body, respond, client);
  };
  // Ticking a checkbox is only a selection; the submit button sends it.
  const onPick = async ({ ack }: Clicked) => {
    await ack();
  };
  const onSubmit = async ({ ack, body, respond, client }: Clicked) => {
    await ack();
    const at = deps.app.clock();
    const text = combinedAction(pickedValues(body), offeredValues(body));
    if (text !== '') answer(text, at, body, respond, client);
  };

  /**
   * Slash commands and clicks, routed here rather than by listeners: Bolt hands every request to
   * every listener, each through its own chain of matching middleware and promises, and these
   * two kinds are the bulk of the traffic (a live quiz is a burst of clicks, or of `/quiz answer`).
   * Anything else goes on to the listeners below.
   */
  bolt.use(async (args) => {
    const { body } = args as { body: { type?: string; command?: unknown; actions?: unknown } };
    if (typeof body.command === 'string' && SLASH_PATTERN.test(body.command))
      return onCommand(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs);
    if (body.type === 'block_actions' && Array.isArray(body.actions) && body.actions.length > 0) {
      const clicked = args as Clicked;
      const id = clicked.action.action_id;
      if (ACTION_IDS.choice.test(id)) return onChoice(clicked);
      if (id === ACTION_IDS.pick) return onPick(clicked);
      if (id === ACTION_IDS.submit) return onSubmit(clicked);
    }
    await args.next();
  });

  bolt.view(MODAL.callbackId, async ({ ack, body, view, client }) => {
    const context = modalContext(view.private_metadata);
    if (context === null) {
      await ack();
      return;
    }
    const manifest = view.state.values[MODAL.block]?.[MODAL.input]?.value ?? '';
    const scope = body.team?.id ?? view.team_id;
    const text = manifestMessage(context.command, manifest);
    const request = slackRequest(scope, context.channel, body.user.id, text, body.user.name);
    // Most replies fit before the ack, so a failed apply shows as the field's error.
    const pending = run(request);
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<'slow'>((resolve) => {
      timer = setTimeout(() => resolve('slow'), MODAL_ACK_WITHIN_MS);
    });
    const first = await Promise.race([pending, slow]);
    clearTimeout(timer);
    // Posted with the Web API; where the bot may not post there, through the command's response_url,
    // and where that has expired too, by direct message.
    const deliver = async (reply: Reply) => {
      const to = destination(client, request);
      try {
        await postWith(reply, to);
      } catch (error) {
        if (context.responseUrl === undefined) throw error;
        deps.app.log.warn(
          { err: error, platform: 'slack' },
          'could not post the answer to a modal; answering through its response_url',
        );
        try {
          await respondWith(responder(context.responseUrl), reply, to);
        } catch (spent) {
          // A modal kept open over 30 minutes outlives its command's response_url.
          deps.app.log.warn(
            { err: spent, platform: 'slack' },
            'the modal’s response_url failed too; answering by DM',
          );
          await postInDm(reply, to, error);
        }
      }
    };
    if (first === 'slow') {
      await ack();
      await deliver(await pending);
      return;
    }
    const reply = first;
    if (!reply.ok) {
      const message = [...replyText(reply)].slice(0, SLACK.fieldError).join('');
      await ack({ response_action: 'errors', errors: { [MODAL.block]: message } });
      return;
    }
    await ack();
    await deliver(reply);
  });

  bolt.event('app_mention', async ({ event, body, client, context }) => {
    // Bolt acks events at once, so a retry means only that Slack missed the ack: running the
    // command again would create the pod twice (AlreadyExists) or answer twice.
    if ((context.retryNum ?? 0) > 0) return;
    const read = readMention(event.text, (event as { blocks?: unknown }).blocks);
    const request = {
      ...slackRequest(body.team_id, event.channel, event.user ?? '', read.text),
      ...(read.stdin === undefined ? {} : { stdin: read.stdin }),
    };
    const to = destination(client, request);
    await postWith(
      await run(request),
      event.thread_ts === undefined ? to : { ...to, threadTs: event.thread_ts },
    );
  });

  // The App Home tab: the member's pods, labs, reviews and streak, published each time it opens.
  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const request = slackRequest(body.team_id, event.channel, event.user, '/home');
    const [page] = renderReply(await run(request), {
      lang: langOf(deps.app, request),
      now: deps.app.clock(),
    });
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: page?.blocks ?? [] } });
  });

  // The app's Messages tab (a direct message with the bot): what a member types there is a
  // command, as in the console (`kubectl get po`, `/quiz practice`); the answer comes back there.
  bolt.message(async ({ message, body, client, context }) => {
    if ((context.retryNum ?? 0) > 0) return;
    const typed = message as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      blocks?: unknown;
      channel: string;
    };
    if (typed.channel_type !== 'im' || typed.subtype !== undefined || typed.bot_id !== undefined) return;
    const read = readMention(typed.text ?? '', typed.blocks);
    const request = {
      ...slackRequest(
        (body as { team_id?: string }).team_id ?? '',
        typed.channel,
        typed.user ?? '',
        read.text,
      ),
      ...(read.stdin === undefined ? {} : { stdin: read.stdin }),
    };
    // Only the member and the bot are in a direct message: the answer is simply posted there.
    await postWith({ ...(await run(request)), visibility: 'public' }, destination(client, request));
  });

  // "Apply manifest" in a message's More actions menu: the message's code block (raw from its
  // rich-text blocks where Slack sent them) applied to the member's own sandbox, answered privately.
  bolt.shortcut<MessageShortcut>(APPLY_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const request = slackRequest(
      shortcut.team?.id ?? shortcut.user.team_id ?? '',
      shortcut.channel.id,
      shortcut.user.id,
      'kubectl apply -f -',
      shortcut.user.username ?? shortcut.user.name,
    );
    const message = shortcut.message as { text?: string; blocks?: unknown };
    const read = readMention(message.text ?? '', message.blocks);
    const manifest = read.stdin ?? manifestOf(read.text);
    const reply =
      manifest === null
        ? textReply(t(langOf(deps.app, request), 'apply.fromMessage.none'), false, 'private')
        : { ...(await run({ ...request, stdin: manifest })), visibility: 'private' as const };
    await respondWith(responder(shortcut.response_url), reply, destination(client, request));
  });

  // A command's own failures are answered by dispatch; this is the adapter's (Slack refused a
  // message, a response_url expired): logged once with an id to find it by.
  bolt.error(async (error) => listenerFailed(deps.app, error));
}

function listenerFailed(app: App, error: unknown): void {
  const errorId = randomUUID().slice(0, 8);
  app.log.error({ err: error, errorId, platform: 'slack' }, 'slack listener failed');
}

function slackRequest(
  scope: string,
  channel: string,
  user: string,
  text: string,
  userName?: string,
): Request {
  return {
    platform: 'slack',
    scope,
    channel,
    user,
    ...(userName === undefined ? {} : { userName: escapeSlack(userName) }),
    text,
    attachments: [],
  };
}

export function langOf(app: App, request: Request): Lang {
  const member = app.members.lang({ platform: 'slack', scope: request.scope, user: request.user });
  return (
    member ??
    app.channels.lang({ platform: 'slack', scope: request.scope, channel: request.channel }) ??
    app.defaultLang
  );
}

function pickedValues(body: BlockAction): string[] {
  const blocks = Object.values(body.state?.values ?? {});
  return blocks.flatMap((block) => (block[ACTION_IDS.pick]?.selected_options ?? []).map((o) => o.value));
}

/** The values of every option the message offered (for the shared part of an empty selection). */
function offeredValues(body: BlockAction): string[] {
  const blocks: unknown[] = Array.isArray(body.message?.blocks) ? body.message.blocks : [];
  const values: string[] = [];
  for (const block of blocks) {
    const elements = (block as { elements?: unknown }).elements;
    if (!Array.isArray(elements)) continue;
    for (const element of elements as { action_id?: unknown; options?: unknown }[]) {
      if (element.action_id !== ACTION_IDS.pick || !Array.isArray(element.options)) continue;
      for (const option of element.options as { value?: unknown }[]) {
        if (typeof option.value === 'string') values.push(option.value);
      }
    }
  }
  return values;
}
