import type { ConsentStatus } from '../../../domain/consent.js';
import type { Pdl } from '../../../domain/pdl.js';
import type { ConsentStart } from '../../../domain/use-cases/consent.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import type { MeterUpdate } from '../../../domain/use-cases/meter-update.js';
import { unwrap } from '../error-mapping.js';
import { bodyOf, principalOf, type JsonBodyOf, type TagRouter } from '../operations.js';
import type { Principal } from '../../../domain/principal.js';
import type { components } from '../openapi-types.js';

type WirePdl = components['schemas']['Pdl'];

/** A meter on the wire; `start` is the consent link the registration answer carries when one is needed. */
export function pdlToWire(pdl: Pdl, status: ConsentStatus, start: ConsentStart | null = null): WirePdl {
  const consent: WirePdl['consent'] = {
    status,
    granted_at: pdl.consent.grantedAt?.toISOString() ?? null,
    expires_at: pdl.consent.expiresAt?.toISOString() ?? null,
    ...(start ? { authorize_url: start.url, authorize_expires_in: start.expiresInSeconds } : {}),
  };
  return {
    id: pdl.id,
    usage_point_id: pdl.usagePointId,
    name: pdl.name,
    display_order: pdl.displayOrder,
    is_active: pdl.isActive,
    has_consumption: pdl.hasConsumption,
    has_production: pdl.hasProduction,
    subscribed_power: pdl.subscribedPower,
    offpeak_hours: pdl.offpeakHours ? [...pdl.offpeakHours] : null,
    activation_date: pdl.activationDate,
    production_activation_date: pdl.productionActivationDate,
    oldest_available_data_date: pdl.oldestAvailableDataDate,
    pricing_option: pdl.pricingOption,
    selected_offer_id: pdl.selectedOfferId,
    linked_production_pdl_id: pdl.linkedProductionPdlId,
    sync: { status: pdl.sync.status, error: pdl.sync.error, synced_at: pdl.sync.syncedAt?.toISOString() ?? null },
    consent,
    created_at: pdl.createdAt.toISOString(),
    updated_at: pdl.updatedAt.toISOString(),
  };
}

/** The meter settings of a request body, as the use case takes them. */
export const meterSettingsOf = (body: Omit<JsonBodyOf<'updatePdl'>, 'name' | 'display_order' | 'is_active'>): MeterUpdate => ({
  hasConsumption: body.has_consumption,
  hasProduction: body.has_production,
  subscribedPower: body.subscribed_power,
  offpeakHours: body.offpeak_hours,
  pricingOption: body.pricing_option,
  selectedOfferId: body.selected_offer_id,
  linkedProductionPdl: body.linked_production_pdl_id,
});

const idOf = (params: Record<string, string | string[]>) => String(params.pdl_id);

export function pdlRouter(useCases: UseCases): TagRouter {
  const wire = (principal: Principal, pdl: Pdl, start: ConsentStart | null = null) => pdlToWire(pdl, useCases.consentStatusOf(principal.user, pdl), start);
  return {
    tag: 'PDL',
    handlers: {
      listPdls: async (_req, res) => {
        const principal = principalOf(res);
        const meters = await useCases.listPdls(principal);
        res.json({ success: true, data: meters.map((pdl) => wire(principal, pdl)) });
      },
      createPdl: async (req, res) => {
        const principal = principalOf(res);
        const body = bodyOf(req, 'createPdl');
        const registered = unwrap(await useCases.registerPdl(principal, { usagePointId: body.usage_point_id, name: body.name }));
        if (registered.consent) res.set('Cache-Control', 'no-store');
        res.status(201).json({ success: true, data: wire(principal, registered.pdl, registered.consent) });
      },
      getPdl: async (req, res) => {
        const pdl = unwrap(await useCases.getPdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: wire(principalOf(res), pdl) });
      },
      updatePdl: async (req, res) => {
        const body = bodyOf(req, 'updatePdl');
        const pdl = unwrap(
          await useCases.updatePdl(principalOf(res), idOf(req.params), {
            name: body.name,
            displayOrder: body.display_order,
            isActive: body.is_active,
            ...meterSettingsOf(body),
          }),
        );
        res.json({ success: true, data: wire(principalOf(res), pdl) });
      },
      deletePdl: async (req, res) => {
        const deleted = unwrap(await useCases.deletePdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: { deleted_cache_entries: deleted.deletedCacheEntries } });
      },
      syncPdl: async (req, res) => {
        const pdl = unwrap(await useCases.resyncPdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: wire(principalOf(res), pdl) });
      },
    },
  };
}
