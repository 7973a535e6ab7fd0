import type { Request, Response } from 'express';
import type { CustomerDataKind } from '../../../domain/customer-data.js';
import type { MeteringKind } from '../../../domain/metering.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { Clock } from '../../../ports/clock.js';
import type { MeterData } from '../../../domain/use-cases/read-meter-data/index.js';
import { quotaHeaders, unwrap } from '../error-mapping.js';
import { principalOf, type Handler, type TagRouter } from '../operations.js';
import type { components } from '../openapi-types.js';

export function meterDataToWire(data: MeterData): components['schemas']['MeterDataResponse']['data'] {
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

/** `use_cache` arrives coerced to a boolean by the validator; absent means true. */
const useCacheOf = (req: Request) => (req.query.use_cache as unknown) !== false && req.query.use_cache !== 'false';

/**
 * The same answer as meterDataToWire, as bytes: the readings are spliced in as the cache holds
 * them, without being decoded, parsed or serialised again.
 */
export function meterDataBody(data: MeterData): Buffer {
  const head = JSON.stringify({ usage_point_id: data.usagePointId, start: data.range.start, end: data.range.end, reading_type: data.readingType });
  const tail = `},"missing":${JSON.stringify(data.missing)},"cache":${JSON.stringify({ cached_days: data.cachedDays, fetched_days: data.fetchedDays })}}}`;
  return Buffer.concat([
    Buffer.from(`{"success":true,"data":{"meter_reading":${head.slice(0, -1)},"interval_reading":`),
    ...data.stored.jsonPieces(),
    Buffer.from(tail),
  ]);
}

/**
 * @param validated answers go through res.json, where the OpenAPI validator checks them; otherwise
 *   metering answers are sent as spliced text.
 */
export function enedisRouter(useCases: UseCases, clock: Clock, validated = true): TagRouter {
  const setQuotaHeaders = (res: Response, quota: MeterData['quota']) => {
    if (quota) res.set(quotaHeaders(quota, clock.now()));
  };
  const meterData =
    (kind: MeteringKind): Handler =>
    async (req, res) => {
      const data = unwrap(
        await useCases.readMeterData(principalOf(res), {
          kind,
          usagePointId: req.params.usage_point_id,
          start: req.query.start,
          end: req.query.end,
          useCache: useCacheOf(req),
        }),
      );
      setQuotaHeaders(res, data.quota);
      res.locals.detail = { cached_days: data.cachedDays, fetched_days: data.fetchedDays, missing: data.missing.length };
      if (validated) res.json({ success: true, data: meterDataToWire(data) });
      else res.type('application/json; charset=utf-8').send(meterDataBody(data));
    };
  const customerData =
    (kind: CustomerDataKind): Handler =>
    async (req, res) => {
      const answer = unwrap(await useCases.readCustomerData(principalOf(res), { kind, usagePointId: req.params.usage_point_id, useCache: useCacheOf(req) }));
      setQuotaHeaders(res, answer.quota);
      res.json({ success: true, data: answer.data });
    };
  return {
    tag: 'Enedis',
    handlers: {
      getConsumptionDaily: meterData('consumption:daily'),
      getConsumptionDetail: meterData('consumption:detail'),
      getConsumptionMaxPower: meterData('consumption:max_power'),
      getProductionDaily: meterData('production:daily'),
      getProductionDetail: meterData('production:detail'),
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
