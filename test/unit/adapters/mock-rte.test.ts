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

describe("MockRte's EcoWatt signal", () => {
  it('when a winter is drawn, then nights are low-carbon, tense days are winter weekdays, and each day level is its worst hour', async () => {
    const { syntheticEcoWattDay } = await import('../../../adapters/mock-rte/ecowatt-signals.js');
    const { addDays } = await import('../../../domain/local-date.js');
    const days = Array.from({ length: 365 }, (_, i) => syntheticEcoWattDay(addDays('2025-09-01' as LocalDate, i)));
    expect(days.every((d) => d.hourly.slice(1, 6).every((h) => h === 0))).toBe(true);
    const tense = days.filter((d) => d.level > 1);
    expect(tense.length).toBeGreaterThan(0);
    expect(tense.every((d) => ['12', '01', '02'].includes(d.date.slice(5, 7)) && weekday(d.date) >= 1 && weekday(d.date) <= 5)).toBe(true);
    expect(days.every((d) => d.level === Math.max(1, ...d.hourly))).toBe(true);
    expect(syntheticEcoWattDay('2026-01-15' as LocalDate)).toEqual(syntheticEcoWattDay('2026-01-15' as LocalDate));
  });
});
