/**
 * A per-member token bucket: a member may send `burst` commands at once and then one every
 * `refillMs`. A bot in a busy channel must not let one member's script starve the others;
 * the limited member gets a polite message and their next command after the window works.
 *
 * Commands are charged by cost too, not only by count: each costs one token, plus one per
 * `costStepMs` it ran in its worker, and a command stopped by its budget empties the bucket and
 * leaves a debt of `stoppedDebt` tokens. So a member whose commands are expensive is slowed
 * first, and one who sends budget-busting commands waits longest, while everyone else's bucket
 * stays full.
 */
export interface RateLimit {
  burst: number;
  refillMs: number;
  /** Worker time that costs one more token. */
  costStepMs: number;
  /** Tokens owed after a command stopped by its budget (the wait is this times refillMs). */
  stoppedDebt: number;
}

// A stopped command's debt (30 tokens: 15 s) outlasts the start of the worker that replaces the
// one it took down, so one member cannot take the whole pool down by repeating it.
export const CHAT_RATE_LIMIT: RateLimit = { burst: 20, refillMs: 500, costStepMs: 250, stoppedDebt: 30 };

interface Bucket {
  tokens: number;
  at: number;
  /** The bucket went below zero because of cost, not count. */
  costly: boolean;
}

export interface Admission {
  /** 0 when allowed, otherwise how many ms until the next token. */
  waitMs: number;
  /** Why: true when the member's expensive commands (not their number) emptied the bucket. */
  costly: boolean;
}

/** Buckets kept at most; full ones are forgotten first. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /**
   * The size past which full buckets are looked for again. A bucket still refilling cannot be
   * forgotten (that would hand its member a full one), so with more than `MAX_BUCKETS` members
   * active within a refill window a look frees nothing; looking again only once the map has
   * doubled keeps each admission O(1) on average, where looking every time walked every bucket
   * for every message.
   */
  private forgetPast = MAX_BUCKETS;
  /** How many times the buckets were walked for full ones (tests). */
  scans = 0;

  constructor(private readonly limit: RateLimit = CHAT_RATE_LIMIT) {}

  /** Takes one token; returns 0 when allowed, otherwise how many ms until the next one. */
  take(member: string, now: number): number {
    return this.admit(member, now).waitMs;
  }

  admit(member: string, now: number): Admission {
    const bucket = this.refilled(member, now);
    if (bucket.tokens < 1) {
      this.buckets.set(member, bucket);
      return { waitMs: Math.ceil((1 - bucket.tokens) * this.limit.refillMs), costly: bucket.costly };
    }
    this.buckets.set(member, { tokens: bucket.tokens - 1, at: now, costly: false });
    if (this.buckets.size > this.forgetPast) {
      this.forgetFull(now);
      this.forgetPast = Math.max(MAX_BUCKETS, 2 * this.buckets.size);
    }
    return { waitMs: 0, costly: false };
  }

  /** A command of `member` ran `ms` in its worker (`stopped`: until its budget stopped it). */
  charge(member: string, ms: number, stopped: boolean, now: number): void {
    const bucket = this.refilled(member, now);
    const extra = Math.floor(ms / this.limit.costStepMs);
    if (!stopped && extra === 0) return;
    const tokens = stopped ? Math.min(0, bucket.tokens) - this.limit.stoppedDebt : bucket.tokens - extra;
    this.buckets.set(member, { tokens, at: now, costly: tokens < 1 || bucket.costly });
  }

  private refilled(member: string, now: number): Bucket {
    const bucket = this.buckets.get(member) ?? { tokens: this.limit.burst, at: now, costly: false };
    const tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) / this.limit.refillMs);
    return { tokens, at: now, costly: bucket.costly && tokens < 1 };
  }

  /** Members whose bucket has refilled carry no state worth keeping. */
  private forgetFull(now: number): void {
    this.scans++;
    for (const [member, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.limit.refillMs >= this.limit.burst)
        this.buckets.delete(member);
    }
  }
}
