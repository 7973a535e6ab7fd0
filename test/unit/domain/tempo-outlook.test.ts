import { describe, expect, it } from 'vitest';
import { rangeDays } from '../../../domain/date-range.js';
import type { LocalDate } from '../../../domain/local-date.js';
import { tempoOutlook, tempoSeasonStats, outlookDays } from '../../../domain/tempo-outlook.js';
import type { TempoDay } from '../../../domain/tempo.js';

const d = (s: string) => s as LocalDate;
/** A season published up to 2026-11-30: 3 red and 5 white days so far, the rest blue. */
const known: TempoDay[] = rangeDays({ start: d('2026-09-01'), end: d('2026-12-01') }).map((date) => ({
  date,
  color: ['2026-11-16', '2026-11-17', '2026-11-18'].includes(date)
    ? 'RED'
    : ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].includes(date)
      ? 'WHITE'
      : 'BLUE',
}));

describe('the Tempo outlook', () => {
  it('when a season is counted, then used and left add up to 22 red, 43 white and the rest blue', () => {
    const stats = tempoSeasonStats(d('2026-11-30'), known);
    expect(stats).toEqual({ season: '2026/2027', used: { BLUE: 83, WHITE: 5, RED: 3 }, remaining: { BLUE: 300 - 83, WHITE: 38, RED: 19 } });
    // 2027/2028 holds 29 February 2028: 366 days, 301 blue.
    expect(tempoSeasonStats(d('2027-10-01'), []).remaining).toEqual({ BLUE: 301, WHITE: 43, RED: 22 });
  });

  it('when open days are forecast, then weekends are never red, Sundays always blue, and the red odds over the open weekdays add up to the red days left', () => {
    const days = rangeDays({ start: d('2026-12-01'), end: d('2027-09-01') });
    const outlook = tempoOutlook(days, known);
    const byDate = new Map(outlook.map((o) => [o.date, o]));
    expect(byDate.get(d('2026-12-05'))!.probability.RED).toBe(0); // a Saturday
    expect(byDate.get(d('2026-12-06'))!.probability).toEqual({ BLUE: 1, WHITE: 0, RED: 0 }); // a Sunday
    expect(byDate.get(d('2027-06-15'))!.probability.RED).toBe(0); // outside 1 November – 31 March
    // 87 weekdays open from 1 December to 31 March (Dec 23, Jan 21, Feb 20, Mar 23; holidays are not special): 19 / 87 each.
    const redOpen = outlook.filter((o) => o.probability.RED > 0);
    expect(redOpen).toHaveLength(87);
    expect(redOpen[0]!.probability.RED).toBe(Math.round((19 / 87) * 1000) / 1000);
    expect(redOpen.length * (19 / 87)).toBeCloseTo(19, 9);
    for (const o of outlook) {
      expect(o.published).toBe(false);
      expect(o.probability.BLUE + o.probability.WHITE + o.probability.RED).toBeCloseTo(1, 2);
    }
  });

  it('when a published day is in the outlook, then it is certain, and RTE thresholds follow its formula', () => {
    const [day] = tempoOutlook([d('2026-11-16')], known);
    expect(day).toMatchObject({ published: true, mostLikely: 'RED', probability: { BLUE: 0, WHITE: 0, RED: 1 }, dayInSeason: 77 });
    expect(day!.thresholdWhiteRed).toBeCloseTo(4 - 0.015 * 77 - 0.026 * (38 + 19), 3);
    expect(day!.thresholdRed).toBeCloseTo(3.15 - 0.01 * 77 - 0.031 * 19, 3);
  });

  it('when the outlook runs past 31 August, then it stops at the year end', () => {
    expect(outlookDays(d('2027-08-29'), 6)).toEqual(['2027-08-30', '2027-08-31']);
  });
});
