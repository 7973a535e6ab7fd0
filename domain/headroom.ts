import type { IntervalReading } from './metering.js';

/** How a range's daily max power stood against the subscribed power. */
export interface Headroom {
  readonly subscribedPowerKva: number;
  /** The days whose peak went over the subscribed power, with the instant and the value (VA). */
  readonly over: ReadonlyArray<{ readonly date: string; readonly at: string; readonly value: number }>;
  /** The highest peak of the range and its share of the subscribed power (1 is all of it). */
  readonly highest: { readonly at: string; readonly value: number; readonly share: number } | null;
}

/** Daily max power readings (VA, dated at the instant of the peak) against a subscribed power in kVA. */
export function headroomOf(readings: readonly IntervalReading[], subscribedPowerKva: number): Headroom {
  const limit = subscribedPowerKva * 1000;
  const over = readings.filter((r) => r.value > limit).map((r) => ({ date: r.date.slice(0, 10), at: r.date, value: r.value }));
  const top = readings.reduce<IntervalReading | null>((best, r) => (!best || r.value > best.value ? r : best), null);
  return {
    subscribedPowerKva,
    over,
    highest: top ? { at: top.date, value: top.value, share: Math.round((top.value / limit) * 1000) / 1000 } : null,
  };
}
