import { addDays, type LocalDate } from './local-date.js';
import { intervalMinutes, type IntervalReading } from './metering.js';
import { parisMidnightUtcMs } from './paris-time.js';

/**
 * Whether a day's curve readings cover it from its first to its last minute without a gap, whatever
 * resolutions they mix (a meter may report PT30M, then PT10M, PT15M or PT60M within one day) and
 * however long the day is (23, 24 or 25 hours). Readings are stamped at their interval's start.
 */
export function coversDay(day: LocalDate, readings: readonly IntervalReading[]): boolean {
  const start = parisMidnightUtcMs(day);
  const end = parisMidnightUtcMs(addDays(day, 1));
  const spans = readings
    .map((r) => {
      const from = Date.parse(r.date);
      return [from, from + intervalMinutes(r.interval_length) * 60_000] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  let covered = start;
  for (const [from, to] of spans) {
    if (from > covered) return false;
    covered = Math.max(covered, to);
  }
  return covered >= end;
}
