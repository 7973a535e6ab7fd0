import { rate, type SelfConsumptionGroup } from '../../../domain/self-consumption.js';
import type { SelfConsumptionAnswer } from '../../../domain/use-cases/self-consumption.js';
import { dialectOf, sendCsv, wantsCsv } from '../csv.js';
import { headroomOf } from '../../../domain/headroom.js';
import { groupReadings, parseGroupBy, type GroupBy } from '../../../domain/aggregate.js';
import type { Request, Response } from 'express';
import type { CustomerDataKind } from '../../../domain/customer-data.js';
import type { Direction, MeteringKind } from '../../../domain/metering.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import type { MeterData } from '../../../domain/use-cases/read-meter-data/index.js';
import { quotaHeaders, unwrap } from '../error-mapping.js';
import { customerTo2026, measureTo2026, wants2026 } from '../format-2026.js';
import { principalOf, type Handler, type TagRouter } from '../operations.js';
import { pricedToWire } from '../cost-wire.js';
import { formatCents } from '../../../domain/money.js';
import type { components } from '../openapi-types.js';

type MeterDataEnvelope = components['schemas']['MeterDataResponse'];

export function meterDataToWire(data: MeterData): MeterDataEnvelope['data'] {
  return {
    meter_reading: {
      usage_point_id: data.usagePointId,
      start: data.range.start,
      end: data.range.end,
      reading_type: data.readingType,
      interval_reading: data.readings,
    },
    missing: data.missing,
    cache: { cached_days: data.cachedDays, fetched_days: data.fetchedDays },
  };
}

/** The range's peaks against the subscribed power (null when the meter's subscribed power is not known). */
function headroomToWire(data: MeterData) {
  if (data.subscribedPowerKva === null) return null;
  const { subscribedPowerKva, over, highest } = headroomOf(data.readings, data.subscribedPowerKva);
  return {
    subscribed_power_kva: subscribedPowerKva,
    over_days: over.length,
    over,
    highest: highest ? { at: highest.at, value: highest.value, share_of_subscribed: highest.share } : null,
  };
}

/** A metering answer as CSV: one row per reading (values in the route's unit) or per group. */
function csvOf(data: MeterData, groupBy: GroupBy | undefined): [string[], Iterable<unknown[]>] {
  if (groupBy) {
    const { unit, groups } = aggregateToWire(data, groupBy);
    const header = ['period', 'start', 'end', `value_${unit}`, 'complete', ...(unit === 'VA' ? ['peak_at'] : [])];
    return [header, groups.map((g) => [g.period, g.start, g.end, g.value, g.complete, ...(unit === 'VA' ? [g.peak_at ?? ''] : [])])];
  }
  const curve = data.readingType.measuring_period === undefined;
  const header = ['date', `value_${data.readingType.unit}`, 'quality', ...(curve ? ['interval_length'] : [])];
  function* rows() {
    for (const r of data.readings) yield [r.date, r.value, r.quality, ...(curve ? [r.interval_length ?? 'PT30M'] : [])];
  }
  return [header, rows()];
}

/** Self-consumption as served: Wh per flow and the two rates, per group and for the range. */
function selfConsumptionToWire(answer: SelfConsumptionAnswer) {
  const wire = (g: Omit<SelfConsumptionGroup, 'period' | 'start' | 'end' | 'complete'>) => ({
    production_wh: g.productionWh,
    consumption_wh: g.consumptionWh,
    self_consumed_wh: g.selfConsumedWh,
    injected_wh: g.injectedWh,
    drawn_wh: g.drawnWh,
    self_consumption_rate: g.selfConsumptionRate,
    self_sufficiency_rate: g.selfSufficiencyRate,
  });
  const sum = (pick: (g: SelfConsumptionGroup) => number) => Math.round(answer.groups.reduce((s, g) => s + pick(g), 0) * 1000) / 1000;
  const [productionWh, consumptionWh, selfConsumedWh] = [sum((g) => g.productionWh), sum((g) => g.consumptionWh), sum((g) => g.selfConsumedWh)];
  return {
    usage_point_id: answer.consumptionMeter.usagePointId,
    production_usage_point_id: answer.productionMeter.usagePointId,
    start: answer.range.start,
    end: answer.range.end,
    group_by: answer.groupBy,
    groups: answer.groups.map((g) => ({ period: g.period, start: g.start, end: g.end, ...wire(g), complete: g.complete })),
    total: wire({
      productionWh,
      consumptionWh,
      selfConsumedWh,
      injectedWh: sum((g) => g.injectedWh),
      drawnWh: sum((g) => g.drawnWh),
      selfConsumptionRate: rate(selfConsumedWh, productionWh),
      selfSufficiencyRate: rate(selfConsumedWh, consumptionWh),
    }),
    unpaired_intervals: answer.unpaired,
    missing: answer.missing,
  };
}

