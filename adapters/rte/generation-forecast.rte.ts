import type { ProviderFailure } from '../../domain/errors.js';
import {
  GENERATION_FORECAST_TYPES,
  PRODUCTION_TYPES,
  type GenerationForecast,
  type GenerationForecastType,
  type ProductionType,
} from '../../domain/generation-forecast.js';
import { formatParisIso } from '../../domain/paris-time.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { RteClient } from './rte-client.js';

interface ForecastsAnswer {
  forecasts?: Array<{ type?: string; production_type?: string; sub_type?: string; values?: Array<{ start_date?: string; value?: number }> }>;
}

const pairKey = (production: string, forecast: string) => `${production}|${forecast}`;

/**
 * RTE's generation forecasts (`generation_forecast/v2/forecasts`), in MW per hour. RTE may split
 * wind by sub-type (onshore, offshore): the parts of one hour are added up.
 */
export class RteGenerationForecast {
  constructor(private readonly rte: RteClient) {}

  async generationForecast(
    productionTypes: readonly ProductionType[],
    forecastTypes: readonly GenerationForecastType[],
    fromMs: number,
    toMs: number,
  ): Promise<Result<GenerationForecast[], ProviderFailure>> {
    const query = new URLSearchParams({
      production_type: productionTypes.join(','),
      type: forecastTypes.join(','),
      start_date: formatParisIso(fromMs),
      end_date: formatParisIso(toMs),
    });
    const answer = await this.rte.get(`/open_api/generation_forecast/v2/forecasts?${query}`);
    if (!answer.ok) return answer;
    const parts = (answer.value as ForecastsAnswer).forecasts;
    if (!Array.isArray(parts)) return err({ kind: 'BadUpstreamData', message: 'RTE answered generation forecasts without forecasts' });
    const sums = new Map<string, Map<number, number>>();
    for (const part of parts) {
      const production = part.production_type as ProductionType;
      const forecast = part.type as GenerationForecastType;
      if (!PRODUCTION_TYPES.includes(production) || !GENERATION_FORECAST_TYPES.includes(forecast) || !Array.isArray(part.values)) {
        return err({ kind: 'BadUpstreamData', message: `RTE answered an unreadable generation forecast: ${String(part.production_type).slice(0, 40)}` });
      }
      const hours = sums.get(pairKey(production, forecast)) ?? new Map<number, number>();
      sums.set(pairKey(production, forecast), hours);
      for (const value of part.values) {
        const startMs = Date.parse(value.start_date ?? '');
        if (Number.isNaN(startMs) || typeof value.value !== 'number')
          return err({ kind: 'BadUpstreamData', message: 'RTE answered an unreadable forecast value' });
        if (startMs >= fromMs && startMs < toMs) hours.set(startMs, (hours.get(startMs) ?? 0) + value.value);
      }
    }
    return ok(
      forecastTypes.flatMap((forecastType) =>
        productionTypes.map((productionType) => {
          const hours = sums.get(pairKey(productionType, forecastType)) ?? new Map<number, number>();
          const values = [...hours].sort(([a], [b]) => a - b).map(([startMs, mw]) => ({ startMs, mw: Math.round(mw) }));
          return { productionType, forecastType, values };
        }),
      ),
    );
  }
}
