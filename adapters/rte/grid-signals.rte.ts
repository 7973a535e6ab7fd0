import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';
import type { DateRange } from '../../domain/date-range.js';
import type { EcoWattDay } from '../../domain/ecowatt.js';
import type { ProviderFailure } from '../../domain/errors.js';
import type { Result } from '../../domain/result.js';
import type { TempoDay } from '../../domain/tempo.js';
import type { Clock } from '../../ports/clock.js';
import type { GridSignals } from '../../ports/grid-signals.js';
import { RteEcoWatt } from './ecowatt.rte.js';
import { RteNationalConsumption } from './national-consumption.rte.js';
import type { NationalConsumption, NationalSeries } from '../../domain/national-consumption.js';
import { RteClient, type RteConfig } from './rte-client.js';
import { RteTempo } from './tempo.rte.js';
import { RteGenerationForecast } from './generation-forecast.rte.js';
import type { GenerationForecast, GenerationForecastType, ProductionType } from '../../domain/generation-forecast.js';

/** The GridSignals on RTE's public APIs (data.rte-france.com): Tempo, EcoWatt, national consumption and generation forecasts, one token between them. */
export class RteGridSignals implements GridSignals {
  private readonly tempo: RteTempo;
  private readonly ecowatt: RteEcoWatt;
  private readonly national: RteNationalConsumption;
  private readonly generation: RteGenerationForecast;

  constructor(config: RteConfig, clock: Clock, fetchImpl: typeof fetch = fetch, budget: UpstreamThrottle | null = null) {
    const client = new RteClient(config, clock, fetchImpl, budget);
    this.tempo = new RteTempo(client, clock);
    this.ecowatt = new RteEcoWatt(client, clock);
    this.national = new RteNationalConsumption(client);
    this.generation = new RteGenerationForecast(client);
  }

  tempoDays(range: DateRange): Promise<Result<TempoDay[], ProviderFailure>> {
    return this.tempo.tempoDays(range);
  }

  ecowattDays(range: DateRange): Promise<Result<EcoWattDay[], ProviderFailure>> {
    return this.ecowatt.ecowattDays(range);
  }

  nationalConsumption(series: readonly NationalSeries[], fromMs: number, toMs: number): Promise<Result<NationalConsumption[], ProviderFailure>> {
    return this.national.nationalConsumption(series, fromMs, toMs);
  }

  generationForecast(
    productionTypes: readonly ProductionType[],
    forecastTypes: readonly GenerationForecastType[],
    fromMs: number,
    toMs: number,
  ): Promise<Result<GenerationForecast[], ProviderFailure>> {
    return this.generation.generationForecast(productionTypes, forecastTypes, fromMs, toMs);
  }
}
