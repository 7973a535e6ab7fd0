import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../ports/rate-limiter.js';

export interface RateLimiterHarness {
  readonly limiter: RateLimiter;
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function rateLimiterContract(adapter: string, factory: () => Promise<RateLimiterHarness>) {
  describe(`RateLimiter contract: ${adapter}`, () => {
    let harness: RateLimiterHarness;
    let bucket: string;
    beforeEach(async () => {
      harness = await factory();
      bucket = `contract:${Date.now()}:${Math.random()}`;
    });
    afterEach(async () => {
      await harness.limiter.reset(bucket);
      await harness.close();
    });

    it('when consumes reach the limit, then the next is refused and does not count', async () => {
      const states = [];
      for (let i = 0; i < 4; i++) states.push(await harness.limiter.consume(bucket, 3, 60_000));
      expect(states.map((s) => [s.allowed, s.used, s.remaining])).toEqual([
        [true, 1, 2],
        [true, 2, 1],
        [true, 3, 0],
        [false, 3, 0],
      ]);
      expect(states[3]!.resetAt.getTime()).toBe(states[0]!.resetAt.getTime());
    });

    it('when several units are consumed at once, then they count together, and a consume that would pass the limit takes nothing', async () => {
      expect(await harness.limiter.consume(bucket, 10, 60_000, 4)).toMatchObject({ allowed: true, used: 4, remaining: 6 });
      expect(await harness.limiter.consume(bucket, 10, 60_000, 7)).toMatchObject({ allowed: false, used: 4 });
      expect(await harness.limiter.consume(bucket, 10, 60_000, 6)).toMatchObject({ allowed: true, used: 10, remaining: 0 });
      expect((await harness.limiter.consume(bucket, 10, 60_000)).allowed).toBe(false);
    });

    it('when 60 consumes race for a limit of 25, then exactly 25 are allowed', async () => {
      const states = await Promise.all(Array.from({ length: 60 }, () => harness.limiter.consume(bucket, 25, 60_000)));
      expect(states.filter((s) => s.allowed)).toHaveLength(25);
      expect((await harness.limiter.peek(bucket, 25, 60_000)).used).toBe(25);
    });

    it('when peeking, then nothing is consumed; an empty bucket shows zero used', async () => {
      expect(await harness.limiter.peek(bucket, 5, 60_000)).toMatchObject({ allowed: true, used: 0, remaining: 5, limit: 5 });
      await harness.limiter.consume(bucket, 5, 60_000);
      expect(await harness.limiter.peek(bucket, 5, 60_000)).toMatchObject({ used: 1, remaining: 4 });
      expect(await harness.limiter.peek(bucket, 5, 60_000)).toMatchObject({ used: 1, remaining: 4 });
    });

    it('when the window ends, then the bucket is empty again', async () => {
      await harness.limiter.consume(bucket, 1, 1_000);
      expect((await harness.limiter.consume(bucket, 1, 1_000)).allowed).toBe(false);
      await harness.elapse(1_100);
      expect((await harness.limiter.consume(bucket, 1, 1_000)).allowed).toBe(true);
    });

    it('when reset, then the bucket starts over', async () => {
      await harness.limiter.consume(bucket, 1, 60_000);
      await harness.limiter.reset(bucket);
      expect((await harness.limiter.consume(bucket, 1, 60_000)).allowed).toBe(true);
    });
  });
}
