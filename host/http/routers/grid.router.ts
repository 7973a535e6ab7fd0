import type { Request } from 'express';
import { addDays } from '../../../domain/local-date.js';
import { parisDate } from '../../../domain/paris-time.js';
import type { TempoDay } from '../../../domain/tempo.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import { HttpRefusal, unwrap } from '../error-mapping.js';
import { queryOf, type TagRouter } from '../operations.js';

/** A Tempo day as upstream serves it; this gateway does not learn when RTE last changed a day. */
const tempoToWire = (day: TempoDay) => ({ date: day.date, color: day.color, updated_at: null, rte_updated_date: null });

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
      getRteTempo: async (req: Request, res) => {
        const known = await days(req.params.start, req.params.end);
        res.json(Object.fromEntries(known.map((day) => [day.date, day.color])));
      },
    },
  };
}
