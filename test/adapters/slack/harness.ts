import { Writable } from 'node:stream';
import { SLACK_SINKS } from '../../../src/adapters/slack/sinks.ts';
import { type SlackBot, startSlack } from '../../../src/adapters/slack/slack.ts';
import { createApp } from '../../../src/app.ts';
import type { ChatCommand } from '../../../src/chat/context.ts';
import { type WorkerPool, workerPool } from '../../../src/executor/pool.ts';
import { createLogger } from '../../../src/log.ts';
import type { Bank } from '../../../src/quiz/banks.ts';
import type { Timers } from '../../../src/quiz/live-runner.ts';
import { DEFAULT_SETTINGS } from '../../../src/store/settings.ts';
import { T0, type TestApp, testApp } from '../../helpers/app.ts';
import { tempDbPath } from '../../helpers/console.ts';
import { type FakeSlack, startFakeSlack } from './fake/fake-slack.ts';
import {
  appMention,
  blockActions,
  type Clicked,
  form,
  interactiveForm,
  type Member,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
  viewSubmission,
} from './fake/payloads.ts';
import type { Posted, StoredMessage } from './fake/state.ts';
import { guardNetwork, type NetGuard } from './net-guard.ts';

/**
 * The real Bolt app, started by the adapter's own `startSlack`, wired to a fake Slack on
 * 127.0.0.1 over one transport. `deliver` sends what Slack would send over that transport and
 * returns the ack; the answers are read from the fake.
 */
export type Transport = 'http' | 'socket';
export type Kind = 'slash_commands' | 'interactive' | 'events_api';

