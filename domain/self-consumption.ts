import { groupReadings, type GroupBy } from './aggregate.js';
import type { DateRange } from './date-range.js';
import type { IntervalReading } from './metering.js';

/** A group's energy flows in Wh, and its two rates (null when there is nothing to divide by). */
export interface SelfConsumptionGroup {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly productionWh: number;
  readonly consumptionWh: number;
  readonly selfConsumedWh: number;
  readonly injectedWh: number;
  readonly drawnWh: number;
  /** Share of the production used on site. */
  readonly selfConsumptionRate: number | null;
  /** Share of the consumption covered by the production. */
  readonly selfSufficiencyRate: number | null;
  readonly complete: boolean;
}

/** `part / whole` to four decimals, null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * Self-consumption from a consumption and a production load curve, interval by interval where both
 * have one: self-consumed = min(production, consumption), injected = production − self-consumed,
 * drawn = consumption − self-consumed; so self-consumed + injected = produced and self-consumed +
 * drawn = consumed, exactly. Intervals that only one curve has are left out and counted (`unpaired`).
 */
export function selfConsumption(consumption: readonly IntervalReading[], production: readonly IntervalReading[], range: DateRange, by: GroupBy) {
  const produced = new Map(production.map((r) => [Date.parse(r.date), r]));
  const flows = {
    production: [] as IntervalReading[],
    consumption: [] as IntervalReading[],
    self: [] as IntervalReading[],
    injected: [] as IntervalReading[],
    drawn: [] as IntervalReading[],
  };
  let paired = 0;
  for (const c of consumption) {
    const p = produced.get(Date.parse(c.date));
    if (!p || p.interval_length !== c.interval_length) continue;
    paired++;
    const self = Math.min(p.value, c.value);
    const at = (value: number): IntervalReading => ({ ...c, value });
    flows.production.push(at(p.value));
    flows.consumption.push(at(c.value));
    flows.self.push(at(self));
    flows.injected.push(at(p.value - self));
    flows.drawn.push(at(c.value - self));
  }
  const grouped = Object.fromEntries(
    Object.entries(flows).map(([name, readings]) => [name, groupReadings('consumption:detail', readings, range, by)]),
  ) as Record<keyof typeof flows, ReturnType<typeof groupReadings>>;
  const groups: SelfConsumptionGroup[] = grouped.consumption.map((g, i) => {
    const [productionWh, consumptionWh, selfConsumedWh] = [grouped.production[i]!.value, g.value, grouped.self[i]!.value];
    return {
      period: g.period,
      start: g.start,
      end: g.end,
      productionWh,
      consumptionWh,
      selfConsumedWh,
      injectedWh: grouped.injected[i]!.value,
      drawnWh: grouped.drawn[i]!.value,
      selfConsumptionRate: rate(selfConsumedWh, productionWh),
      selfSufficiencyRate: rate(selfConsumedWh, consumptionWh),
      complete: g.complete,
    };
  });
  return { groups, unpaired: consumption.length + production.length - 2 * paired };
}
