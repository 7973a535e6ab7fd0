import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { BucketState, RateLimiter } from '../../ports/rate-limiter.js';

/**
 * A RateLimiter that counts in a second limiter (a process-local one) while the first is away, so
 * quotas still hold, per process, instead of every request failing or none being counted.
 */
export class FallbackRateLimiter implements RateLimiter {
  constructor(
    private readonly primary: RateLimiter,
    private readonly secondary: RateLimiter,
    private readonly onFailure: (error: InfrastructureFailure) => void,
  ) {}

  consume(bucket: string, limit: number, windowMs: number, amount = 1): Promise<BucketState> {
    return this.either((limiter) => limiter.consume(bucket, limit, windowMs, amount));
  }

  peek(bucket: string, limit: number, windowMs: number): Promise<BucketState> {
    return this.either((limiter) => limiter.peek(bucket, limit, windowMs));
  }

  /**
   * Empties the bucket in both limiters. The local one always can; the primary's failure is reported
   * and swallowed, as the other operations' are, so that a successful log-in does not fail with Redis.
   */
  async reset(bucket: string): Promise<void> {
    await this.secondary.reset(bucket);
    try {
      await this.primary.reset(bucket);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
    }
  }

  private async either<T>(work: (limiter: RateLimiter) => Promise<T>): Promise<T> {
    try {
      return await work(this.primary);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return work(this.secondary);
    }
  }
}
