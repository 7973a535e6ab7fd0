import { describe, expect, it } from 'vitest';
import { syntheticTempoYear } from '../../../adapters/mock-rte/tempo-calendar.js';
import { weekday, type LocalDate } from '../../../domain/local-date.js';
import { inRedSeason } from '../../../domain/tempo.js';

describe("MockRte's Tempo calendar against RTE's rules", () => {
  for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) {
    it(`when the Tempo year ${year}-${year + 1} is drawn, then it has 22 red weekdays in winter, 43 white days never on Sunday, the rest blue`, () => {
      const calendar = syntheticTempoYear(`${year}-10-15` as LocalDate);
      const days = [...calendar.keys()];
      expect(days[0]).toBe(`${year}-09-01`);
      expect(days.at(-1)).toBe(`${year + 1}-08-31`);
      const of = (color: string) => days.filter((d) => calendar.get(d) === color);
      const red = of('RED');
      const white = of('WHITE');
      expect(red).toHaveLength(22);
      expect(red.every((d) => inRedSeason(d) && weekday(d) >= 1 && weekday(d) <= 5)).toBe(true);
      expect(red.every((d) => d >= `${year}-11-01` && d <= `${year + 1}-03-31`)).toBe(true);
      expect(white).toHaveLength(43);
      expect(white.some((d) => weekday(d) === 0)).toBe(false);
      expect(of('BLUE')).toHaveLength(days.length - 65);
    });
  }

  it('when a year is drawn twice, or from another of its days, then it is the same calendar', () => {
    const a = syntheticTempoYear('2025-09-01' as LocalDate);
    const b = syntheticTempoYear('2026-08-31' as LocalDate);
    expect([...a]).toEqual([...b]);
    expect([...syntheticTempoYear('2024-12-25' as LocalDate)]).not.toEqual([...a]);
  });
});
