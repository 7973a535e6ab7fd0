import type { BucketState, RateLimiter } from '../../ports/rate-limiter.js';
import { Failover, type FailureReport } from './failover.js';

/**
 * A RateLimiter that counts in a second limiter (a process-local one) while the first is away, so
 * quotas still hold, per process, instead of every request failing or none being counted.
 */
export class FallbackRateLimiter implements RateLimiter {
  private readonly failover: Failover<RateLimiter>;

  constructor(primary: RateLimiter, secondary: RateLimiter, onFailure: FailureReport) {
    this.failover = new Failover(primary, secondary, onFailure);
  }

  consume(bucket: string, limit: number, windowMs: number, amount = 1): Promise<BucketState> {
    return this.failover.either((limiter) => limiter.consume(bucket, limit, windowMs, amount));
  }

  peek(bucket: string, limit: number, windowMs: number): Promise<BucketState> {
    return this.failover.either((limiter) => limiter.peek(bucket, limit, windowMs));
  }

  /**
   * Empties the bucket in both limiters. The local one always can; the primary's failure is reported
   * and swallowed, as the other operations' are, so that a successful log-in does not fail with Redis.
   */
  reset(bucket: string): Promise<void> {
    return this.failover.both((limiter) => limiter.reset(bucket));
  }
}
