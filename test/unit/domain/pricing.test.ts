import { describe, expect, it } from 'vitest';
import { rangeDays } from '../../../domain/date-range.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { IntervalReading } from '../../../domain/metering.js';
import type { Offer, OfferEntry } from '../../../domain/offers.js';
import { intervalStarts, formatParisIso } from '../../../domain/paris-time.js';
import { apportion, daySubscription, groupTotal, priceConsumption, unitsToCents, type CostGroup } from '../../../domain/pricing.js';
import type { TempoColor } from '../../../domain/tempo.js';

const d = (s: string) => s as LocalDate;
const range = (start: string, end: string) => ({ start: d(start), end: d(end) });
let n = 0;
const offer = (entry: Partial<OfferEntry>): Offer => ({
  provider: 'EDF',
  providerWebsite: null,
  name: 'Test',
  offerType: 'BASE',
  powerKva: 6,
  validFrom: d('2020-01-01'),
  validTo: null,
  subscriptionMicroPerYear: 0,
  prices: {},
  description: null,
  source: null,
  id: `offer-${n++}`,
  providerId: 'p',
  active: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...entry,
});
/** A constant draw of `watts` on every half-hour of the days of [start, end). */
const curve = (start: string, end: string, watts = 1000): IntervalReading[] =>
  rangeDays(range(start, end)).flatMap((day) =>
    intervalStarts(day, 30).map((t) => ({ date: formatParisIso(t), value: watts, quality: 'BRUT', interval_length: 'PT30M' })),
  );
/** Cost units to euros with 6 decimals, for hand-computed comparisons. */
const eur = (units: bigint) => Number((units * 1_000_000n) / 60_000_000_000n) / 1_000_000;
const kwh = (wmin: bigint | undefined) => Number(wmin ?? 0n) / 60_000;
const lines = (g: CostGroup, target = unitsToCents(groupTotal(g))) => apportion([...g.energy.values(), g.subscription], target);
const noContext = { offpeak: null, tempo: new Map<LocalDate, TempoColor>() };

