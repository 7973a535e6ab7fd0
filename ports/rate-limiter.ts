/** The state of a bucket after (or without) a consume. */
export interface BucketState {
  readonly allowed: boolean;
  /** Units consumed in the current window, never more than the limit. */
  readonly used: number;
  readonly limit: number;
  readonly remaining: number;
  /** When the current window ends and the bucket empties. */
  readonly resetAt: Date;
}

/**
 * Fixed-window counters ("consume one from bucket K, limit L, window W").
 * - `consume` is atomic: under any concurrency, also across processes sharing the backing store,
 *   exactly `limit` consumes in a window are allowed. A refused consume does not count. A consume of
 *   `amount` units takes them all if they all fit under the limit, else none.
 * - The window opens at the first consume of an empty bucket and lasts `windowMs`.
 * - `peek` reads without consuming; an empty bucket reports used 0 and a reset `windowMs` from now.
 * - `reset` empties the bucket.
 * - Infrastructure failures are thrown as InfrastructureFailure('rate_limiter').
 */
export interface RateLimiter {
  consume(bucket: string, limit: number, windowMs: number, amount?: number): Promise<BucketState>;
  peek(bucket: string, limit: number, windowMs: number): Promise<BucketState>;
  reset(bucket: string): Promise<void>;
}
