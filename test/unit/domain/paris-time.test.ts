import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/local-date.js';
import {
  formatParisIso,
  intervalStarts,
  parisDate,
  parisDayOf,
  parisOffsetMinutes,
  parisWallClockInstants,
  parisWallClockSequence,
} from '../../../domain/paris-time.js';

import { platformOffsetMinutes, platformWallClock } from '../../support/paris-oracle.js';

const d = (s: string) => s as LocalDate;

describe('Europe/Paris time', () => {
  it('when checked every 30 minutes from 2019 to 2030, then the computed offset matches the tz database', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2031, 0, 1); t += 30 * 60_000) {
      if (parisOffsetMinutes(t) !== platformOffsetMinutes(t)) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('when days are asked for in any order, around midnights and DST changes, then each holds its instant and agrees with the tz database', () => {
    const platformDate = (utcMs: number) => platformWallClock(utcMs).slice(0, 10);
    const instants: number[] = [];
    for (const edge of [Date.UTC(2025, 2, 29, 23), Date.UTC(2025, 2, 30, 22), Date.UTC(2025, 9, 25, 22), Date.UTC(2025, 9, 26, 23), Date.UTC(2026, 0, 1, 23)]) {
      for (const delta of [-60_001, -1, 0, 1, 3_600_000]) instants.push(edge + delta);
    }
    // Forwards, backwards and interleaved, so that a kept answer is tested against every other.
    for (const t of [...instants, ...[...instants].reverse(), ...instants.filter((_, i) => i % 2 === 0), ...instants.filter((_, i) => i % 2 === 1)]) {
      const day = parisDayOf(t);
      expect(day.startMs <= t && t < day.endMs, new Date(t).toISOString()).toBe(true);
      expect(day.date).toBe(platformDate(t));
      expect(parisDate(new Date(t))).toBe(day.date);
      expect(platformDate(day.startMs)).toBe(day.date);
      expect(platformDate(day.startMs - 1)).not.toBe(day.date);
      expect(platformDate(day.endMs)).not.toBe(day.date);
    }
    expect((parisDayOf(Date.UTC(2025, 2, 30, 12)).endMs - parisDayOf(Date.UTC(2025, 2, 30, 12)).startMs) / 3_600_000).toBe(23);
    expect((parisDayOf(Date.UTC(2025, 9, 26, 12)).endMs - parisDayOf(Date.UTC(2025, 9, 26, 12)).startMs) / 3_600_000).toBe(25);
  });

  it('when a day is the spring-forward day, then it has 46 half-hours and jumps from 01:30 to 03:00', () => {
    const starts = intervalStarts(d('2025-03-30'), 30).map(formatParisIso);
    expect(starts).toHaveLength(46);
    expect(starts.slice(2, 5)).toEqual(['2025-03-30T01:00:00+01:00', '2025-03-30T01:30:00+01:00', '2025-03-30T03:00:00+02:00']);
  });

  it('when a day is the fall-back day, then it has 50 half-hours and 02:00-02:30 happens twice with distinct offsets', () => {
    const starts = intervalStarts(d('2025-10-26'), 30).map(formatParisIso);
    expect(starts).toHaveLength(50);
    expect(starts.filter((s) => s.slice(11, 16) === '02:00')).toEqual(['2025-10-26T02:00:00+02:00', '2025-10-26T02:00:00+01:00']);
    expect(new Set(starts).size).toBe(50);
  });

  it('when a day is ordinary, then it has 48 half-hours starting at local midnight', () => {
    const starts = intervalStarts(d('2024-07-14'), 30).map(formatParisIso);
    expect(starts).toHaveLength(48);
    expect(starts[0]).toBe('2024-07-14T00:00:00+02:00');
    expect(starts.at(-1)).toBe('2024-07-14T23:30:00+02:00');
  });

  it('when it is 23:30 UTC in winter, then Paris is already on the next day', () => {
    expect(parisDate(new Date('2026-01-10T23:30:00Z'))).toBe('2026-01-11');
    expect(parisDate(new Date('2026-07-10T21:59:00Z'))).toBe('2026-07-10');
    expect(parisDate(new Date('2026-07-10T22:00:00Z'))).toBe('2026-07-11');
  });
});

describe('Paris wall-clock labels', () => {
  it('when a label falls in the repeated October hour, then it denotes two instants; in the skipped March hour, none', () => {
    expect(parisWallClockInstants('2025-10-26 02:30:00')).toEqual([Date.parse('2025-10-26T00:30:00Z'), Date.parse('2025-10-26T01:30:00Z')]);
    expect(parisWallClockInstants('2025-03-30 02:30:00')).toEqual([]);
    expect(parisWallClockInstants('2025-01-10 19:04:12')).toEqual([Date.parse('2025-01-10T18:04:12Z')]);
    expect(parisWallClockInstants('10/01/2025 19:04')).toBeNull();
  });

  it('when the fall-back labels come in order, then the repeated ones resolve to successive instants', () => {
    const labels = ['2025-10-26 01:30:00', '2025-10-26 02:00:00', '2025-10-26 02:30:00', '2025-10-26 02:00:00', '2025-10-26 02:30:00', '2025-10-26 03:00:00'];
    expect(parisWallClockSequence(labels).map((t) => new Date(t!).toISOString())).toEqual([
      '2025-10-25T23:30:00.000Z',
      '2025-10-26T00:00:00.000Z',
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:00:00.000Z',
      '2025-10-26T01:30:00.000Z',
      '2025-10-26T02:00:00.000Z',
    ]);
  });
});
