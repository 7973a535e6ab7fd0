import { afterEach, describe, expect, it } from 'vitest';
import type { ThrottleRates, UpstreamThrottle } from '../../ports/upstream-throttle.js';

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

const HOUR_MS = 3_600_000;
const msToNextHour = () => HOUR_MS - (Date.now() % HOUR_MS);

/** Waits out the last seconds of a clock hour, so that an hourly count is not reset in the middle of a test. */
async function awayFromTheHour(): Promise<void> {
  if (msToNextHour() < 10_000) await new Promise((resolve) => setTimeout(resolve, msToNextHour() + 50));
}

/** `factory` gives a throttle with those rates and nothing consumed yet. */
export function upstreamThrottleContract(adapter: string, factory: (rates: ThrottleRates) => Promise<ThrottleHarness>) {
  describe(`UpstreamThrottle contract: ${adapter}`, () => {
    let harness: ThrottleHarness | undefined;
    const start = async (rates: ThrottleRates = { perSecond: 5, perHour: 1000 }) => (harness = await factory(rates)).throttle;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('when 12 calls of one API ask at once, then all go, never more than 5 in any second, in little more than the minimum time', async () => {
      const throttle = await start();
      const started = Date.now();
      const times = await Promise.all(
        Array.from({ length: 12 }, async () => {
          expect(await throttle.acquire('mesure_synchrone_auto', 10_000)).toEqual({ ok: true });
          return Date.now();
        }),
      );
      expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(5);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('when two APIs are called, then each has a pace of its own', async () => {
      const throttle = await start();
      const started = Date.now();
      await Promise.all(['mesure_synchrone_auto', 'situation_contrat_auto'].flatMap((api) => Array.from({ length: 5 }, () => throttle.acquire(api, 10_000))));
      // Ten calls, five per API: within the time five take, not the time ten would.
      expect(Date.now() - started).toBeLessThan(1400);
    });

    it('when an API is paused until a moment, then none of its calls goes before it, and another API is not held', async () => {
      const throttle = await start();
      const until = Date.now() + 400;
      await throttle.pauseUntil('comptage_auto', new Date(until));
      expect(await throttle.acquire('synth_contrat_auto', 5000)).toEqual({ ok: true });
      expect(Date.now()).toBeLessThan(until - 100);
      expect((await throttle.budget('comptage_auto')).pausedUntil?.getTime()).toBeGreaterThanOrEqual(until - 5);
      expect(await throttle.acquire('comptage_auto', 5000)).toEqual({ ok: true });
      expect(Date.now()).toBeGreaterThanOrEqual(until - 5);
    });

    it('when the wait would exceed what the caller accepts, then nothing is taken and the answer says how long', async () => {
      const throttle = await start();
      await throttle.pauseUntil('mesure_synchrone_auto', new Date(Date.now() + 5000));
      const started = Date.now();
      const refused = await throttle.acquire('mesure_synchrone_auto', 100);
      expect(Date.now() - started).toBeLessThan(500);
      expect(refused).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
      expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(4000);
      expect(!refused.ok && refused.retryAfterMs).toBeLessThanOrEqual(5000);
      expect((await throttle.budget('mesure_synchrone_auto')).usedThisHour).toBe(0);
    });

    it('when an API has spent its hourly budget, then the next call is refused until the hour ends, and its budget says so', async () => {
      await awayFromTheHour();
      const throttle = await start({ perSecond: 50, perHour: 3 });
      for (let i = 0; i < 3; i++) expect(await throttle.acquire('mesure_synchrone_auto', 1000)).toEqual({ ok: true });
      const refused = await throttle.acquire('mesure_synchrone_auto', 1000);
      expect(refused.ok).toBe(false);
      expect(Math.abs((!refused.ok ? refused.retryAfterMs : 0) - msToNextHour())).toBeLessThan(2000);
      const budget = await throttle.budget('mesure_synchrone_auto');
      expect(budget).toMatchObject({ api: 'mesure_synchrone_auto', usedThisHour: 3, limitPerHour: 3 });
      expect(budget.resetsAt.getTime() % HOUR_MS).toBe(0);
      expect(Math.abs(budget.resetsAt.getTime() - Date.now() - msToNextHour())).toBeLessThan(2000);
      expect(await throttle.acquire('donnees_generales_auto', 1000)).toEqual({ ok: true });
    });
  });
}
