/**
 * A per-member token bucket: a member may send `burst` commands at once and then one every
 * `refillMs`. A bot in a busy channel must not let one member's script starve the others;
 * the limited member gets a polite message and their next command after the window works.
 */
export interface RateLimit {
  burst: number;
  refillMs: number;
}

export const CHAT_RATE_LIMIT: RateLimit = { burst: 20, refillMs: 500 };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit = CHAT_RATE_LIMIT) {}

  /** Takes one token; returns 0 when allowed, otherwise how many ms until the next one. */
  take(member: string, now: number): number {
    const bucket = this.buckets.get(member) ?? { tokens: this.limit.burst, at: now };
    const refilled = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) / this.limit.refillMs);
    if (refilled < 1) {
      this.buckets.set(member, { tokens: refilled, at: now });
      return Math.ceil((1 - refilled) * this.limit.refillMs);
    }
    this.buckets.set(member, { tokens: refilled - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return 0;
  }

  /** Members whose bucket has refilled carry no state worth keeping. */
  private forgetFull(now: number): void {
    for (const [member, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.limit.refillMs >= this.limit.burst)
        this.buckets.delete(member);
    }
  }
}
