import { describe, expect, it } from 'vitest';
import { rangeDays } from '../../../domain/date-range.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { IntervalReading } from '../../../domain/metering.js';
import { formatParisIso, intervalStarts } from '../../../domain/paris-time.js';
import { selfConsumption } from '../../../domain/self-consumption.js';

const range = { start: '2026-06-01' as LocalDate, end: '2026-06-03' as LocalDate };
const curve = (watts: (t: number, i: number) => number): IntervalReading[] =>
  rangeDays(range).flatMap((day) =>
    intervalStarts(day, 30).map((t, i) => ({ date: formatParisIso(t), value: watts(t, i), quality: 'BRUT', interval_length: 'PT30M' })),
  );

describe('self-consumption', () => {
  it('when both curves are there, then self-consumed + injected = produced and self-consumed + drawn = consumed, per interval summed', () => {
    const consumption = curve((_t, i) => 400 + ((i * 37) % 900));
    const production = curve((_t, i) => (i >= 14 && i < 40 ? 1200 + ((i * 53) % 700) : 0));
    const { groups, unpaired } = selfConsumption(consumption, production, range, 'day');
    expect(unpaired).toBe(0);
    expect(groups).toHaveLength(2);
    for (const g of groups) {
      expect(g.selfConsumedWh + g.injectedWh).toBeCloseTo(g.productionWh, 6);
      expect(g.selfConsumedWh + g.drawnWh).toBeCloseTo(g.consumptionWh, 6);
      expect(g.selfConsumedWh).toBeLessThanOrEqual(g.consumptionWh);
      expect(g.selfConsumedWh).toBeLessThanOrEqual(g.productionWh);
      expect(g.selfConsumptionRate).toBeCloseTo(g.selfConsumedWh / g.productionWh, 4);
      expect(g.selfSufficiencyRate).toBeCloseTo(g.selfConsumedWh / g.consumptionWh, 4);
    }
    // By hand, one interval: 1000 W drawn while 1500 W produced → 500 Wh self-consumed, 250 Wh injected, nothing drawn.
    const one = selfConsumption([{ ...consumption[20]!, value: 1000 }], [{ ...production[20]!, value: 1500 }], range, 'day');
    expect(one.groups[0]).toMatchObject({ productionWh: 750, consumptionWh: 500, selfConsumedWh: 500, injectedWh: 250, drawnWh: 0, selfSufficiencyRate: 1 });
  });

  it('when an interval is in one curve only, then it is left out and counted, and the group is incomplete', () => {
    const consumption = curve(() => 500);
    const production = curve(() => 100).slice(1);
    const { groups, unpaired } = selfConsumption(consumption, production, range, 'day');
    expect(unpaired).toBe(1);
    expect(groups[0]!.complete).toBe(false);
    expect(groups[0]!.consumptionWh).toBe(47 * 250);
    expect(groups[1]!.complete).toBe(true);
    const night = selfConsumption(
      curve(() => 500),
      curve(() => 0),
      range,
      'day',
    );
    expect(night.groups[0]).toMatchObject({ selfConsumedWh: 0, selfConsumptionRate: null, selfSufficiencyRate: 0 });
  });
});
