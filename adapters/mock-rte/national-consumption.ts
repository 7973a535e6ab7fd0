import { dayOfYear, weekday } from '../../domain/local-date.js';
import { NATIONAL_STEP_MS, type NationalConsumption, type NationalSeries, type NationalValue } from '../../domain/national-consumption.js';
import { parisDayOf, parisHourOfDay } from '../../domain/paris-time.js';
import { stableHash } from '../mock-enedis/meter-profiles.js';

/**
 * A synthetic national load in MW for the quarter-hour starting at `startMs`: about 50 GW, more in
 * winter than in summer, morning and evening peaks, quieter nights and weekends. `series` shifts
 * the forecasts a little from what is realised, as forecasts are.
 */
export function syntheticNationalMw(startMs: number, series: NationalSeries = 'REALISED'): number {
  const day = parisDayOf(startMs).date;
  const hour = parisHourOfDay(startMs);
  const seasonal = 12_000 * Math.cos((2 * Math.PI * (dayOfYear(day) - 15)) / 365);
  const daily = 6_000 * Math.exp(-((hour - 9.5) ** 2) / 8) + 5_400 * Math.exp(-((hour - 19) ** 2) / 4) - (hour < 6 ? 3_000 : 0);
  const weekend = weekday(day) === 0 || weekday(day) === 6 ? -4_000 : 0;
  const noise = (stableHash(`fr:${series}:${startMs}`) % 1_000) - 500;
  return Math.round(50_000 + seasonal + daily + weekend + noise);
}

/** Quarter-hour starts from `fromMs` (rounded up to a step) to before `toMs`. */
function steps(fromMs: number, toMs: number): number[] {
  const starts: number[] = [];
  for (let t = Math.ceil(fromMs / NATIONAL_STEP_MS) * NATIONAL_STEP_MS; t < toMs; t += NATIONAL_STEP_MS) starts.push(t);
  return starts;
}

/** What exists of each series at `nowMs`: realised up to the last finished step, ID today and tomorrow, D-1 tomorrow, D-2 the day after. */
export function syntheticNationalConsumption(series: readonly NationalSeries[], fromMs: number, toMs: number, nowMs: number): NationalConsumption[] {
  const today = parisDayOf(nowMs);
  const tomorrow = parisDayOf(today.endMs);
  const after = parisDayOf(tomorrow.endMs);
  const windows: Record<NationalSeries, [number, number]> = {
    REALISED: [Number.NEGATIVE_INFINITY, nowMs - NATIONAL_STEP_MS + 1],
    ID: [today.startMs, tomorrow.endMs],
    'D-1': [tomorrow.startMs, tomorrow.endMs],
    'D-2': [after.startMs, after.endMs],
  };
  return series.map((name) => {
    const [from, to] = windows[name];
    const values: NationalValue[] = steps(Math.max(fromMs, from), Math.min(toMs, to)).map((startMs) => ({ startMs, mw: syntheticNationalMw(startMs, name) }));
    return { series: name, values };
  });
}
