import { describe, expect, it } from 'vitest';
import { rangeDays } from '../../../domain/date-range.js';
import { dayMinutes, groupReadings, isoWeek } from '../../../domain/aggregate.js';
import { addDays } from '../../../domain/local-date.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { IntervalReading } from '../../../domain/metering.js';
import { formatParisIso, intervalStarts, parisMidnightUtcMs } from '../../../domain/paris-time.js';

const d = (s: string) => s as LocalDate;
const range = (start: string, end: string) => ({ start: d(start), end: d(end) });
const curve = (start: string, end: string, watts: (i: number) => number = () => 1000): IntervalReading[] => {
  let i = 0;
  return rangeDays(range(start, end)).flatMap((day) =>
    intervalStarts(day, 30).map((t) => ({ date: formatParisIso(t), value: watts(i++), quality: 'BRUT', interval_length: 'PT30M' })),
  );
};
const daily = (start: string, end: string, wh: (day: string) => number): IntervalReading[] =>
  rangeDays(range(start, end)).map((day) => ({ date: day, value: wh(day), quality: 'BRUT' }));

describe('grouping readings', () => {
  it('when DST days are grouped by hour, then they have 23 and 25 hour buckets, the repeated hour twice in order', () => {
    const spring = groupReadings('consumption:detail', curve('2026-03-29', '2026-03-30'), range('2026-03-29', '2026-03-30'), 'hour');
    expect(spring).toHaveLength(23);
    expect(spring.map((g) => g.period).slice(1, 3)).toEqual(['2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00']);
    const autumn = groupReadings('consumption:detail', curve('2026-10-25', '2026-10-26'), range('2026-10-25', '2026-10-26'), 'hour');
    expect(autumn).toHaveLength(25);
    expect(autumn.map((g) => g.period).slice(2, 4)).toEqual(['2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00']);
    expect(autumn.every((g) => g.value === 1000 && g.complete)).toBe(true); // two half-hours of 1000 W = 1000 Wh
  });

  it('when an hour misses a half-hour, then it is flagged and not scaled up', () => {
    const readings = curve('2026-01-05', '2026-01-06').filter((r) => r.date !== '2026-01-05T13:30:00+01:00');
    const hours = groupReadings('consumption:detail', readings, range('2026-01-05', '2026-01-06'), 'hour');
    const thirteen = hours.find((h) => h.period === '2026-01-05T13:00:00+01:00')!;
    expect(thirteen).toMatchObject({ value: 500, complete: false });
    const [day] = groupReadings('consumption:detail', readings, range('2026-01-05', '2026-01-06'), 'day');
    expect(day).toMatchObject({ value: 23_500, complete: false });
  });

  it('when days are grouped by week, month and year, then the sums of the groups are the sum of their days', () => {
    const readings = daily('2025-12-15', '2026-02-10', (day) => 10_000 + Number(day.slice(8)) * 7);
    const span = range('2025-12-15', '2026-02-10');
    const total = readings.reduce((s, r) => s + r.value, 0);
    for (const by of ['week', 'month', 'year'] as const) {
      const groups = groupReadings('consumption:daily', readings, span, by);
      expect(groups.reduce((s, g) => s + g.value, 0)).toBe(total);
    }
    const months = groupReadings('consumption:daily', readings, span, 'month');
    expect(months.map((m) => [m.period, m.start])).toEqual([
      ['2025-12', '2025-12-01T00:00:00+01:00'],
      ['2026-01', '2026-01-01T00:00:00+01:00'],
      ['2026-02', '2026-02-01T00:00:00+01:00'],
    ]);
    expect(months.every((m) => m.complete)).toBe(true); // complete within the range asked
    const weeks = groupReadings('consumption:daily', readings, span, 'week');
    expect(weeks[0]!.period).toBe('2025-W51');
    expect(weeks.find((w) => w.period === '2026-W01')!.start).toBe('2025-12-29T00:00:00+01:00');
  });

  it('when max power is grouped, then each group has its peak and the instant of it', () => {
    const readings: IntervalReading[] = [
      { date: '2026-01-05T19:30:00+01:00', value: 5400, quality: 'BRUT' },
      { date: '2026-01-06T08:00:00+01:00', value: 6100, quality: 'BRUT' },
      { date: '2026-01-07T20:00:00+01:00', value: 4000, quality: 'BRUT' },
    ];
    const [week] = groupReadings('consumption:max_power', readings, range('2026-01-05', '2026-01-08'), 'week');
    expect(week).toMatchObject({ period: '2026-W02', value: 6100, peakAt: '2026-01-06T08:00:00+01:00', complete: true });
  });

  it('when ISO weeks are named, then the year is the Thursday’s', () => {
    expect(isoWeek(d('2026-12-31')).label).toBe('2026-W53');
    expect(isoWeek(d('2027-01-03')).label).toBe('2026-W53');
    expect(isoWeek(d('2027-01-04')).label).toBe('2027-W01');
    expect(isoWeek(d('2025-12-29')).label).toBe('2026-W01');
  });

  it('when day lengths are told from the date alone, then they match the Paris midnights on every day from 2019 to 2030', () => {
    for (const day of rangeDays(range('2019-01-01', '2031-01-01'))) {
      expect(dayMinutes(day)).toBe((parisMidnightUtcMs(addDays(day, 1)) - parisMidnightUtcMs(day)) / 60_000);
    }
  });
});
