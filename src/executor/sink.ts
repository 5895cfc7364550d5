import type { Logger } from 'pino';
import type { Reply } from '../chat/reply.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * A reply sink: how an adapter lets a worker send the replies to a batch of quiz answers itself,
 * past the platform thread. A live quiz is a burst of clicks, each with a private confirmation;
 * routed back through the platform thread, every confirmation cost the thread that acks the next
 * clicks its rendering, its hand-over and its garbage (`npm run bench -- b3`). The adapter names
 * a module (`PoolOptions.sinks`); each worker imports it as it starts, and after a batch commits
 * hands it the replies the sink takes, with the address each answer came with (`ReplyAddress`).
 * The rest go back to the platform thread as before. The module runs in the worker: it reads no
 * state of the platform thread and answers nothing back, so it logs its own failures.
 */
export interface ReplySink {
  /** Whether this reply can go through the sink (the others go back to the platform thread). */
  takes(reply: Reply): boolean;
  /** Sends them; returns at once (what it sends may still be on its way). */
  deliver(deliveries: readonly Delivery[], log: Logger): void;
}

export interface Delivery {
  /** The `ReplyAddress.address` the answer came with. */
  address: string;
  reply: Reply;
  /** The member's language, as the command read it. */
  lang: Lang;
  /** The batch's clock (epoch ms), for what the rendering counts from it. */
  now: number;
}

/** A sink module's exports, checked as the worker imports it. */
export function asSink(module: unknown): ReplySink | null {
  const m = module as Partial<ReplySink> | null;
  return typeof m?.takes === 'function' && typeof m.deliver === 'function' ? (m as ReplySink) : null;
}
