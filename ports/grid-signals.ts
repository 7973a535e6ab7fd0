import type { DateRange } from '../domain/date-range.js';
import type { ProviderFailure } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import type { TempoDay } from '../domain/tempo.js';
import type { EcoWattDay } from '../domain/ecowatt.js';
import type { NationalConsumption, NationalSeries } from '../domain/national-consumption.js';
import type { GenerationForecast, GenerationForecastType, ProductionType } from '../domain/generation-forecast.js';

/**
 * The grid's public signals, from RTE (or MockRte).
 * - `tempoDays` gives the Tempo colour of each day of the range that is known now: every past day
 *   and today, tomorrow once RTE has published it (about 11:00 Paris time), nothing later. Days are
 *   in order, each at most once; a day not yet known is absent, never guessed.
 * - `ecowattDays` gives the EcoWatt signal of each day of the range the adapter has: up to three
 *   days ahead (what RTE publishes), and past days as far back as it keeps them. In order, each day
 *   at most once, 24 hourly levels each.
 * - `nationalConsumption` gives, for each series asked, its 15-minute steps starting within
 *   `[fromMs, toMs)` that exist now: REALISED up to the last finished step, the intraday forecast
 *   (ID) for today and tomorrow, D-1 for tomorrow, D-2 for the day after. Steps in order.
 * - `generationForecast` gives, for each production type and forecast type asked, the hourly steps
 *   starting within `[fromMs, toMs)` that exist now: each forecast up to its horizon (D-3 three days
 *   ahead, D-2 two, D-1 and ID tomorrow, CURRENT three), back a week. One entry per pair asked, in
 *   the order asked (types first), steps in order.
 * - Failures (RTE down, refused, throttled) come back as a ProviderFailure, never thrown.
 */
export interface GridSignals {
  tempoDays(range: DateRange): Promise<Result<TempoDay[], ProviderFailure>>;
  ecowattDays(range: DateRange): Promise<Result<EcoWattDay[], ProviderFailure>>;
  nationalConsumption(series: readonly NationalSeries[], fromMs: number, toMs: number): Promise<Result<NationalConsumption[], ProviderFailure>>;
  generationForecast(
    productionTypes: readonly ProductionType[],
    forecastTypes: readonly GenerationForecastType[],
    fromMs: number,
    toMs: number,
  ): Promise<Result<GenerationForecast[], ProviderFailure>>;
}
