import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/local-date.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayCache, DayKey } from '../../ports/day-cache.js';
import { newUsagePointId } from './fixtures.js';

export interface DayCacheHarness {
  readonly cache: DayCache;
  /** Lets `seconds` pass for the cache (a manual clock, or real time). */
  elapse(seconds: number): Promise<void>;
  close(): Promise<void>;
}

const key = (usagePointId: UsagePointId, date: string, kind: DayKey['kind'] = 'consumption:daily'): DayKey => ({
  kind,
  usagePointId,
  date: date as LocalDate,
});

export function dayCacheContract(adapter: string, factory: () => Promise<DayCacheHarness>) {
  describe(`DayCache contract: ${adapter}`, () => {
    let harness: DayCacheHarness;
    let pdl: UsagePointId;
    beforeEach(async () => {
      harness = await factory();
      pdl = newUsagePointId();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('when values are put in a batch, then a batch get answers them in the order asked, null for misses', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: 'one', ttlSeconds: 60 },
        { key: key(pdl, '2024-01-03'), value: 'three', ttlSeconds: 60 },
      ]);
      expect(await harness.cache.getMany([key(pdl, '2024-01-03'), key(pdl, '2024-01-02'), key(pdl, '2024-01-01')])).toEqual(['three', null, 'one']);
      expect(await harness.cache.getMany([])).toEqual([]);
    });

    it('when a key is put again, then the new value replaces the old', async () => {
      await harness.cache.putMany([{ key: key(pdl, '2024-01-01'), value: 'old', ttlSeconds: 60 }]);
      await harness.cache.putMany([{ key: key(pdl, '2024-01-01'), value: 'new', ttlSeconds: 60 }]);
      expect(await harness.cache.getMany([key(pdl, '2024-01-01')])).toEqual(['new']);
    });

    it('when kinds differ for the same day, then they are separate entries', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01', 'consumption:daily'), value: 'c', ttlSeconds: 60 },
        { key: key(pdl, '2024-01-01', 'production:daily'), value: 'p', ttlSeconds: 60 },
      ]);
      expect(await harness.cache.getMany([key(pdl, '2024-01-01', 'production:daily'), key(pdl, '2024-01-01', 'consumption:detail')])).toEqual(['p', null]);
    });

    it('when an entry outlives its own TTL, then it is a miss while longer-lived ones remain', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: 'short', ttlSeconds: 1 },
        { key: key(pdl, '2024-01-02'), value: 'long', ttlSeconds: 60 },
      ]);
      await harness.elapse(2);
      expect(await harness.cache.getMany([key(pdl, '2024-01-01'), key(pdl, '2024-01-02')])).toEqual([null, 'long']);
    });

    it('when a usage point is purged, then all its kinds go, the count says how many, and other usage points stay', async () => {
      const other = newUsagePointId();
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: 'a', ttlSeconds: 60 },
        { key: key(pdl, '2024-01-02', 'consumption:detail'), value: 'b', ttlSeconds: 60 },
        { key: key(pdl, '2024-01-03', 'contract'), value: 'c', ttlSeconds: 60 },
        { key: key(other, '2024-01-01'), value: 'keep', ttlSeconds: 60 },
      ]);
      expect(await harness.cache.deleteUsagePoint(pdl)).toBe(3);
      expect(await harness.cache.getMany([key(pdl, '2024-01-01'), key(pdl, '2024-01-02', 'consumption:detail'), key(other, '2024-01-01')])).toEqual([
        null,
        null,
        'keep',
      ]);
      expect(await harness.cache.deleteUsagePoint(pdl)).toBe(0);
    });
  });
}
