import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailyCounters } from '../../ports/daily-counters.js';

export interface DailyCountersHarness {
  readonly counters: DailyCounters;
  elapse(seconds: number): Promise<void>;
  close(): Promise<void>;
}

/** The DailyCounters contract (ports/daily-counters.ts). */
export function dailyCountersContract(adapter: string, factory: () => Promise<DailyCountersHarness>) {
  describe(`DailyCounters contract: ${adapter}`, () => {
    let harness: DailyCountersHarness;
    let day: string;
    beforeEach(async () => {
      harness = await factory();
      day = `2026-12-01-${Date.now()}-${Math.random()}`;
    });
    afterEach(() => harness.close());

    it('when counts are added, then they sum per name and per day, and a name never counted reads 0', async () => {
      await harness.counters.add(
        day,
        new Map([
          ['requests_cached', 3],
          ['upstream_calls', 1],
        ]),
        3600,
      );
      await harness.counters.add(day, new Map([['requests_cached', 2]]), 3600);
      await harness.counters.add(`${day}-next`, new Map([['requests_cached', 7]]), 3600);
      expect(await harness.counters.read(day, ['requests_cached', 'upstream_calls', 'requests_uncached'])).toEqual({
        requests_cached: 5,
        upstream_calls: 1,
        requests_uncached: 0,
      });
      expect(await harness.counters.read(day, [])).toEqual({});
    });

    it('when many adds race, then none is lost', async () => {
      await Promise.all(Array.from({ length: 40 }, () => harness.counters.add(day, new Map([['upstream_calls', 1]]), 3600)));
      expect(await harness.counters.read(day, ['upstream_calls'])).toEqual({ upstream_calls: 40 });
    });

    it('when a day is left alone past its lifetime, then its counters are gone', async () => {
      await harness.counters.add(day, new Map([['requests_cached', 4]]), 1);
      await harness.elapse(1.2);
      expect(await harness.counters.read(day, ['requests_cached'])).toEqual({ requests_cached: 0 });
    });
  });
}
