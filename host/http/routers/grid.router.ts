import type { Request } from 'express';
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
import { queryOf, type Handler, type TagRouter } from '../operations.js';
import { outlookHandlers, periodToWire } from './grid-outlook.js';

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

/** Mainland France's consumption, realised and forecast, in upstream's shapes. */
function nationalHandlers(useCases: UseCases, clock: Clock): Record<string, Handler> {
  return {
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
  };
}

/** RTE's public signals, in upstream's shapes (tag Grid). */
export function gridRouter(useCases: UseCases, clock: Clock): TagRouter {
  const today = () => parisDate(clock.now());
  const days = async (first: unknown, last: unknown) => unwrap(await useCases.tempoCalendar({ first, last }));
  return {
    tag: 'Grid',
    handlers: {
      getTempoCalendar: async (req, res) => {
        const query = queryOf(req, 'getTempoCalendar');
        res.json({ success: true, data: (await days(query.start, query.end)).map(tempoToWire) });
      },
      ...outlookHandlers(useCases, clock),
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
      ...nationalHandlers(useCases, clock),
      getRteTempo: async (req: Request, res) => {
        const known = await days(req.params.start, req.params.end);
        res.json(Object.fromEntries(known.map((day) => [day.date, day.color])));
      },
    },
  };
}
