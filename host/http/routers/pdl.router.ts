import type { Pdl } from '../../../domain/pdl.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import { unwrap } from '../error-mapping.js';
import { principalOf, type TagRouter } from '../operations.js';
import type { components } from '../openapi-types.js';

export function pdlToWire(pdl: Pdl): components['schemas']['Pdl'] {
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
    oldest_available_data_date: pdl.oldestAvailableDataDate,
    sync: { status: pdl.sync.status, error: pdl.sync.error, synced_at: pdl.sync.syncedAt?.toISOString() ?? null },
    created_at: pdl.createdAt.toISOString(),
    updated_at: pdl.updatedAt.toISOString(),
  };
}

const idOf = (params: Record<string, string | string[]>) => String(params.pdl_id);

export function pdlRouter(useCases: UseCases): TagRouter {
  return {
    tag: 'PDL',
    handlers: {
      listPdls: async (_req, res) => {
        const meters = await useCases.listPdls(principalOf(res));
        res.json({ success: true, data: meters.map(pdlToWire) });
      },
      createPdl: async (req, res) => {
        const body = req.body as { usage_point_id: string; name?: string };
        const pdl = unwrap(await useCases.registerPdl(principalOf(res), { usagePointId: body.usage_point_id, name: body.name }));
        res.status(201).json({ success: true, data: pdlToWire(pdl) });
      },
      getPdl: async (req, res) => {
        const pdl = unwrap(await useCases.getPdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: pdlToWire(pdl) });
      },
      updatePdl: async (req, res) => {
        const body = req.body as { name?: string | null; display_order?: number | null; is_active?: boolean };
        const pdl = unwrap(
          await useCases.updatePdl(principalOf(res), idOf(req.params), {
            name: body.name,
            displayOrder: body.display_order,
            isActive: body.is_active,
          }),
        );
        res.json({ success: true, data: pdlToWire(pdl) });
      },
      deletePdl: async (req, res) => {
        const deleted = unwrap(await useCases.deletePdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: { deleted_cache_entries: deleted.deletedCacheEntries } });
      },
      syncPdl: async (req, res) => {
        const pdl = unwrap(await useCases.resyncPdl(principalOf(res), idOf(req.params)));
        res.json({ success: true, data: pdlToWire(pdl) });
      },
    },
  };
}
