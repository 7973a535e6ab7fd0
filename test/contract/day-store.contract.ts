import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import type { IntervalReading, MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayStore, DayToKeep, Shelf } from '../../ports/day-store.js';
import type { UserKey } from '../../ports/keyring.js';
import { newUsagePointId } from './fixtures.js';

export interface DayStoreHarness {
  readonly store: DayStore;
  /** A user's key, as the keyring the store seals with derives it. */
  userKey(userId: string): UserKey;
  /** Lets `seconds` pass for the store (a manual clock, or real time). */
  elapse(seconds: number): Promise<void>;
  close(): Promise<void>;
}

const days = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first as LocalDate, i));
const SETTLED = '2026-11-21' as LocalDate;

/** A daily reading built with `date` last, as a provider written by an embedder may well do. */
const dateLast = (date: LocalDate, value: number): IntervalReading => ({ value, quality: 'BRUT', date }) as IntervalReading;
const curveDay = (date: LocalDate): IntervalReading[] =>
  ['00:00', '00:30', '01:00'].map((time, i) => ({ value: 100 + i, date: `${date}T${time}:00+01:00`, interval_length: 'PT30M' }) as IntervalReading);

export function dayStoreContract(adapter: string, factory: () => Promise<DayStoreHarness>) {
  describe(`DayStore contract: ${adapter}`, () => {
    let harness: DayStoreHarness;
    let usagePointId: UsagePointId;
    let alice: UserKey;
    const shelf = (kind: MeteringKind = 'consumption:daily', userKey: UserKey | null = alice): Shelf => ({
      kind,
      usagePointId,
      userKey,
      rollsUp: kind.endsWith('daily'),
    });
    const keepDaily = (dates: readonly LocalDate[], ttlSeconds = 3600, to = shelf()) =>
      harness.store.keep(
        to,
        dates.map((date, i): DayToKeep => ({ date, readings: [dateLast(date, 1000 + i)], ttlSeconds })),
      );
    const read = (dates: readonly LocalDate[], on = shelf(), useStored = true) => harness.store.read(on, dates, { useStored, settledUntil: SETTLED });

    beforeEach(async () => {
      harness = await factory();
      usagePointId = newUsagePointId();
      alice = harness.userKey('alice');
    });
    afterEach(async () => {
      await harness.close();
    });

    it('when days were kept, then a read serves them, names the days it lacks, and answers every day in order', async () => {
      const range = days('2025-03-01', 10);
      await keepDaily(range.filter((_, i) => i !== 3 && i !== 7));
      const first = await read(range);
      expect(first.storedDays).toBe(8);
      expect(first.lacking).toEqual([range[3], range[7]]);
      expect(first.emptyDays).toEqual([]);
      const fetched = new Map([[range[3]!, [dateLast(range[3]!, 3)]]]);
      const answer = await first.answer(fetched);
      expect(answer.list().map((r) => [r.date, r.value])).toEqual(
        range.filter((_, i) => i !== 7).map((date, i) => [date, date === range[3] ? 3 : 1000 + (i > 3 ? i - 1 : i)]),
      );
      expect(JSON.parse(answer.json())).toEqual(answer.list());
      expect(Buffer.concat(answer.jsonPieces()).toString('utf8')).toBe(answer.json());
    });

    it('whatever the key order of the readings, days are counted and found, also once kept together', async () => {
      const range = days('2025-01-01', 60);
      await keepDaily(range);
      await (await read(range)).answer(new Map());
      // Read again (now from what the first answer kept together), then a span inside it.
      const again = await read(range);
      expect(again.storedDays).toBe(60);
      expect(again.emptyDays).toEqual([]);
      expect(again.lacking).toEqual([]);
      const inner = days('2025-01-17', 20);
      const answer = await (await read(inner)).answer(new Map());
      expect(answer.list().map((r) => r.date)).toEqual(inner);
      expect(answer.list().map((r) => r.value)).toEqual(inner.map((_, i) => 1016 + i));
    });

    it('when a day was kept empty, then it is served as empty, and counts as stored', async () => {
      const [day] = days('2025-05-05', 1);
      await harness.store.keep(shelf(), [{ date: day!, readings: [], ttlSeconds: 60 }]);
      const got = await read([day!]);
      expect([got.storedDays, got.emptyDays, got.lacking]).toEqual([1, [day], []]);
      expect((await got.answer(new Map())).list()).toEqual([]);
    });

    it('when a curve day holds several readings, then they come back together, in order', async () => {
      const range = days('2025-02-10', 3);
      await harness.store.keep(
        shelf('consumption:detail'),
        range.map((date) => ({ date, readings: curveDay(date), ttlSeconds: 60 })),
      );
      const got = await read(range, shelf('consumption:detail'));
      expect(got.storedDays).toBe(3);
      const answer = await got.answer(new Map());
      expect(answer.list().map((r) => r.date)).toEqual(range.flatMap((d) => curveDay(d).map((r) => r.date)));
    });

    it("when another user, or another kind, reads the same usage point's days, then nothing is served", async () => {
      const range = days('2025-04-01', 5);
      await keepDaily(range);
      const bob = await read(range, shelf('consumption:daily', harness.userKey('bob')));
      expect([bob.storedDays, bob.lacking]).toEqual([0, range]);
      expect((await bob.answer(new Map())).list()).toEqual([]);
      const production = await read(range, shelf('production:daily'));
      expect(production.storedDays).toBe(0);
    });

    it('when the store is not to be used, or there is no key, then nothing is read and nothing kept, and the answer holds what was fetched', async () => {
      const range = days('2025-06-01', 2);
      await keepDaily(range);
      const bypass = await read(range, shelf(), false);
      expect([bypass.storedDays, bypass.lacking]).toEqual([0, range]);
      const fetched = new Map(range.map((date) => [date, [dateLast(date, 7)]]));
      expect((await bypass.answer(fetched)).list().map((r) => r.value)).toEqual([7, 7]);
      const keyless = shelf('consumption:daily', null);
      await keepDaily(days('2025-07-01', 2), 60, keyless);
      expect((await read(days('2025-07-01', 2), keyless)).storedDays).toBe(0);
      expect((await read(days('2025-07-01', 2))).storedDays).toBe(0);
    });

    it('when a day outlives its time, then it is lacking again', async () => {
      const range = days('2025-08-01', 2);
      await keepDaily(range.slice(0, 1), 1);
      await keepDaily(range.slice(1), 3600);
      await harness.elapse(2);
      expect((await read(range)).lacking).toEqual(range.slice(0, 1));
    });

    it('when a document is kept, then its owner reads it back that day, and nobody else, nor another day', async () => {
      const contract = { subscribed_power: '9 kVA', offpeak_hours: 'HC (22H00-6H00)' };
      await harness.store.keepDocument('contract', usagePointId, '2026-11-23' as LocalDate, alice, contract, 60);
      expect(await harness.store.readDocument('contract', usagePointId, '2026-11-23' as LocalDate, alice)).toEqual(contract);
      expect(await harness.store.readDocument('contract', usagePointId, '2026-11-23' as LocalDate, harness.userKey('bob'))).toBeNull();
      expect(await harness.store.readDocument('contract', usagePointId, '2026-11-24' as LocalDate, alice)).toBeNull();
      expect(await harness.store.readDocument('address', usagePointId, '2026-11-23' as LocalDate, alice)).toBeNull();
    });

    it('when a usage point is forgotten, then its days and documents go, of every kind, and other usage points keep theirs', async () => {
      const other = newUsagePointId();
      const range = days('2025-09-01', 3);
      await keepDaily(range);
      await harness.store.keep(shelf('consumption:detail'), [{ date: range[0]!, readings: curveDay(range[0]!), ttlSeconds: 60 }]);
      await harness.store.keepDocument('contract', usagePointId, range[0]!, alice, { a: 1 }, 60);
      await keepDaily(range, 3600, { ...shelf(), usagePointId: other });
      expect(await harness.store.forgetUsagePoint(usagePointId)).toBe(5);
      expect((await read(range)).storedDays).toBe(0);
      expect((await read(range, shelf('consumption:detail'))).storedDays).toBe(0);
      expect(await harness.store.readDocument('contract', usagePointId, range[0]!, alice)).toBeNull();
      expect((await read(range, { ...shelf(), usagePointId: other })).storedDays).toBe(3);
    });
  });
}
