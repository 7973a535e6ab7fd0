import type { Request, Response } from 'express';
import { addDays } from '../../../domain/local-date.js';
import { parisDate } from '../../../domain/paris-time.js';
import type { TempoDay } from '../../../domain/tempo.js';
import type { EcoWattDay } from '../../../domain/ecowatt.js';
import { NATIONAL_STEP_MS, type NationalConsumption } from '../../../domain/national-consumption.js';
import { dayNumber } from '../../../domain/local-date.js';
import { formatParisIso, parisMidnightUtcMs } from '../../../domain/paris-time.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import { HttpRefusal, unwrap } from '../error-mapping.js';
import { queryOf, type TagRouter } from '../operations.js';
import { GENERATION_STEP_MS, type GenerationForecast, type GenerationValue, type ProductionType } from '../../../domain/generation-forecast.js';
import type { TempoOutlookDay, TempoSeasonStats } from '../../../domain/tempo-outlook.js';

/** A Tempo day as upstream serves it; this gateway does not learn when RTE last changed a day. */
const tempoToWire = (day: TempoDay) => ({ date: day.date, color: day.color, updated_at: null, rte_updated_date: null });

/**
 * An EcoWatt day as upstream serves it. This gateway does not learn when RTE generated the signal,
 * so the three instants are the day's start.
 */
const ecowattToWire = (day: EcoWattDay) => {
  const start = formatParisIso(parisMidnightUtcMs(day.date));
  return {
    id: dayNumber(day.date),
    periode: start,
    generation_datetime: start,
    created_at: start,
    updated_at: start,
    dvalue: day.level,
    message: day.message,
    values: [...day.hourly],
    hdebut: 0,
    hfin: 23,
  };
};

/** A national series as upstream serves it: each quarter-hour with its bounds, in Paris time. */
const seriesToWire = ({ series, values }: NationalConsumption) => ({
  type: series,
  values: values.map(({ startMs, mw }) => ({
    start_date: formatParisIso(startMs),
    end_date: formatParisIso(startMs + NATIONAL_STEP_MS),
    value: mw,
    updated_date: null,
  })),
});
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

const periodToWire = (fromMs: number, toMs: number) => ({ start: formatParisIso(fromMs), end: formatParisIso(toMs) });

const DAY_MS = 86_400_000;

/** RTE's public signals, in upstream's shapes (tag Grid). */
export function gridRouter(useCases: UseCases, clock: Clock): TagRouter {
  const today = () => parisDate(clock.now());
  const oneProduction = async (res: Response, productionType: ProductionType, count: number) => {
    const midnight = Math.floor(clock.now().getTime() / DAY_MS) * DAY_MS;
    const start = new Date(midnight).toISOString();
    const answer = unwrap(await useCases.generationForecast({ productionType, start, end: new Date(midnight + count * DAY_MS).toISOString() }));
    const forecasts = answer.forecasts.map((f) => ({ forecast_type: f.forecastType, values: f.values.map(generationValueToWire) }));
    res.json({ success: true, data: { production_type: productionType, forecasts, period: periodToWire(answer.fromMs, answer.toMs) } });
  };
  const days = async (first: unknown, last: unknown) => unwrap(await useCases.tempoCalendar({ first, last }));
  return {
    tag: 'Grid',
    handlers: {
      getTempoCalendar: async (req, res) => {
        const query = queryOf(req, 'getTempoCalendar');
        res.json({ success: true, data: (await days(query.start, query.end)).map(tempoToWire) });
      },
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
        const byHour = new Map<number, { solar: number; wind: number }>();
        for (const f of answer.forecasts) {
          for (const v of f.values) {
            const hour = byHour.get(v.startMs) ?? { solar: 0, wind: 0 };
            hour[f.productionType === 'SOLAR' ? 'solar' : 'wind'] += v.mw;
            byHour.set(v.startMs, hour);
          }
        }
        const mix = [...byHour]
          .sort(([a], [b]) => a - b)
          .map(([startMs, { solar, wind }]) => ({ start_date: formatParisIso(startMs), solar, wind, total_renewable: solar + wind }));
        res.json({ success: true, data: { forecast_type: forecastType, mix, period: periodToWire(answer.fromMs, answer.toMs) } });
      },
      getTempoDays: async (req, res) => {
        const query = queryOf(req, 'getTempoDays');
        res.json({ success: true, data: (await days(query.start_date, query.end_date)).map(tempoToWire) });
      },
      getTempoToday: async (_req, res) => {
        const [day] = await days(today(), today());
        if (!day) throw new HttpRefusal(404, 'NOT_FOUND', "today's Tempo colour is not known yet");
        res.json({ success: true, data: tempoToWire(day) });
      },
      getTempoWeek: async (_req, res) => {
        res.json({ success: true, data: (await days(addDays(today(), -6), addDays(today(), 1))).map(tempoToWire) });
      },
      getEcoWattCurrent: async (_req, res) => {
        const [day] = unwrap(await useCases.ecowattForecast(1));
        res.json(day ? ecowattToWire(day) : null);
      },
      getEcoWattForecast: async (req, res) => {
        const days = unwrap(await useCases.ecowattForecast(queryOf(req, 'getEcoWattForecast').days ?? 4));
        res.json({ success: true, data: days.map(ecowattToWire) });
      },
      getEcoWattHistory: async (req, res) => {
        const query = queryOf(req, 'getEcoWattHistory');
        res.json(unwrap(await useCases.ecowattHistory({ first: query.start_date, last: query.end_date })).map(ecowattToWire));
      },
      getNationalConsumption: async (req, res) => {
        const query = queryOf(req, 'getNationalConsumption');
        const answer = unwrap(await useCases.nationalConsumption({ type: query.type, start: query.start_date, end: query.end_date }));
        res.json({ success: true, data: { short_term: answer.series.map(seriesToWire), period: periodToWire(answer.fromMs, answer.toMs) } });
      },
      getNationalConsumptionCurrent: async (_req, res) => {
        const now = clock.now().getTime();
        const answer = unwrap(
          await useCases.nationalConsumption({ type: 'REALISED', start: new Date(now - 2 * 3_600_000).toISOString(), end: new Date(now).toISOString() }),
        );
        const latest = answer.series[0]?.values.at(-1);
        if (!latest) throw new HttpRefusal(404, 'NOT_FOUND', 'no realised national consumption in the last two hours');
        res.json({ success: true, data: { ...seriesToWire({ series: 'REALISED', values: [latest] }).values[0]!, unit: 'MW' } });
      },
      getNationalConsumptionForecast: async (req, res) => {
        const now = clock.now().getTime();
        const days = queryOf(req, 'getNationalConsumptionForecast').days ?? 2;
        const end = new Date(now + days * 86_400_000).toISOString();
        const answer = unwrap(await useCases.nationalConsumption({ type: 'ID,D-1,D-2', start: new Date(now).toISOString(), end }));
        res.json({ success: true, data: { forecasts: answer.series.map(seriesToWire), period: periodToWire(answer.fromMs, answer.toMs) } });
      },
      getRteTempo: async (req: Request, res) => {
        const known = await days(req.params.start, req.params.end);
        res.json(Object.fromEntries(known.map((day) => [day.date, day.color])));
      },
    },
  };
}
