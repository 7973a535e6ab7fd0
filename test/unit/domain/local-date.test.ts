import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, type LocalDate } from '../../../domain/local-date.js';

const DAY_MS = 86_400_000;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;

describe('day numbers', () => {
  it('agree with the platform calendar from 0000-01-01 to 9999-12-31', () => {
    const first = new Date('0000-01-01T00:00:00Z').getTime() / DAY_MS;
    const last = new Date('9999-12-31T00:00:00Z').getTime() / DAY_MS;
    const wrong: string[] = [];
    // Every 7th day, then every day around the century and leap-year edges.
    for (let n = first; n <= last; n += 7) if (fromDayNumber(n) !== iso(n) || dayNumber(iso(n)) !== n) wrong.push(iso(n));
    for (const edge of ['1900-02-28', '2000-02-28', '2024-02-28', '2100-02-28', '1969-12-31', '1970-01-01']) {
      const n = new Date(`${edge}T00:00:00Z`).getTime() / DAY_MS;
      for (let k = -3; k <= 3; k++) if (fromDayNumber(n + k) !== iso(n + k) || dayNumber(iso(n + k)) !== n + k) wrong.push(iso(n + k));
    }
    expect(wrong).toEqual([]);
  });

  it('step across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28' as LocalDate, 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28' as LocalDate, 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31' as LocalDate, 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01' as LocalDate, -366)).toBe('2024-12-31');
  });
});
