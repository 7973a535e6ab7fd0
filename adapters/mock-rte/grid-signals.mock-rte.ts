import { rangeDays, type DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { parisDate, parisHourOfDay } from '../../domain/paris-time.js';
import { ok, type Result } from '../../domain/result.js';
import { lastKnownTempoDay, tempoYearOf, type TempoColor, type TempoDay } from '../../domain/tempo.js';
import { ECOWATT_DAYS_AHEAD, type EcoWattDay } from '../../domain/ecowatt.js';
import { syntheticEcoWattDay } from './ecowatt-signals.js';
import { syntheticNationalConsumption } from './national-consumption.js';
import type { NationalConsumption, NationalSeries } from '../../domain/national-consumption.js';
import type { GenerationForecast, GenerationForecastType, ProductionType } from '../../domain/generation-forecast.js';
import { syntheticGenerationForecasts } from './generation-forecast.js';
import type { Clock } from '../../ports/clock.js';
import type { GridSignals } from '../../ports/grid-signals.js';
import { syntheticTempoYear } from './tempo-calendar.js';

/**
 * RTE's signals for the embedded default and the tests: a deterministic Tempo calendar that keeps
 * RTE's rules, published as RTE publishes (tomorrow's colour from 11:00 Paris time), and a
 * deterministic EcoWatt signal for any past day and up to three days ahead.
 */
export class MockRte implements GridSignals {
  constructor(private readonly clock: Clock) {}

  async tempoDays(range: DateRange): Promise<Result<TempoDay[], ProviderFailure>> {
    const now = this.clock.now();
    const last = lastKnownTempoDay(parisDate(now), parisHourOfDay(now.getTime()));
    const years = new Map<LocalDate, Map<LocalDate, TempoColor>>();
    const colorOf = (day: LocalDate) => {
      const start = tempoYearOf(day).start;
      let year = years.get(start);
      if (!year) years.set(start, (year = syntheticTempoYear(day)));
      return year.get(day)!;
    };
    return ok(
      rangeDays(range)
        .filter((day) => day <= last)
        .map((date) => ({ date, color: colorOf(date) })),
    );
  }

  async ecowattDays(range: DateRange): Promise<Result<EcoWattDay[], ProviderFailure>> {
    const last = addDays(parisDate(this.clock.now()), ECOWATT_DAYS_AHEAD);
    return ok(
      rangeDays(range)
        .filter((day) => day <= last)
        .map(syntheticEcoWattDay),
    );
  }

  async nationalConsumption(series: readonly NationalSeries[], fromMs: number, toMs: number): Promise<Result<NationalConsumption[], ProviderFailure>> {
    return ok(syntheticNationalConsumption(series, fromMs, toMs, this.clock.now().getTime()));
  }

  async generationForecast(
    productionTypes: readonly ProductionType[],
    forecastTypes: readonly GenerationForecastType[],
    fromMs: number,
    toMs: number,
  ): Promise<Result<GenerationForecast[], ProviderFailure>> {
    return ok(syntheticGenerationForecasts(productionTypes, forecastTypes, fromMs, toMs, this.clock.now().getTime()));
  }
}
