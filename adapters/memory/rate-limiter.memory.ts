import type { Clock } from '../../ports/clock.js';
import type { BucketState, RateLimiter } from '../../ports/rate-limiter.js';

/** Process-local fixed windows. Atomic because a consume runs to completion without yielding. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { used: number; resetAt: number }>();

  constructor(private readonly clock: Clock) {}

  async consume(bucket: string, limit: number, windowMs: number, amount = 1): Promise<BucketState> {
    const now = this.clock.now().getTime();
    let state = this.buckets.get(bucket);
    if (!state || state.resetAt <= now) {
      state = { used: 0, resetAt: now + windowMs };
      this.buckets.set(bucket, state);
      this.sweep(now);
    }
    const allowed = state.used + amount <= limit;
    if (allowed) state.used += amount;
    return { allowed, used: state.used, limit, remaining: Math.max(0, limit - state.used), resetAt: new Date(state.resetAt) };
  }

  async peek(bucket: string, limit: number, windowMs: number): Promise<BucketState> {
    const now = this.clock.now().getTime();
    const state = this.buckets.get(bucket);
    const live = state && state.resetAt > now ? state : { used: 0, resetAt: now + windowMs };
    return {
      allowed: live.used < limit,
      used: live.used,
      limit,
      remaining: Math.max(0, limit - live.used),
      resetAt: new Date(live.resetAt),
    };
  }

  async reset(bucket: string): Promise<void> {
    this.buckets.delete(bucket);
  }

  private sweep(now: number) {
    if (this.buckets.size < 10_000) return;
    for (const [name, state] of this.buckets) if (state.resetAt <= now) this.buckets.delete(name);
  }
}
