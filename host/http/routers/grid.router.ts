import type { Request } from 'express';
import { addDays } from '../../../domain/local-date.js';
import { parisDate } from '../../../domain/paris-time.js';
import type { TempoDay } from '../../../domain/tempo.js';
import type { EcoWattDay } from '../../../domain/ecowatt.js';
import { dayNumber } from '../../../domain/local-date.js';
import { formatParisIso, parisMidnightUtcMs } from '../../../domain/paris-time.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import { HttpRefusal, unwrap } from '../error-mapping.js';
import { queryOf, type TagRouter } from '../operations.js';

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

/** RTE's public signals, in upstream's shapes (tag Grid). */
export function gridRouter(useCases: UseCases, clock: Clock): TagRouter {
  const today = () => parisDate(clock.now());
  const days = async (first: unknown, last: unknown) => unwrap(await useCases.tempoCalendar({ first, last }));
  return {
    tag: 'Grid',
    handlers: {
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
      getRteTempo: async (req: Request, res) => {
        const known = await days(req.params.start, req.params.end);
        res.json(Object.fromEntries(known.map((day) => [day.date, day.color])));
      },
    },
  };
}
