import { addDays, dayOfYear } from '../../domain/local-date.js';
import {
  FORECAST_HORIZON_DAYS,
  FORECAST_PAST_DAYS,
  GENERATION_STEP_MS,
  type GenerationForecast,
  type GenerationForecastType,
  type ProductionType,
} from '../../domain/generation-forecast.js';
import { parisDate, parisDayOf, parisHourOfDay, parisMidnightUtcMs } from '../../domain/paris-time.js';
import { stableHash } from '../mock-enedis/meter-profiles.js';

/**
 * A synthetic production forecast in MW for the hour starting at `startMs`. Solar: nothing at night,
 * a bell around 13:30 Paris time, up to about 16 GW in June and 5 GW in December. Wind: 3 to 17 GW,
 * changing slowly from day to day, stronger in winter. Each forecast type is shifted a little, as
 * forecasts made at different times are.
 */
export function syntheticGenerationMw(startMs: number, production: ProductionType, forecast: GenerationForecastType): number {
  const day = parisDayOf(startMs).date;
  const season = Math.cos((2 * Math.PI * (dayOfYear(day) - 172)) / 365); // 1 at the June solstice
  const shift = (stableHash(`gen:${production}:${forecast}:${startMs}`) % 200) - 100;
  if (production === 'SOLAR') {
    const hour = parisHourOfDay(startMs) + 0.5;
    const width = 3 + 1.2 * season;
    const bell = Math.exp(-((hour - 13.5) ** 2) / (2 * width * width));
    return hour < 5 || hour > 22 ? 0 : Math.max(0, Math.round((10_500 + 5_500 * season) * bell + shift * bell));
  }
  const daily = stableHash(`gen:wind:${day}`) % 9_000;
  const hourly = 1_500 * Math.sin((2 * Math.PI * parisHourOfDay(startMs)) / 24 + (stableHash(`gen:wind:phase:${day}`) % 6));
  return Math.round(Math.max(3_000, 6_000 - 2_000 * season + daily + hourly + shift));
}

/** What exists of each forecast at `nowMs`: from a week back to its horizon, hourly. */
export function syntheticGenerationForecasts(
  productionTypes: readonly ProductionType[],
  forecastTypes: readonly GenerationForecastType[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): GenerationForecast[] {
  const today = parisDate(new Date(nowMs));
  const forecasts: GenerationForecast[] = [];
  for (const forecastType of forecastTypes) {
    const first = Math.max(fromMs, parisMidnightUtcMs(addDays(today, -FORECAST_PAST_DAYS)));
    const last = Math.min(toMs, parisMidnightUtcMs(addDays(today, FORECAST_HORIZON_DAYS[forecastType] + 1)));
    for (const productionType of productionTypes) {
      const values = [];
      for (let t = Math.ceil(first / GENERATION_STEP_MS) * GENERATION_STEP_MS; t < last; t += GENERATION_STEP_MS) {
        values.push({ startMs: t, mw: syntheticGenerationMw(t, productionType, forecastType) });
      }
      forecasts.push({ productionType, forecastType, values });
    }
  }
  return forecasts;
}
