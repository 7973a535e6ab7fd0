import type { Response } from 'express';
import { GENERATION_STEP_MS, type GenerationForecast, type GenerationValue, type ProductionType } from '../../../domain/generation-forecast.js';
import { formatParisIso } from '../../../domain/paris-time.js';
import type { TempoOutlookDay, TempoSeasonStats } from '../../../domain/tempo-outlook.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import { unwrap } from '../error-mapping.js';
import { queryOf, type Handler } from '../operations.js';

/** An hour of a generation forecast as upstream serves it. */
const generationValueToWire = ({ startMs, mw }: GenerationValue) => ({
  start_date: formatParisIso(startMs),
  end_date: formatParisIso(startMs + GENERATION_STEP_MS),
  value: mw,
  updated_date: null,
});
const generationToWire = (f: GenerationForecast) => ({
  production_type: f.productionType,
  forecast_type: f.forecastType,
  values: f.values.map(generationValueToWire),
});

const statsToWire = ({ used, remaining }: TempoSeasonStats) => ({
  blue_used: used.BLUE,
  blue_remaining: remaining.BLUE,
  white_used: used.WHITE,
  white_remaining: remaining.WHITE,
  red_used: used.RED,
  red_remaining: remaining.RED,
});
const outlookToWire = (day: TempoOutlookDay) => ({
  date: day.date,
  day_in_season: day.dayInSeason,
  probability_blue: day.probability.BLUE,
  probability_white: day.probability.WHITE,
  probability_red: day.probability.RED,
  most_likely: day.mostLikely,
  confidence: day.published ? 'certain' : 'low',
  threshold_white_red: day.thresholdWhiteRed,
  threshold_red: day.thresholdRed,
  normalized_consumption: null,
  forecast_type: day.published ? 'published' : 'calendar',
  factors: day.published ? { source: 'RTE' } : { source: 'calendar', weekday_red_eligible: day.probability.RED > 0 },
});
const OUTLOOK_INFO = {
  description:
    'Published colours are certain; other days get calendar odds: the red days left over the weekdays left from 1 November to 31 March, the white days left over the days left that are not Sundays, the rest blue.',
  params_blanc_rouge: { A: 4.0, B: 0.015, C: 0.026 },
  params_rouge: { A: 3.15, B: 0.01, C: 0.031 },
  formula_blanc_rouge: 'Seuil = A - B × JourTempo - C × StockRestant(Blanc+Rouge)',
  formula_rouge: "Seuil = A' - B' × JourTempo - C' × StockRestant(Rouge)",
};

export const periodToWire = (fromMs: number, toMs: number) => ({ start: formatParisIso(fromMs), end: formatParisIso(toMs) });

const DAY_MS = 86_400_000;

/** Solar plus wind per hour, from the forecasts of both. */
function mixOf(forecasts: readonly GenerationForecast[]) {
  const byHour = new Map<number, { solar: number; wind: number }>();
  for (const f of forecasts) {
    for (const v of f.values) {
      const hour = byHour.get(v.startMs) ?? { solar: 0, wind: 0 };
      hour[f.productionType === 'SOLAR' ? 'solar' : 'wind'] += v.mw;
      byHour.set(v.startMs, hour);
    }
  }
  return [...byHour]
    .sort(([a], [b]) => a - b)
    .map(([startMs, { solar, wind }]) => ({ start_date: formatParisIso(startMs), solar, wind, total_renewable: solar + wind }));
}

/** What is ahead, in upstream's shapes: the Tempo year's standing and outlook, solar and wind forecasts. */
export function outlookHandlers(useCases: UseCases, clock: Clock): Record<string, Handler> {
  const oneProduction = async (res: Response, productionType: ProductionType, count: number) => {
    const midnight = Math.floor(clock.now().getTime() / DAY_MS) * DAY_MS;
    const start = new Date(midnight).toISOString();
    const answer = unwrap(await useCases.generationForecast({ productionType, start, end: new Date(midnight + count * DAY_MS).toISOString() }));
    const forecasts = answer.forecasts.map((f) => ({ forecast_type: f.forecastType, values: f.values.map(generationValueToWire) }));
    res.json({ success: true, data: { production_type: productionType, forecasts, period: periodToWire(answer.fromMs, answer.toMs) } });
  };
  return {
    getTempoRemaining: async (_req, res) => {
      const stats = unwrap(await useCases.tempoSeason());
      const data = { season: stats.season, ...statsToWire(stats), blue: stats.remaining.BLUE, white: stats.remaining.WHITE, red: stats.remaining.RED };
      res.json({ success: true, data });
    },
    getTempoForecast: async (req, res) => {
      const { stats, days: outlook } = unwrap(await useCases.tempoForecast(queryOf(req, 'getTempoForecast').days ?? 6));
      res.json({
        success: true,
        data: {
          season: stats.season,
          season_stats: statsToWire(stats),
          forecasts: outlook.map(outlookToWire),
          algorithm_info: OUTLOOK_INFO,
          cached_at: clock.now().toISOString(),
          cache_ttl_hours: 0,
        },
      });
    },
    getGenerationForecast: async (req, res) => {
      const query = queryOf(req, 'getGenerationForecast');
      const answer = unwrap(
        await useCases.generationForecast({
          productionType: query.production_type,
          forecastType: query.forecast_type,
          start: query.start_date,
          end: query.end_date,
        }),
      );
      res.json({ success: true, data: { forecasts: answer.forecasts.map(generationToWire), period: periodToWire(answer.fromMs, answer.toMs) } });
    },
    getSolarForecast: async (req, res) => oneProduction(res, 'SOLAR', queryOf(req, 'getSolarForecast').days ?? 3),
    getWindForecast: async (req, res) => oneProduction(res, 'WIND', queryOf(req, 'getWindForecast').days ?? 3),
    getRenewableMix: async (req, res) => {
      const forecastType = queryOf(req, 'getRenewableMix').forecast_type ?? 'ID';
      const midnight = Math.floor(clock.now().getTime() / DAY_MS) * DAY_MS;
      const [start, end] = [new Date(midnight - DAY_MS).toISOString(), new Date(midnight + 2 * DAY_MS).toISOString()];
      const answer = unwrap(await useCases.generationForecast({ forecastType, start, end }));
      res.json({ success: true, data: { forecast_type: forecastType, mix: mixOf(answer.forecasts), period: periodToWire(answer.fromMs, answer.toMs) } });
    },
  };
}