/** Readings grouped by hour, day, ISO week, month or year, in the same envelope as the readings. */
export function aggregateToWire(data: MeterData, groupBy: GroupBy) {
  const isPeak = data.readingType.aggregate === 'maximum';
  return {
    usage_point_id: data.usagePointId,
    start: data.range.start,
    end: data.range.end,
    group_by: groupBy,
    unit: isPeak ? ('VA' as const) : ('Wh' as const),
    aggregate: isPeak ? ('maximum' as const) : ('sum' as const),
    groups: groupReadings(data.kind, data.readings, data.range, groupBy).map(({ peakAt, ...g }) => ({ ...g, ...(peakAt ? { peak_at: peakAt } : {}) })),
    missing: data.missing,
    cache: { cached_days: data.cachedDays, fetched_days: data.fetchedDays },
  };
}

/** `use_cache` arrives coerced to a boolean by the validator; absent means true. */
const useCacheOf = (req: Request) => (req.query.use_cache as unknown) !== false && req.query.use_cache !== 'false';

/**
 * The same answer as meterDataToWire, as bytes: the readings are spliced in as the cache holds
 * them, without being decoded, parsed or serialised again.
 */
export function meterDataBody(data: MeterData, error?: MeterDataEnvelope['error']): Buffer {
  const head = JSON.stringify({ usage_point_id: data.usagePointId, start: data.range.start, end: data.range.end, reading_type: data.readingType });
  const tail = `},"missing":${JSON.stringify(data.missing)},"cache":${JSON.stringify({ cached_days: data.cachedDays, fetched_days: data.fetchedDays })}}}`;
  return Buffer.concat([
    Buffer.from(`{"success":true,${error ? `"error":${JSON.stringify(error)},` : ''}"data":{"meter_reading":${head.slice(0, -1)},"interval_reading":`),
    ...data.stored.jsonPieces(),
    Buffer.from(tail),
  ]);
}

/** How a route reads the range of a metering request; by default `start` and `end` as given. */
export type RangeOf = (req: Request) => { start: unknown; end: unknown };
/** An envelope-level error a route adds to a successful answer (upstream's PARTIAL_DATA), or none. */
export type SignalOf = (data: MeterData) => MeterDataEnvelope['error'] | undefined;

/** The quota headers of the bucket a request was counted in, if it was counted. */
const setQuotaHeaders = (res: Response, quota: MeterData['quota'], clock: Clock) => {
  if (quota) res.set(quotaHeaders(quota, clock.now()));
};

/**
 * The handler of a metering route: the use case's answer with its quota headers, as JSON checked by
 * the validator (`validated`) or as spliced text.
 */
export function meterDataHandler(useCases: UseCases, clock: Clock, validated: boolean) {
  return (kind: MeteringKind, rangeOf: RangeOf = (req) => ({ start: req.query.start, end: req.query.end }), signalOf: SignalOf = () => undefined): Handler =>
    async (req, res) => {
      const groupBy = unwrap(parseGroupBy(req.query.group_by, kind));
      const data = unwrap(
        await useCases.readMeterData(principalOf(res), { kind, usagePointId: req.params.usage_point_id, ...rangeOf(req), useCache: useCacheOf(req) }),
      );
      setQuotaHeaders(res, data.quota, clock);
      res.locals.detail = { cached_days: data.cachedDays, fetched_days: data.fetchedDays, missing: data.missing.length };
      if (wantsCsv(req))
        return sendCsv(
          res,
          ...csvOf(data, groupBy),
          dialectOf(req),
          `${data.usagePointId}-${kind.replace(':', '-')}-${data.range.start}-${data.range.end}.csv`,
        );
      if (groupBy) return void res.json({ success: true, data: aggregateToWire(data, groupBy) });
      const error = signalOf(data);
      res.vary('X-MED-Format');
      const summary = kind === 'consumption:max_power' && (req.query.summary as unknown) === true;
      if (wants2026(req)) res.json({ success: true, ...(error ? { error } : {}), data: measureTo2026(data) });
      else if (validated || summary) {
        res.json({ success: true, ...(error ? { error } : {}), data: { ...meterDataToWire(data), ...(summary ? { headroom: headroomToWire(data) } : {}) } });
      } else res.type('application/json; charset=utf-8').send(meterDataBody(data, error));
    };
}