export interface Harness {
  transport: Transport;
  fake: FakeSlack;
  bot: SlackBot;
  t: TestApp;
  /** The worker pool commands run in (`HarnessOptions.pool`). */
  pool?: WorkerPool;
  guard: NetGuard;
  /** The Request URL (HTTP mode). */
  eventsUrl: string;
  deliver(kind: Kind, payload: Record<string, unknown>): Promise<{ status: number; ack: unknown }>;
  /** `/command text` as `member`; resolves with the first answer posted after it. */
  command(member: Member, command: string, text: string, channel?: string): Promise<Posted>;
  click(
    member: Member,
    message: StoredMessage,
    action: Clicked,
    values?: Record<string, Record<string, unknown>>,
  ): Promise<Posted>;
  submitView(
    member: Member,
    view: Record<string, unknown>,
    manifest: string,
  ): Promise<{ status: number; ack: unknown }>;
  /** A message mentioning the bot, in the composer's shape (`blocks: false`: text only). */
  mention(member: Member, text: string, channel?: string, options?: { blocks?: boolean }): Promise<Posted>;
  /** Moves the simulated clock, fires the live-quiz timers that fall due and waits for their posts. */
  tick(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Live quizzes with deadlines, on timers driven by `tick` instead of the wall clock. */
  timed?: boolean;
  /** The chat commands the bot dispatches to (default: all of Podium's). */
  commands?: readonly ChatCommand[];
  /** The quiz banks of a timed app (default: the project's own). */
  banks?: readonly Bank[];
  /** Guide lines under kubectl's output (default off: tests of output see kubectl's alone). */
  guide?: boolean;
  /**
   * Commands in a worker pool with Slack's reply sink, as `npm start` runs them (a timed app on a
   * database file the workers share, Podium's own commands: `commands` is not used); default: in
   * process.
   */
  pool?: boolean;
}

export const CHANNEL = 'C0STUDY';
export const ALICE: Member = { id: 'U0ALICE', name: 'alice' };
export const BOB: Member = { id: 'U0BOB', name: 'bob' };
export const CAROL: Member = { id: 'U0CAROL', name: 'carol' };

export async function startHarness(transport: Transport, options: HarnessOptions = {}): Promise<Harness> {
  const guard = guardNetwork();
  const fake = await startFakeSlack();
  const timers = manualTimers();
  const dbPath = options.pool === true ? tempDbPath('podium-slack-pool-') : ':memory:';
  const t =
    options.timed === true || options.pool === true
      ? timedApp(timers, options.banks, dbPath)
      : testApp(':memory:', [], { guide: options.guide ?? false });
  const pool =
    options.pool === true
      ? workerPool(t.app, {
          dbPath,
          workers: 1,
          spare: false,
          ...(options.banks === undefined ? {} : { banks: options.banks }),
          sinks: SLACK_SINKS,
        })
      : undefined;
  await pool?.ready();
  const bot = await startSlack(t.app, {
    botToken: fake.state.botToken,
    ...(transport === 'socket' ? { appToken: fake.state.appToken } : { signingSecret: SIGNING_SECRET }),
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    // The retry policy the product ships (SLACK_RETRY): three tries within a few seconds.
    pingTimeoutMs: 600,
    unhandledRequestTimeoutMs: 1000,
    ...(options.commands === undefined ? {} : { commands: options.commands }),
    ...(pool === undefined ? {} : { executor: pool }),
  });
  const eventsUrl = `http://127.0.0.1:${bot.port ?? 0}/slack/events`;

  const deliver = async (kind: Kind, payload: Record<string, unknown>) => {
    if (transport === 'socket') return { status: 200, ack: await fake.socket.send(kind, payload) };
    const res =
      kind === 'events_api'
        ? await postSigned(eventsUrl, JSON.stringify(payload), { contentType: 'application/json' })
        : await postSigned(
            eventsUrl,
            kind === 'interactive' ? interactiveForm(payload) : form(payload as Record<string, string>),
          );
    return { status: res.status, ack: res.text === '' ? null : JSON.parse(res.text) };
  };
  /**
   * The first post after `send` that `member` can see: an earlier click's private confirmation
   * for someone else can arrive meanwhile (confirmations go out on their own thread).
   */
  const answered = async (member: Member, send: () => Promise<{ status: number }>) => {
    const since = fake.state.posts.length;
    const { status } = await send();
    if (status !== 200) throw new Error(`the app answered ${status}`);
    return fake.waitFor(
      (p) => !(p.ephemeral === true && p.user !== undefined && p.user !== member.id),
      since,
    );
  };

  return {
    transport,
    fake,
    bot,
    t,
    ...(pool === undefined ? {} : { pool }),
    guard,
    eventsUrl,
    deliver,
    command: (member, command, text, channel = CHANNEL) =>
      answered(member, () => deliver('slash_commands', slashCommand(fake, member, channel, command, text))),
    click: (member, message, action, values) =>
      answered(member, () => deliver('interactive', blockActions(fake, member, message, action, values))),
    submitView: (member, view, manifest) =>
      deliver('interactive', viewSubmission(fake, member, view, manifest)),
    mention: (member, text, channel = CHANNEL, options = {}) =>
      answered(member, () =>
        deliver('events_api', appMention(fake, member, channel, text, undefined, options)),
      ),
    async tick(ms) {
      const until = t.clock.now + ms;
      for (let due = timers.due(until); due !== undefined; due = timers.due(until)) {
        t.clock.now = Math.max(t.clock.now, due.at);
        due.run();
        await t.app.quiz.runner.idle();
      }
      t.clock.now = until;
      await t.app.quiz.runner.idle();
    },
    async close() {
      t.app.quiz.runner.shutdown();
      await bot.stop();
      await pool?.close();
      await fake.close();
      guard.stop();
      t.app.db.close();
    },
  };
}

/** Timers the test fires by hand: `due(until)` is the earliest one set to run by then. */
function manualTimers() {
  let serial = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let now = () => T0;
  const timers: Timers = {
    set(run, ms) {
      serial += 1;
      pending.set(serial, { at: now() + ms, run });
      return serial;
    },
    clear: (handle) => {
      pending.delete(handle as number);
    },
  };
  const due = (until: number) => {
    const [first] = [...pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at);
    if (first === undefined) return undefined;
    pending.delete(first[0]);
    return first[1];
  };
  return { timers, due, useClock: (clock: () => number) => (now = clock) };
}

/** Like `testApp()`, with live quizzes on the given timers. */
function timedApp(
  manual: ReturnType<typeof manualTimers>,
  banks?: readonly Bank[],
  dbPath = ':memory:',
): TestApp {
  const clock = { now: T0 };
  manual.useClock(() => clock.now);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const created = createApp({
    dbPath,
    log: createLogger('info', sink),
    clock: () => clock.now,
    defaultLang: 'en',
    guide: false,
    timers: manual.timers,
    ...(banks === undefined ? {} : { banks }),
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  const unused = () => {
    throw new Error('use the Slack harness to talk to this app');
  };
  const advance = (ms: number) => {
    clock.now += ms;
  };
  return { app, clock, logs, send: unused, say: unused, advance };
}

/** `/settings output public` in `channel`, for tests about how public output renders. */
export function postPublicly(h: Harness, channel = CHANNEL): void {
  h.t.app.group.settings.put(
    { platform: 'slack', scope: h.fake.state.team.id, channel },
    { ...DEFAULT_SETTINGS, output: 'public' },
  );
}

/** An element of a message's actions blocks (a button, checkboxes, a select), with its block's id. */
export interface ActionElement {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: { value: string; text: { text: string } }[];
  block_id: string;
}

/** Every element of a message's actions blocks, in order. */
export function elementsOf(message: { blocks: unknown[] }): ActionElement[] {
  return message.blocks.flatMap((b) => {
    const block = b as { type: string; block_id: string; elements?: Omit<ActionElement, 'block_id'>[] };
    return block.type === 'actions'
      ? (block.elements ?? []).map((e) => ({ ...e, block_id: block.block_id }))
      : [];
  });
}

/** The code blocks of a posted message, unescaped back to what kubectl printed. */
export function codeOf(posted: Posted): string {
  return sectionTexts(posted)
    .filter((s) => s.startsWith('```'))
    .map((s) => s.replace(/^```\n/, '').replace(/\n```$/, ''))
    .map((s) =>
      s
        .replace(/\u200b/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

export function sectionTexts(posted: Posted): string[] {
  return posted.blocks.flatMap((b) => {
    const block = b as { type?: string; text?: { text?: string } };
    return block.type === 'section' && typeof block.text?.text === 'string' ? [block.text.text] : [];
  });
}

/** Polls `condition` until it holds (for answers that take several messages), or fails after 5 s. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
