import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/local-date.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayCache, DayKey } from '../../ports/day-cache.js';
import { textOf, utf8 } from '../../adapters/sealed/json-bytes.js';
import type { UnchangedAwareCache } from '../../adapters/sealed/unchanged-protocol.js';
import { newUsagePointId } from './fixtures.js';

const bytes = utf8;
const texts = (values: (Uint8Array | null)[]) => values.map((v) => (v === null ? null : textOf(v)));

export interface DayCacheHarness {
  /** Every day cache of the project also speaks the sealed store's "unchanged" protocol. */
  readonly cache: DayCache & UnchangedAwareCache;
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
        { key: key(pdl, '2024-01-01'), value: bytes('one'), ttlSeconds: 60 },
        { key: key(pdl, '2024-01-03'), value: bytes('three'), ttlSeconds: 60 },
      ]);
      expect(texts(await harness.cache.getMany([key(pdl, '2024-01-03'), key(pdl, '2024-01-02'), key(pdl, '2024-01-01')]))).toEqual(['three', null, 'one']);
      expect(await harness.cache.getMany([])).toEqual([]);
    });

    it('when a value holds every byte value, then it comes back byte for byte', async () => {
      const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);
      await harness.cache.putMany([{ key: key(pdl, '2024-01-01'), value: binary, ttlSeconds: 60 }]);
      const [back] = await harness.cache.getMany([key(pdl, '2024-01-01')]);
      expect(back).not.toBeNull();
      expect(Array.from(back!)).toEqual(Array.from(binary));
    });

    it('when a read names the prefix a stored value begins with, then it answers unchanged for it, and values or null elsewhere', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: bytes('version-1:payload'), ttlSeconds: 60 },
        { key: key(pdl, '2024-01-02'), value: bytes('version-2:payload'), ttlSeconds: 60 },
      ]);
      const answers = await harness.cache.getManyUnlessKnown(
        [key(pdl, '2024-01-01'), key(pdl, '2024-01-02'), key(pdl, '2024-01-03'), key(pdl, '2024-01-01')],
        [bytes('version-1:'), bytes('version-1:'), bytes('version-3:'), null],
      );
      expect(answers.map((a) => (a === 'unchanged' || a === null ? a : textOf(a)))).toEqual(['unchanged', 'version-2:payload', null, 'version-1:payload']);
      const none = await harness.cache.getManyUnlessKnown([key(pdl, '2024-01-02')], [null]);
      expect(none.map((a) => (a === 'unchanged' || a === null ? a : textOf(a)))).toEqual(['version-2:payload']);
    });

    it('when a key is put again, then the new value replaces the old', async () => {
      await harness.cache.putMany([{ key: key(pdl, '2024-01-01'), value: bytes('old'), ttlSeconds: 60 }]);
      await harness.cache.putMany([{ key: key(pdl, '2024-01-01'), value: bytes('new'), ttlSeconds: 60 }]);
      expect(texts(await harness.cache.getMany([key(pdl, '2024-01-01')]))).toEqual(['new']);
    });

    it('when kinds differ for the same day, then they are separate entries', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01', 'consumption:daily'), value: bytes('c'), ttlSeconds: 60 },
        { key: key(pdl, '2024-01-01', 'production:daily'), value: bytes('p'), ttlSeconds: 60 },
      ]);
      expect(texts(await harness.cache.getMany([key(pdl, '2024-01-01', 'production:daily'), key(pdl, '2024-01-01', 'consumption:detail')]))).toEqual([
        'p',
        null,
      ]);
    });

    it('when an entry outlives its own TTL, then it is a miss while longer-lived ones remain', async () => {
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: bytes('short'), ttlSeconds: 1 },
        { key: key(pdl, '2024-01-02'), value: bytes('long'), ttlSeconds: 60 },
      ]);
      await harness.elapse(2);
      expect(texts(await harness.cache.getMany([key(pdl, '2024-01-01'), key(pdl, '2024-01-02')]))).toEqual([null, 'long']);
    });

    it('when a usage point is purged, then all its kinds go, the count says how many, and other usage points stay', async () => {
      const other = newUsagePointId();
      await harness.cache.putMany([
        { key: key(pdl, '2024-01-01'), value: bytes('a'), ttlSeconds: 60 },
        { key: key(pdl, '2024-01-02', 'consumption:detail'), value: bytes('b'), ttlSeconds: 60 },
        { key: key(pdl, '2024-01-03', 'contract'), value: bytes('c'), ttlSeconds: 60 },
        { key: key(other, '2024-01-01'), value: bytes('keep'), ttlSeconds: 60 },
      ]);
      expect(await harness.cache.deleteUsagePoint(pdl)).toBe(3);
      expect(texts(await harness.cache.getMany([key(pdl, '2024-01-01'), key(pdl, '2024-01-02', 'consumption:detail'), key(other, '2024-01-01')]))).toEqual([
        null,
        null,
        'keep',
      ]);
      expect(await harness.cache.deleteUsagePoint(pdl)).toBe(0);
    });
  });
}