/**
 * @param validated answers go through res.json, where the OpenAPI validator checks them; otherwise
 *   metering answers are sent as spliced text.
 */
export function enedisRouter(useCases: UseCases, clock: Clock, validated = true): TagRouter {
  const meterData = meterDataHandler(useCases, clock, validated);
  const statistics =
    (direction: Direction): Handler =>
    async (req, res) => {
      const answer = unwrap(await useCases.readStatistics(principalOf(res), { direction, usagePointId: req.params.usage_point_id, since: req.query.since }));
      res.json({
        success: true,
        data: {
          usage_point_id: answer.pdl.usagePointId,
          statistic_id: `myelectricaldata:${direction}_${answer.pdl.usagePointId}`,
          unit_of_measurement: 'kWh',
          has_sum: true,
          origin: answer.origin,
          rows: answer.rows,
          next_since: answer.nextSince,
          has_more: answer.hasMore,
          corrected_from: answer.correctedFrom,
          missing: answer.missing,
        },
      });
    };
  const customerData =
    (kind: CustomerDataKind): Handler =>
    async (req, res) => {
      const answer = unwrap(await useCases.readCustomerData(principalOf(res), { kind, usagePointId: req.params.usage_point_id, useCache: useCacheOf(req) }));
      setQuotaHeaders(res, answer.quota, clock);
      res.vary('X-MED-Format');
      res.json({ success: true, data: wants2026(req) ? customerTo2026(kind, answer.data) : answer.data });
    };
  return {
    tag: 'Enedis',
    handlers: {
      getConsumptionDaily: meterData('consumption:daily'),
      getConsumptionDetail: meterData('consumption:detail'),
      getConsumptionMaxPower: meterData('consumption:max_power'),
      getProductionDaily: meterData('production:daily'),
      getProductionDetail: meterData('production:detail'),
      ...costHandlers(useCases, clock),
      getConsumptionStatistics: statistics('consumption'),
      getProductionStatistics: statistics('production'),
      getSelfConsumption: async (req, res) => {
        const q = req.query;
        const answer = unwrap(
          await useCases.readSelfConsumption(principalOf(res), { usagePointId: req.params.usage_point_id, start: q.start, end: q.end, groupBy: q.group_by }),
        );
        res.json({ success: true, data: selfConsumptionToWire(answer) });
      },
      getContract: customerData('contract'),
      getAddress: customerData('address'),
      getCustomer: customerData('customer'),
      getContact: customerData('contact'),
      purgeCache: async (req, res) => {
        const purged = unwrap(await useCases.purgePdlCache(principalOf(res), String(req.params.usage_point_id)));
        res.json({ success: true, data: { deleted_cache_entries: purged.deletedCacheEntries } });
      },
    },
  };
}

/** What consumption cost (tag Enedis): one offer by period, or every offer side by side. */
export function costHandlers(useCases: UseCases, clock: Clock): Record<'getConsumptionCost' | 'compareConsumptionCost', Handler> {
  const requestOf = (req: Request) => ({
    usagePointId: req.params.usage_point_id,
    start: req.query.start,
    end: req.query.end,
    offerId: typeof req.query.offer_id === 'string' ? req.query.offer_id : undefined,
    groupBy: req.query.group_by === 'day' ? ('day' as const) : ('month' as const),
  });
  return {
    getConsumptionCost: async (req, res) => {
      const answer = unwrap(await useCases.consumptionCost.cost(principalOf(res), requestOf(req)));
      setQuotaHeaders(res, answer.quota, clock);
      const { grandCents: _unused, ...priced } = pricedToWire(answer);
      res.json({
        success: true,
        data: { usage_point_id: String(req.params.usage_point_id), range: answer.range, group_by: answer.groupBy, ...priced, missing: answer.missing },
      });
    },
    compareConsumptionCost: async (req, res) => {
      const answer = unwrap(await useCases.consumptionCost.compare(principalOf(res), requestOf(req)));
      setQuotaHeaders(res, answer.quota, clock);
      const current = answer.current ? pricedToWire(answer.current) : null;
      const offers = answer.offers
        .map((priced) => pricedToWire(priced))
        .sort((a, b) => Number(a.grandCents - b.grandCents) || a.offer.name.localeCompare(b.offer.name))
        .map(({ offer, total, grandCents }) => ({
          offer,
          total,
          difference_eur: current ? formatCents(Number(grandCents - current.grandCents)) : null,
        }));
      res.json({
        success: true,
        data: {
          usage_point_id: String(req.params.usage_point_id),
          range: answer.range,
          current: current ? { offer: current.offer, total: current.total } : null,
          offers,
          missing: answer.missing,
        },
      });
    },
  };
}
