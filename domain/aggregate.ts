import { invalidInput, type InvalidInput } from './errors.js';
import { err, ok, type Result } from './result.js';
import { rangeDays, type DateRange } from './date-range.js';
import { addDays, addMonths, dayOfYear, weekday, type LocalDate } from './local-date.js';
import { intervalMinutes, KIND_SPECS, readingDay, type IntervalReading, type MeteringKind } from './metering.js';
import { formatParisIso, parisMidnightUtcMs } from './paris-time.js';

/** How readings are grouped: clock hours (curves only), or Paris calendar days, ISO weeks, months, years. */
export type GroupBy = 'hour' | 'day' | 'week' | 'month' | 'year';
export const GROUP_BYS: readonly GroupBy[] = ['hour', 'day', 'week', 'month', 'year'];

/** One group: its bounds, its energy in Wh (or its peak in VA, with the peak's instant), and whether all of it is there. */
export interface ReadingGroup {
  /** `2026-01-05T13:00:00+01:00` (hour), `2026-01-05`, `2026-W02`, `2026-01`, `2026`. */
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly value: number;
  /** False when some of the group (within the range) has no reading: a sum of what is there. */
  readonly complete: boolean;
  readonly peakAt?: string;
}

const HOUR_MS = 3_600_000;

/** The ISO week of a day: `2026-W02` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: LocalDate): { label: string; monday: LocalDate } {
  const monday = addDays(day, -((weekday(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return { label: `${thursday.slice(0, 4)}-W${String(week).padStart(2, '0')}`, monday };
}

/** The calendar period holding `day`: its label and its first and following days. */
function periodOf(day: LocalDate, by: Exclude<GroupBy, 'hour'>): { label: string; first: LocalDate; next: LocalDate } {
  switch (by) {
    case 'day':
      return { label: day, first: day, next: addDays(day, 1) };
    case 'week': {
      const { label, monday } = isoWeek(day);
      return { label, first: monday, next: addDays(monday, 7) };
    }
    case 'month': {
      const first = `${day.slice(0, 7)}-01` as LocalDate;
      return { label: day.slice(0, 7), first, next: addMonths(first, 1) };
    }
    case 'year':
      return { label: day.slice(0, 4), first: `${day.slice(0, 4)}-01-01` as LocalDate, next: `${Number(day.slice(0, 4)) + 1}-01-01` as LocalDate };
  }
}

interface Bucket {
  readonly period: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Minutes of the bucket within the range (what a complete bucket covers). */
  expectedMinutes: number;
  coveredMinutes: number;
  /** Watt-minutes (curves), Wh (daily energy) or the peak VA. */
  total: number;
  peak: IntervalReading | null;
}

/** Minutes in a Paris day: 1440, 1380 on the last Sunday of March, 1500 on the last Sunday of October. */
export function dayMinutes(day: LocalDate): number {
  const month = day.slice(5, 7);
  if ((month !== '03' && month !== '10') || Number(day.slice(8, 10)) < 25 || weekday(day) !== 0) return 1440;
  return month === '03' ? 1380 : 1500;
}

/** The label of the calendar period holding `day`, by string work alone (the bounds are computed once per period). */
function labelOf(day: LocalDate, by: Exclude<GroupBy, 'hour'>): string {
  return by === 'day' ? day : by === 'month' ? day.slice(0, 7) : by === 'year' ? day.slice(0, 4) : isoWeek(day).label;
}

/** The calendar buckets of a range, each clipped to it, and for each day its bucket and its minutes. */
function calendarBuckets(range: DateRange, by: Exclude<GroupBy, 'hour'>) {
  const buckets = new Map<string, Bucket>();
  const days = new Map<string, { bucket: Bucket; minutes: number }>();
  for (const day of rangeDays(range)) {
    const label = labelOf(day, by);
    let bucket = buckets.get(label);
    if (!bucket) {
      const { first, next } = periodOf(day, by);
      bucket = {
        period: label,
        startMs: parisMidnightUtcMs(first),
        endMs: parisMidnightUtcMs(next),
        expectedMinutes: 0,
        coveredMinutes: 0,
        total: 0,
        peak: null,
      };
      buckets.set(label, bucket);
    }
    const minutes = dayMinutes(day);
    bucket.expectedMinutes += minutes;
    days.set(day, { bucket, minutes });
  }
  return { buckets, days };
}

/** The clock hours of a range: 24 a day, 23 on the spring-forward day, 25 on the fall-back day. */
function hourBuckets(range: DateRange): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (let t = parisMidnightUtcMs(range.start); t < parisMidnightUtcMs(range.end); t += HOUR_MS) {
    buckets.set(String(t), { period: formatParisIso(t), startMs: t, endMs: t + HOUR_MS, expectedMinutes: 60, coveredMinutes: 0, total: 0, peak: null });
  }
  return buckets;
}

/**
 * Readings of one kind grouped: energy summed in Wh (a curve's average W times its minutes), max
 * power as the group's peak with its instant. An hour with a missing interval, or a period with a
 * missing day, is flagged `complete: false`, never scaled up. Hours need a curve.
 */
export function groupReadings(kind: MeteringKind, readings: readonly IntervalReading[], range: DateRange, by: GroupBy): ReadingGroup[] {
  const spec = KIND_SPECS[kind];
  const calendar = by === 'hour' ? null : calendarBuckets(range, by);
  const hours = by === 'hour' ? hourBuckets(range) : null;
  const buckets = calendar ? calendar.buckets : hours!;
  for (const reading of readings) {
    const day = calendar ? calendar.days.get(readingDay(reading)) : undefined;
    const bucket = calendar ? day?.bucket : hours!.get(String(Math.floor(Date.parse(reading.date) / HOUR_MS) * HOUR_MS));
    if (!bucket) continue;
    if (spec.isCurve) {
      const minutes = intervalMinutes(reading.interval_length);
      bucket.total += reading.value * minutes;
      bucket.coveredMinutes += minutes;
    } else {
      bucket.coveredMinutes += day!.minutes;
      if (spec.readingType.aggregate === 'maximum') {
        if (!bucket.peak || reading.value > bucket.peak.value) bucket.peak = reading;
      } else bucket.total += reading.value;
    }
  }
  return [...buckets.values()].map((b) => {
    const isPeak = spec.readingType.aggregate === 'maximum';
    const value = isPeak ? (b.peak?.value ?? 0) : spec.isCurve ? Math.round((b.total / 60) * 1000) / 1000 : b.total;
    return {
      period: b.period,
      start: formatParisIso(b.startMs),
      end: formatParisIso(b.endMs),
      value,
      complete: b.coveredMinutes >= b.expectedMinutes,
      ...(isPeak && b.peak ? { peakAt: b.peak.date } : {}),
    };
  });
}

/** `group_by` for a kind: one of GROUP_BYS, hours only for load curves; undefined when absent. */
export function parseGroupBy(raw: unknown, kind: MeteringKind): Result<GroupBy | undefined, InvalidInput> {
  if (raw === undefined) return ok(undefined);
  if (!GROUP_BYS.includes(raw as GroupBy)) return err(invalidInput('group_by', `group_by is one of ${GROUP_BYS.join(', ')}`));
  if (raw === 'hour' && !KIND_SPECS[kind].isCurve)
    return err(invalidInput('group_by', 'group_by=hour needs a load curve (detail); daily data groups by day, week, month or year'));
  return ok(raw as GroupBy);
}
