import type { Logger } from 'pino';
import type { ChannelRef, Outbox } from '../chat/outbox.ts';
import type { Platform } from '../chat/request.ts';
import { t } from '../i18n/catalogue.ts';
import type { Catalog } from '../quiz/catalog.ts';
import type { Timers } from '../quiz/live-runner.ts';
import { questionReply } from '../quiz/render.ts';
import type { ChannelStore } from '../store/channels.ts';
import type { DailyStore } from '../store/daily.ts';
import type { GroupProgressStore } from '../store/group-progress.ts';
import type { ChannelSettings, SettingsStore } from '../store/settings.ts';
import { localDay, nextLocalHour } from './local-time.ts';

/**
 * The daily question. Each channel with `/settings daily on` has its next post time stored
 * (`daily_schedule`); when it is due the question is posted, and in the same transaction the
 * next time moves to the following local hour. So a restart at 09:01 finds nothing due, and a
 * bot that was down over several 09:00s posts once, not once per missed day. Time comes from the
 * injected clock; the timer only says when to look again.
 */
export interface DailyDeps {
  daily: DailyStore;
  settings: SettingsStore;
  channels: ChannelStore;
  progress: GroupProgressStore;
  catalog: () => Catalog;
  clock: () => number;
  log: Logger;
  transaction: <T>(run: () => T) => T;
  defaultLang: 'ko' | 'en';
}

/** A moderator turned the daily question on, or changed its hour or zone. */
export function reschedule(
  daily: DailyStore,
  channel: ChannelRef,
  settings: ChannelSettings,
  now: number,
): void {
  if (settings.daily) daily.setNextAt(channel, nextLocalHour(now, settings.dailyHour, settings.dailyZone));
}

export interface DailyRunner {
  attach(platform: Platform, outbox: Outbox): void;
  /** Posts what is due now on attached platforms; resolves when posted. */
  tick(): Promise<void>;
  shutdown(): void;
}

const CHECK_MS = 60_000;

export function createDailyRunner(deps: DailyDeps, timers: Timers | null): DailyRunner {
  const outboxes = new Map<Platform, Outbox>();
  let handle: unknown = null;

  /** Claims the channels' due posts in one transaction: each gets its post row and next time. */
  function claim(platform: Platform, now: number) {
    return deps.transaction(() =>
      deps.settings.dailyIn(platform).flatMap((channel) => {
        const settings = deps.settings.get(channel);
        const due = deps.daily.nextAt(channel);
        if (due === undefined) {
          reschedule(deps.daily, channel, settings, now);
          return [];
        }
        if (due > now) return [];
        deps.daily.setNextAt(channel, nextLocalHour(now, settings.dailyHour, settings.dailyZone));
        const questionId = pick(channel, settings);
        if (questionId === null) return [];
        const id = deps.daily.post(channel, localDay(due, settings.dailyZone), questionId, now);
        return id === undefined ? [] : [{ id, channel, questionId }];
      }),
    );
  }

  /** The group's most-missed question not posted before, else one nobody here has seen daily. */
  function pick(channel: ChannelRef, settings: ChannelSettings): string | null {
    const posted = deps.daily.postedQuestions(channel);
    const catalog = deps.catalog();
    const missed = deps.progress
      .mostMissed(channel.platform, channel.scope, 50)
      .map((m) => m.questionId)
      .find(
        (id) =>
          !posted.has(id) &&
          !id.startsWith('gen:') &&
          (settings.dailyTopic === null || catalog.question(id)?.topic === settings.dailyTopic),
      );
    if (missed !== undefined) return missed;
    const seen = new Map([...posted].map((id) => [id, 1]));
    const [id] = catalog.pick(settings.dailyTopic, 1, `daily:${channel.channel}:${posted.size}`, seen);
    return id ?? null;
  }

  async function tick(): Promise<void> {
    const now = deps.clock();
    for (const [platform, outbox] of outboxes) {
      for (const post of claim(platform, now)) {
        const question = deps.catalog().question(post.questionId);
        if (question === null) continue;
        const lang = deps.channels.lang(post.channel) ?? deps.defaultLang;
        try {
          const ref = await outbox.post(
            post.channel,
            questionReply(question, lang, {
              header: t(lang, 'daily.header'),
              actionPrefix: `/daily answer ${post.id}`,
              visibility: 'public',
            }),
          );
          deps.daily.setMessage(post.id, ref.id);
        } catch (error) {
          deps.log.error({ err: error, post: post.id }, 'could not post the daily question');
        }
      }
    }
  }

  const schedule = () => {
    if (timers === null) return;
    handle = timers.set(() => {
      void tick().finally(schedule);
    }, CHECK_MS);
  };

  return {
    attach(platform, outbox) {
      outboxes.set(platform, outbox);
      if (handle === null) schedule();
    },
    tick,
    shutdown() {
      if (handle !== null) timers?.clear(handle);
      handle = null;
    },
  };
}
