import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { PdlAlreadyRegistered } from '../../domain/errors.js';
import type { LocalDate } from '../../domain/local-date.js';
import { NO_CONSENT, type NewPdl, type Pdl, type PdlConsent, type PdlPatch, type PricingOption } from '../../domain/pdl.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { ConsentTransfer, PdlRepo } from '../../ports/pdl-repo.js';
import { PdlModel, TokenModel } from './models.js';
import { guarded, isoNow, toDate } from './sql-errors.js';

function toPdl(row: PdlModel): Pdl {
  return {
    id: row.id,
    usagePointId: row.usage_point_id as UsagePointId,
    userId: row.user_id,
    name: row.name,
    hasConsumption: Boolean(row.has_consumption),
    hasProduction: Boolean(row.has_production),
    subscribedPower: row.subscribed_power,
    offpeakHours: row.offpeak_hours === null ? null : (JSON.parse(row.offpeak_hours) as string[]),
    activationDate: row.activation_date as LocalDate | null,
    productionActivationDate: (row.production_activation_date ?? null) as LocalDate | null,
    oldestAvailableDataDate: row.oldest_available_data_date as LocalDate | null,
    displayOrder: row.display_order,
    isActive: Boolean(row.is_active),
    pricingOption: (row.pricing_option ?? null) as PricingOption | null,
    selectedOfferId: row.selected_offer_id ?? null,
    linkedProductionPdlId: row.linked_production_pdl_id ?? null,
    sync: {
      status: row.sync_status as Pdl['sync']['status'],
      error: row.sync_error,
      syncedAt: row.synced_at === null ? null : toDate(row.synced_at),
    },
    consent: {
      grantedAt: row.consent_granted_at === null ? null : toDate(row.consent_granted_at),
      expiresAt: row.consent_expires_at === null ? null : toDate(row.consent_expires_at),
    },
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

const consentColumns = (consent: PdlConsent) => ({
  consent_granted_at: consent.grantedAt?.toISOString() ?? null,
  consent_expires_at: consent.expiresAt?.toISOString() ?? null,
});

function toColumns(patch: PdlPatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => value !== undefined && (columns[column] = value);
  set('name', patch.name);
  set('has_consumption', patch.hasConsumption);
  set('has_production', patch.hasProduction);
  set('subscribed_power', patch.subscribedPower);
  set('offpeak_hours', patch.offpeakHours === undefined ? undefined : patch.offpeakHours && JSON.stringify(patch.offpeakHours));
  set('activation_date', patch.activationDate);
  set('production_activation_date', patch.productionActivationDate);
  set('oldest_available_data_date', patch.oldestAvailableDataDate);
  set('display_order', patch.displayOrder);
  set('is_active', patch.isActive);
  set('pricing_option', patch.pricingOption);
  set('selected_offer_id', patch.selectedOfferId);
  set('linked_production_pdl_id', patch.linkedProductionPdlId);
  if (patch.sync) {
    columns.sync_status = patch.sync.status;
    columns.sync_error = patch.sync.error;
    columns.synced_at = patch.sync.syncedAt?.toISOString() ?? null;
  }
  return columns;
}

export class SqlPdlRepo implements PdlRepo {
  constructor(private readonly knex: Knex) {}

  create(pdl: NewPdl): Promise<Result<Pdl, PdlAlreadyRegistered>> {
    const now = isoNow();
    return guarded<Result<Pdl, PdlAlreadyRegistered>>(
      async () => {
        const row = await PdlModel.query(this.knex).insertAndFetch({
          id: randomUUID(),
          usage_point_id: pdl.usagePointId,
          user_id: pdl.userId,
          ...toColumns(pdl),
          ...consentColumns(pdl.consent),
          created_at: now,
          updated_at: now,
        });
        return ok(toPdl(row));
      },
      (violation) => {
        if (/usage_point/.test(violation.names)) return err({ kind: 'PdlAlreadyRegistered' });
        throw new Error(`unexpected unique violation: ${violation.names}`);
      },
    );
  }

  findById(id: string): Promise<Pdl | null> {
    return guarded(async () => {
      const row = await PdlModel.query(this.knex).findById(id);
      return row ? toPdl(row) : null;
    });
  }

  findForOwner(userId: string, usagePointId: UsagePointId): Promise<Pdl | null> {
    return guarded(async () => {
      const row = await PdlModel.query(this.knex).findOne({ user_id: userId, usage_point_id: usagePointId });
      return row ? toPdl(row) : null;
    });
  }

  grantConsent(id: string, consent: PdlConsent): Promise<ConsentTransfer | null> {
    return guarded(() =>
      this.knex.transaction(async (trx) => {
        const row = await PdlModel.query(trx).findById(id);
        if (!row) return null;
        const now = isoNow();
        const others = PdlModel.query(trx).where('usage_point_id', row.usage_point_id).whereNot('id', id).whereNotNull('consent_granted_at');
        const displacedIds = (await others.clone().select('id')).map((r) => r.id);
        if (displacedIds.length > 0)
          await PdlModel.query(trx)
            .patch({ ...consentColumns(NO_CONSENT), updated_at: now })
            .whereIn('id', displacedIds);
        await PdlModel.query(trx)
          .patch({ ...consentColumns(consent), updated_at: now })
          .where('id', id);
        const rows = await PdlModel.query(trx).whereIn('id', [id, ...displacedIds]);
        const pdls = rows.map(toPdl);
        return { pdl: pdls.find((p) => p.id === id)!, displaced: pdls.filter((p) => p.id !== id) };
      }),
    );
  }

  listByOwner(userId: string): Promise<Pdl[]> {
    return guarded(async () => {
      const rows = await PdlModel.query(this.knex)
        .where('user_id', userId)
        .orderByRaw('CASE WHEN display_order IS NULL THEN 1 ELSE 0 END, display_order, created_at');
      return rows.map(toPdl);
    });
  }

  update(id: string, patch: PdlPatch): Promise<Pdl | null> {
    return guarded(async () => {
      const updated = await PdlModel.query(this.knex)
        .patch({ ...toColumns(patch), updated_at: isoNow() })
        .where('id', id);
      return updated > 0 ? this.findById(id) : null;
    });
  }

  counts(): Promise<{ total: number; active: number }> {
    return guarded(async () => {
      const rows = (await this.knex('pdls').select('is_active').count('* as count').groupBy('is_active')) as Array<{
        is_active: boolean | number;
        count: number | string;
      }>;
      return {
        total: rows.reduce((sum, r) => sum + Number(r.count), 0),
        active: rows.filter((r) => r.is_active).reduce((sum, r) => sum + Number(r.count), 0),
      };
    });
  }

  delete(id: string): Promise<boolean> {
    return guarded(() =>
      this.knex.transaction(async (trx) => {
        const row = await PdlModel.query(trx).findById(id);
        if (!row) return false;
        await TokenModel.query(trx).delete().where({ usage_point_id: row.usage_point_id, user_id: row.user_id });
        return (await PdlModel.query(trx).deleteById(id)) > 0;
      }),
    );
  }
}
