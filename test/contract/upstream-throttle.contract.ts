import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';

export interface ThrottleHarness {
  readonly throttle: UpstreamThrottle;
  close(): Promise<void>;
}

/** The most of `times` that fall within any window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** `factory` gives a throttle of 5 calls per second with nothing consumed yet. */
export function upstreamThrottleContract(adapter: string, factory: () => Promise<ThrottleHarness>) {
  describe(`UpstreamThrottle contract: ${adapter}`, () => {
    let harness: ThrottleHarness;
    beforeEach(async () => {
      harness = await factory();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('when 12 calls ask at once, then all go, never more than 5 in any second, in little more than the minimum time', async () => {
      const started = Date.now();
      const times = await Promise.all(
        Array.from({ length: 12 }, async () => {
          expect(await harness.throttle.acquire(10_000)).toBe(true);
          return Date.now();
        }),
      );
      expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(5);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('when paused until a moment, then no call goes before it', async () => {
      const until = Date.now() + 400;
      await harness.throttle.pauseUntil(new Date(until));
      expect(await harness.throttle.acquire(5000)).toBe(true);
      expect(Date.now()).toBeGreaterThanOrEqual(until - 5);
    });

    it('when the wait would exceed what the caller accepts, then it answers false at once', async () => {
      await harness.throttle.pauseUntil(new Date(Date.now() + 5000));
      const started = Date.now();
      expect(await harness.throttle.acquire(100)).toBe(false);
      expect(Date.now() - started).toBeLessThan(500);
    });
  });
}