describe('pricing consumption, checked against hand computation', () => {
  it('when a week of curve meets two off-peak ranges, then 16 of 48 half-hours a day are off-peak and the bill is 44.79 €', () => {
    const hphc = offer({ offerType: 'HC_HP', subscriptionMicroPerYear: 157_870_000, prices: { hc: 206_800, hp: 270_000 } });
    const [month] = priceConsumption({
      offers: [hphc],
      range: range('2024-03-04', '2024-03-11'),
      curve: curve('2024-03-04', '2024-03-11'),
      daily: [],
      context: { offpeak: ['01:00-07:00', '12:30-14:30'], tempo: new Map() },
      groupBy: 'month',
    });
    // 7 days × 16 half-hours × 500 Wh = 56 kWh off-peak, 7 × 32 × 500 Wh = 112 kWh peak.
    expect(kwh(month!.wmin.get('hc'))).toBe(56);
    expect(kwh(month!.wmin.get('hp'))).toBe(112);
    expect(eur(month!.energy.get('hc')!)).toBe(11.5808); // 56 × 0.2068
    expect(eur(month!.energy.get('hp')!)).toBe(30.24); // 112 × 0.2700
    expect(eur(month!.subscription)).toBe(2.970672); // 157.87 / 12 × 7 / 31
    expect(unitsToCents(groupTotal(month!))).toBe(4479n);
    expect([...month!.energy.keys()]).toEqual(['hp', 'hc']);
    expect(lines(month!)).toEqual([3024n, 1158n, 297n]); // 30.24 + 11.58 + 2.97 = 44.79
  });

  it('when a Tempo span holds a red day, then 00:00–06:00 belongs to the previous Tempo day (the 05:30 interval after a red day is red)', () => {
    const tempo = offer({
      offerType: 'TEMPO',
      powerKva: 9,
      subscriptionMicroPerYear: 196_320_000,
      prices: { blue_hc: 129_600, blue_hp: 160_900, white_hc: 148_600, white_hp: 189_400, red_hc: 156_800, red_hp: 756_200 },
    });
    const colours = new Map<LocalDate, TempoColor>([
      [d('2024-01-08'), 'BLUE'],
      [d('2024-01-09'), 'RED'],
      [d('2024-01-10'), 'WHITE'],
    ]);
    const [group] = priceConsumption({
      offers: [tempo],
      range: range('2024-01-09', '2024-01-11'),
      curve: curve('2024-01-09', '2024-01-11'),
      daily: [],
      context: { offpeak: null, tempo: colours },
      groupBy: 'month',
    });
    expect(Object.fromEntries([...group!.wmin].map(([slot, w]) => [slot, kwh(w)]))).toEqual({ blue_hc: 6, red_hp: 16, red_hc: 8, white_hp: 16, white_hc: 2 });
    expect(eur(groupTotal(group!) - group!.subscription)).toBe(17.4588); // 0.7776 + 12.0992 + 1.2544 + 3.0304 + 0.2972
    expect(eur(group!.subscription)).toBe(1.055483); // 196.32 / 12 × 2 / 31
    expect(unitsToCents(groupTotal(group!))).toBe(1851n);
    // The 05:30 interval of 10 January alone, red day or not.
    const [one] = priceConsumption({
      offers: [tempo],
      range: range('2024-01-10', '2024-01-11'),
      curve: curve('2024-01-10', '2024-01-11').filter((r) => r.date === '2024-01-10T05:30:00+01:00'),
      daily: [],
      context: { offpeak: null, tempo: colours },
      groupBy: 'day',
    });
    expect([...one!.wmin.keys()]).toEqual(['red_hc']);
  });

  it('when prices change on 1 February, then each day is priced with the period in force, subscription included', () => {
    const january = offer({ validTo: d('2025-02-01'), subscriptionMicroPerYear: 151_860_000, prices: { base: 251_600 } });
    const february = offer({ validFrom: d('2025-02-01'), subscriptionMicroPerYear: 150_000_000, prices: { base: 201_600 } });
    const groups = priceConsumption({
      offers: [january, february],
      range: range('2025-01-31', '2025-02-02'),
      curve: curve('2025-01-31', '2025-02-02'),
      daily: [],
      context: noContext,
      groupBy: 'day',
    });
    expect(groups.map((g) => eur(g.energy.get('base')!))).toEqual([6.0384, 4.8384]); // 24 kWh × 0.2516, × 0.2016
    expect(groups.map((g) => eur(g.subscription))).toEqual([0.408225, 0.446428]); // 151.86/12/31, 150/12/28
    expect(groups.map((g) => unitsToCents(groupTotal(g)))).toEqual([645n, 528n]);
    const total = groups.reduce((sum, g) => sum + groupTotal(g), 0n);
    expect(unitsToCents(total)).toBe(1173n);
  });

  it('when days are the DST ones, then 46 and 50 half-hours are priced, and an off-peak hour skipped or repeated counts 0 or 2 times', () => {
    const base = offer({ prices: { base: 251_600 } });
    const groups = priceConsumption({
      offers: [base],
      range: range('2024-03-31', '2024-04-01'),
      curve: curve('2024-03-31', '2024-04-01'),
      daily: [],
      context: noContext,
      groupBy: 'day',
    });
    expect(kwh(groups[0]!.wmin.get('base'))).toBe(23);
    expect(eur(groups[0]!.energy.get('base')!)).toBe(5.7868);
    const october = priceConsumption({
      offers: [base],
      range: range('2024-10-27', '2024-10-28'),
      curve: curve('2024-10-27', '2024-10-28'),
      daily: [],
      context: noContext,
      groupBy: 'day',
    });
    expect(eur(october[0]!.energy.get('base')!)).toBe(6.29); // 25 kWh
    const hphc = offer({ offerType: 'HC_HP', prices: { hc: 200_000, hp: 300_000 } });
    const context = { offpeak: ['02:00-03:00'], tempo: new Map() };
    const spring = priceConsumption({
      offers: [hphc],
      range: range('2024-03-31', '2024-04-01'),
      curve: curve('2024-03-31', '2024-04-01'),
      daily: [],
      context,
      groupBy: 'day',
    });
    const autumn = priceConsumption({
      offers: [hphc],
      range: range('2024-10-27', '2024-10-28'),
      curve: curve('2024-10-27', '2024-10-28'),
      daily: [],
      context,
      groupBy: 'day',
    });
    expect(kwh(spring[0]!.wmin.get('hc'))).toBe(0);
    expect(kwh(autumn[0]!.wmin.get('hc'))).toBe(2);
  });

  it('when a day has no curve, then a BASE offer prices its daily total and a slotted offer reports it not split, never guessed', () => {
    const daily = [{ date: '2024-05-02', value: 12_345, quality: 'BRUT' }];
    const base = priceConsumption({
      offers: [offer({ prices: { base: 200_000 } })],
      range: range('2024-05-02', '2024-05-03'),
      curve: [],
      daily,
      context: noContext,
      groupBy: 'day',
    });
    expect(eur(base[0]!.energy.get('base')!)).toBe(2.469); // 12.345 kWh × 0.20
    const slotted = priceConsumption({
      offers: [offer({ offerType: 'HC_HP', prices: { hc: 1, hp: 2 } })],
      range: range('2024-05-02', '2024-05-04'),
      curve: [],
      daily,
      context: { offpeak: ['22:00-06:00'], tempo: new Map() },
      groupBy: 'day',
    });
    expect(slotted[0]!.energy.size).toBe(0);
    expect(slotted[0]!.unpriced).toEqual([{ date: '2024-05-02', reason: 'no_load_curve', wmin: 12_345n * 60n }]);
    expect(slotted[1]!.unpriced).toEqual([{ date: '2024-05-03', reason: 'no_data', wmin: 0n }]);
    const noOffer = priceConsumption({
      offers: [offer({ validFrom: d('2030-01-01') })],
      range: range('2024-05-02', '2024-05-03'),
      curve: [],
      daily,
      context: noContext,
      groupBy: 'day',
    });
    expect(noOffer[0]).toMatchObject({ subscription: 0n, unpriced: [{ reason: 'no_offer' }] });
  });

  it('when a whole month is priced, then its subscription is exactly a twelfth of the year, and cents add up across groupings', () => {
    const days = rangeDays(range('2024-02-01', '2024-03-01'));
    expect(days.reduce((sum, day) => sum + daySubscription(157_870_000, day), 0n)).toBe(157_870_000n * 5_000n);
    const hphc = offer({ offerType: 'HC_HP', subscriptionMicroPerYear: 157_870_000, prices: { hc: 206_800, hp: 270_000 } });
    const readings = curve('2024-01-15', '2024-03-20').map((r, i) => ({ ...r, value: 137 + ((i * 7919) % 2_311) }));
    const input = {
      offers: [hphc],
      range: range('2024-01-15', '2024-03-20'),
      curve: readings,
      daily: [],
      context: { offpeak: ['22:00-06:00'], tempo: new Map() },
    };
    const byDay = priceConsumption({ ...input, groupBy: 'day' });
    const byMonth = priceConsumption({ ...input, groupBy: 'month' });
    const exact = (gs: CostGroup[]) => gs.reduce((sum, g) => sum + groupTotal(g), 0n);
    expect(exact(byDay)).toBe(exact(byMonth));
    const total = unitsToCents(exact(byMonth));
    for (const groups of [byDay, byMonth]) {
      const cents = apportion(groups.map(groupTotal), total);
      expect(cents.reduce((a, b) => a + b, 0n)).toBe(total);
      groups.forEach((g, i) => {
        expect(cents[i]! - unitsToCents(groupTotal(g))).toBeGreaterThanOrEqual(-1n);
        expect(lines(g, cents[i]!).reduce((a, b) => a + b, 0n)).toBe(cents[i]);
      });
    }
  });
});
