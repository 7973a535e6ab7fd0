import type { CookieOptions, Request } from 'express';
import { addDays, addMonths, maxDate, minDate, parseLocalDate } from '../../../domain/local-date.js';
import { parisDate } from '../../../domain/paris-time.js';
import type { Pdl } from '../../../domain/pdl.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { MeterUpdate } from '../../../domain/use-cases/meter-update.js';
import type { Clock } from '../../../ports/clock.js';
import type { MeterData } from '../../../domain/use-cases/read-meter-data/index.js';
import { unwrap } from '../error-mapping.js';
import { bodyOf, principalOf, type Handler, type JsonBodyOf, type OperationId, type TagRouter } from '../operations.js';
import { passwordChangedAnswer } from './accounts.router.js';
import { meterDataHandler, type RangeOf } from './enedis.router.js';
import { meterSettingsOf, pdlToWire } from './pdl.router.js';

/** What the upstream gateway answers at `/api/`. */
export interface ApiInfo {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly documentation: string;
}

/** How far back upstream's batch routes reach. */
const BATCH_HISTORY_MONTHS = 24;

/**
 * Upstream's batch range: `end` included, clamped to the last 24 months and to J-1. A range wholly
 * outside becomes empty (start = end); dates that do not parse go to the use case as they are, which
 * names them.
 */
export const batchRange =
  (clock: Clock): RangeOf =>
  (req: Request) => {
    const start = parseLocalDate(req.query.start, 'start');
    const end = parseLocalDate(req.query.end, 'end');
    if (!start.ok || !end.ok || end.value < start.value) return { start: req.query.start, end: req.query.end };
    const today = parisDate(clock.now());
    const from = maxDate(start.value, addMonths(today, -BATCH_HISTORY_MONTHS));
    const to = minDate(addDays(end.value, 1), today);
    return { start: from, end: to < from ? from : to };
  };

/** Upstream's partial-success signal: some days of the range failed upstream. */
const partialData = (data: MeterData) =>
  data.missing.some((run) => run.reason === 'upstream_error')
    ? { code: 'PARTIAL_DATA' as const, message: 'Some days could not be fetched from Enedis; `missing` says which. Ask again later.' }
    : undefined;

const idOf = (req: Request) => String(req.params.pdl_id);

/**
 * The upstream MyElectricalData gateway's own routes (tag Compatibility), mapped onto the use
 * cases, so that its web app and its local client work against this gateway unchanged.
 */
export function compatibilityRouter(useCases: UseCases, clock: Clock, validated: boolean, session: CookieOptions, info: ApiInfo): TagRouter {
  const meterData = meterDataHandler(useCases, clock, validated);
  /** A PATCH of one group of a meter's fields, answering the meter. */
  const setting =
    <Op extends OperationId>(operation: Op, toUpdate: (body: JsonBodyOf<Op>) => MeterUpdate): Handler =>
    async (req, res) => {
      const principal = principalOf(res);
      const pdl: Pdl = unwrap(await useCases.updatePdl(principal, idOf(req), toUpdate(bodyOf(req, operation))));
      res.json({ success: true, data: pdlToWire(pdl, useCases.consentStatusOf(principal.user, pdl)) });
    };
  return {
    tag: 'Compatibility',
    handlers: {
      getApiInfo: async (_req, res) => {
        res.json(info);
      },
      getCredentials: async (_req, res) => {
        res.json({ success: true, data: { client_id: principalOf(res).user.clientId } });
      },
      getUsageStats: async (_req, res) => {
        const usage = await useCases.usageStatus(principalOf(res));
        res.json({
          success: true,
          data: {
            cached_requests: usage.cached.used,
            no_cache_requests: usage.uncached.used,
            cached_limit: usage.cached.limit,
            no_cache_limit: usage.uncached.limit,
            date: usage.date,
          },
        });
      },
      updatePassword: async (req, res) => {
        const body = bodyOf(req, 'updatePassword');
        const grant = unwrap(await useCases.changePassword(principalOf(res), { currentPassword: body.old_password, newPassword: body.new_password }));
        passwordChangedAnswer(res, grant, session);
      },
      reorderPdls: async (req, res) => {
        const reordered = unwrap(await useCases.reorderPdls(principalOf(res), bodyOf(req, 'reorderPdls').pdl_orders));
        res.json({ success: true, data: { message: `${reordered} meters reordered.`, reordered } });
      },
      setPdlName: setting('setPdlName', (body) => ({ name: body.name })),
      setPdlActive: setting('setPdlActive', (body) => ({ isActive: body.is_active })),
      setPdlType: setting('setPdlType', (body) => ({ hasConsumption: body.has_consumption, hasProduction: body.has_production })),
      setPdlContract: setting('setPdlContract', (body) => meterSettingsOf(body)),
      setPdlPricingOption: setting('setPdlPricingOption', (body) => ({ pricingOption: body.pricing_option })),
      setPdlSelectedOffer: setting('setPdlSelectedOffer', (body) => ({ selectedOfferId: body.selected_offer_id })),
      linkPdlProduction: setting('linkPdlProduction', (body) => ({ linkedProductionPdl: body.linked_production_pdl_id })),
      fetchPdlContract: async (req, res) => {
        const principal = principalOf(res);
        const pdl = unwrap(await useCases.resyncPdl(principal, idOf(req)));
        res.json({ success: true, data: pdlToWire(pdl, useCases.consentStatusOf(principal.user, pdl)) });
      },
      getPower: meterData('consumption:max_power'),
      getConsumptionDetailBatch: meterData('consumption:detail', batchRange(clock), partialData),
      getProductionDetailBatch: meterData('production:detail', batchRange(clock), partialData),
    },
  };
}
