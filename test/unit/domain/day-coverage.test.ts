import { describe, expect, it } from 'vitest';
import { coversDay } from '../../../domain/day-coverage.js';
import type { LocalDate } from '../../../domain/local-date.js';
import { formatParisIso, intervalStarts } from '../../../domain/paris-time.js';

const day = (d: string) => d as LocalDate;
const curve = (d: string, minutes: number) =>
  intervalStarts(day(d), minutes).map((t) => ({ date: formatParisIso(t), value: 1, quality: 'BRUT', interval_length: `PT${minutes}M` }));

describe('coversDay', () => {
  it('when a day has every half-hour, or every hour of its 23 or 25, then it is covered; one missing, it is not', () => {
    expect(coversDay(day('2025-06-10'), curve('2025-06-10', 30))).toBe(true);
    expect(coversDay(day('2025-03-30'), curve('2025-03-30', 30))).toBe(true);
    expect(curve('2025-03-30', 30)).toHaveLength(46);
    expect(coversDay(day('2025-10-26'), curve('2025-10-26', 30))).toBe(true);
    expect(curve('2025-10-26', 30)).toHaveLength(50);
    const holed = curve('2025-06-10', 30).filter((_, i) => i !== 17);
    expect(coversDay(day('2025-06-10'), holed)).toBe(false);
    expect(coversDay(day('2025-06-10'), curve('2025-06-10', 30).slice(0, 47))).toBe(false);
    expect(coversDay(day('2025-06-10'), [])).toBe(false);
  });

  it('when a day mixes PT30M, PT10M, PT15M and PT60M without a gap, then it is covered, in any order', () => {
    const at = (hhmm: string, minutes: number) => ({ date: `2024-02-26T${hhmm}:00+01:00`, value: 0, quality: 'BRUT', interval_length: `PT${minutes}M` });
    const mixed = [
      at('00:00', 30),
      at('00:30', 30),
      at('01:00', 10),
      at('01:10', 10),
      at('01:20', 10),
      at('01:30', 15),
      at('01:45', 15),
      ...Array.from({ length: 22 }, (_, i) => at(`${String(i + 2).padStart(2, '0')}:00`, 60)),
    ];
    expect(coversDay(day('2024-02-26'), mixed)).toBe(true);
    expect(coversDay(day('2024-02-26'), [...mixed].reverse())).toBe(true);
    expect(coversDay(day('2024-02-26'), mixed.slice(0, -1))).toBe(false);
    expect(
      coversDay(
        day('2024-02-26'),
        mixed.filter((r) => r.date !== '2024-02-26T01:10:00+01:00'),
      ),
    ).toBe(false);
  });
});
