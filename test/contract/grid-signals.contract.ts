import { describe, expect, it } from 'vitest';
import { rangeDays } from '../../domain/date-range.js';
import type { LocalDate } from '../../domain/local-date.js';
import type { GridSignals } from '../../ports/grid-signals.js';

export interface GridSignalsHarness {
  /** The adapter, seeing the Paris wall-clock instant `now` (ISO with offset) as the present. */
  at(now: string): Promise<GridSignals>;
}

const range = (start: string, end: string) => ({ start: start as LocalDate, end: end as LocalDate });

/** The GridSignals contract (ports/grid-signals.ts). */
export function gridSignalsContract(adapter: string, harness: GridSignalsHarness) {
  describe(`GridSignals contract: ${adapter}`, () => {
    it('when a span of past days is asked, then each comes once, in order, with a Tempo colour, and again the same', async () => {
      const signals = await harness.at('2026-01-20T09:00:00+01:00');
      const span = range('2025-12-01', '2026-01-10');
      const first = await signals.tempoDays(span);
      expect(first.ok && first.value.map((d) => d.date)).toEqual(rangeDays(span));
      expect(first.ok && first.value.every((d) => ['BLUE', 'WHITE', 'RED'].includes(d.color))).toBe(true);
      expect(await (await harness.at('2026-06-01T12:00:00+02:00')).tempoDays(span)).toEqual(first);
    });

    it('when tomorrow is asked, then it is known only once RTE publishes it (11:00 Paris), and nothing after it is', async () => {
      const span = range('2026-01-19', '2026-01-24');
      const before = await (await harness.at('2026-01-20T10:59:00+01:00')).tempoDays(span);
      expect(before.ok && before.value.map((d) => d.date)).toEqual(['2026-01-19', '2026-01-20']);
      const after = await (await harness.at('2026-01-20T11:01:00+01:00')).tempoDays(span);
      expect(after.ok && after.value.map((d) => d.date)).toEqual(['2026-01-19', '2026-01-20', '2026-01-21']);
    });

    it('when EcoWatt is asked for the coming week, then today to three days ahead come, each with 24 hourly levels and its worst as the day level', async () => {
      const signals = await harness.at('2026-01-20T09:00:00+01:00');
      const answer = await signals.ecowattDays(range('2026-01-20', '2026-01-27'));
      if (!answer.ok) throw new Error(answer.error.kind);
      expect(answer.value.map((d) => d.date)).toEqual(['2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23']);
      for (const day of answer.value) {
        expect(day.hourly).toHaveLength(24);
        expect(day.hourly.every((h) => [0, 1, 2, 3].includes(h))).toBe(true);
        expect(day.level).toBe(Math.max(1, ...day.hourly));
        expect(day.message.length).toBeGreaterThan(0);
      }
    });

    it('when national consumption is asked around now, then each series has the quarter-hours that exist, in order', async () => {
      const now = Date.parse('2026-01-20T12:00:00+01:00');
      const signals = await harness.at('2026-01-20T12:00:00+01:00');
      const answer = await signals.nationalConsumption(['REALISED', 'ID', 'D-1', 'D-2'], now - 86_400_000, now + 3 * 86_400_000);
      if (!answer.ok) throw new Error(answer.error.kind);
      const counts = Object.fromEntries(answer.value.map((s) => [s.series, s.values.length]));
      expect(counts).toEqual({ REALISED: 96, ID: 192, 'D-1': 96, 'D-2': 96 });
      for (const { values } of answer.value) {
        expect(values.every((v, i) => i === 0 || v.startMs - values[i - 1]!.startMs === 900_000)).toBe(true);
        expect(values.every((v) => v.mw > 20_000 && v.mw < 100_000)).toBe(true);
      }
      const realised = answer.value[0]!.values;
      expect(realised.at(-1)!.startMs).toBe(now - 900_000);
      const only = await signals.nationalConsumption(['D-1'], now, now + 86_400_000);
      expect(only.ok && only.value.map((s) => s.series)).toEqual(['D-1']);
    });

    it('when generation forecasts are asked, then each pair comes in the order asked, hourly, up to its horizon and no further', async () => {
      const now = Date.parse('2026-06-20T12:00:00+02:00');
      const signals = await harness.at('2026-06-20T12:00:00+02:00');
      const today = Date.parse('2026-06-20T00:00:00+02:00');
      const answer = await signals.generationForecast(['SOLAR', 'WIND'], ['D-1', 'D-3'], today, today + 10 * 86_400_000);
      if (!answer.ok) throw new Error(answer.error.kind);
      expect(answer.value.map((f) => `${f.forecastType}/${f.productionType}`)).toEqual(['D-1/SOLAR', 'D-1/WIND', 'D-3/SOLAR', 'D-3/WIND']);
      expect(answer.value.map((f) => f.values.length)).toEqual([48, 48, 96, 96]);
      for (const { values, productionType } of answer.value) {
        expect(values.every((v, i) => i === 0 || v.startMs - values[i - 1]!.startMs === 3_600_000)).toBe(true);
        expect(values.every((v) => v.mw >= 0 && v.mw < 40_000)).toBe(true);
        if (productionType === 'SOLAR') {
          const night = values.find((v) => v.startMs === Date.parse('2026-06-21T02:00:00+02:00'));
          const noon = values.find((v) => v.startMs === Date.parse('2026-06-21T13:00:00+02:00'));
          expect(night?.mw).toBe(0);
          expect(noon!.mw).toBeGreaterThan(5_000);
        }
      }
      const past = await signals.generationForecast(['SOLAR'], ['ID'], now - 86_400_000, now);
      expect(past.ok && past.value[0]!.values.length).toBe(24);
    });

    it('when only future days are asked, then none is given', async () => {
      const signals = await harness.at('2026-01-20T12:00:00+01:00');
      expect(await signals.tempoDays(range('2026-02-01', '2026-03-01'))).toEqual({ ok: true, value: [] });
      expect(await signals.ecowattDays(range('2026-02-01', '2026-03-01'))).toEqual({ ok: true, value: [] });
    });
  });
}
