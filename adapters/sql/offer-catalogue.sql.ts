import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { LocalDate } from '../../domain/local-date.js';
import { compareOffers, offerKey, sameEntry, type Offer, type OfferEntry, type OfferType, type Provider } from '../../domain/offers.js';
import type { OfferCatalogue, OfferFilter, SaveSummary } from '../../ports/offer-catalogue.js';
import { guarded, toDate } from './sql-errors.js';

interface OfferRow {
  id: string;
  provider_id: string;
  provider_name: string;
  provider_website: string | null;
  offer_key: string;
  name: string;
  offer_type: string;
  power_kva: number;
  valid_from: string;
  valid_to: string | null;
  subscription_micro_per_year: number | string;
  prices: string;
  description: string | null;
  source: string | null;
  is_active: boolean | number;
  created_at: string | Date;
  updated_at: string | Date;
}

const toOffer = (row: OfferRow): Offer => ({
  id: row.id,
  providerId: row.provider_id,
  provider: row.provider_name,
  providerWebsite: row.provider_website,
  name: row.name,
  offerType: row.offer_type as OfferType,
  powerKva: Number(row.power_kva),
  validFrom: row.valid_from as LocalDate,
  validTo: row.valid_to as LocalDate | null,
  subscriptionMicroPerYear: Number(row.subscription_micro_per_year),
  prices: JSON.parse(row.prices) as Offer['prices'],
  description: row.description,
  source: row.source,
  active: Boolean(row.is_active),
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
});

const entryColumns = (entry: OfferEntry) => ({
  offer_key: offerKey(entry),
  name: entry.name,
  offer_type: entry.offerType,
  power_kva: entry.powerKva,
  valid_from: entry.validFrom,
  valid_to: entry.validTo,
  subscription_micro_per_year: entry.subscriptionMicroPerYear,
  prices: JSON.stringify(entry.prices),
  description: entry.description,
  source: entry.source,
});

/** The offers catalogue on SQLite or PostgreSQL (tables energy_providers, energy_offers). */
export class SqlOfferCatalogue implements OfferCatalogue {
  constructor(private readonly knex: Knex) {}

  providers(): Promise<Provider[]> {
    return guarded(async () => {
      const rows = await this.knex('energy_providers').select('id', 'name', 'website').orderBy('name');
      return rows.map((r: { id: string; name: string; website: string | null }) => ({ id: r.id, name: r.name, website: r.website }));
    });
  }

  offers(filter: OfferFilter = {}): Promise<Offer[]> {
    return guarded(async () => {
      const query = this.select(this.knex);
      if (!filter.includeRetired) query.where('o.is_active', true);
      if (filter.providerId) query.where('o.provider_id', filter.providerId);
      if (filter.validOn)
        query.where('o.valid_from', '<=', filter.validOn).andWhere((q) => q.whereNull('o.valid_to').orWhere('o.valid_to', '>', filter.validOn!));
      return ((await query) as OfferRow[]).map(toOffer).sort(compareOffers);
    });
  }

  offer(id: string): Promise<Offer | null> {
    return guarded(async () => {
      const row = (await this.select(this.knex).where('o.id', id).first()) as OfferRow | undefined;
      return row ? toOffer(row) : null;
    });
  }

  upsert(entries: readonly OfferEntry[], at: Date): Promise<SaveSummary> {
    return guarded(() =>
      this.knex.transaction(async (trx) => {
        let created = 0;
        let updated = 0;
        for (const entry of entries) {
          const existing = await this.byKey(trx, offerKey(entry));
          const providerId = await this.providerId(trx, entry, at);
          if (!existing) {
            await trx('energy_offers').insert({
              id: randomUUID(),
              provider_id: providerId,
              ...entryColumns(entry),
              is_active: true,
              created_at: at.toISOString(),
              updated_at: at.toISOString(),
            });
            created++;
          } else if (!sameEntry(existing, entry) || !existing.active) {
            await trx('energy_offers')
              .where('id', existing.id)
              .update({ ...entryColumns(entry), is_active: true, updated_at: at.toISOString() });
            updated++;
          }
        }
        return { created, updated, unchanged: entries.length - created - updated };
      }),
    );
  }

  create(entry: OfferEntry, at: Date): Promise<Offer | 'exists'> {
    return guarded(
      () =>
        this.knex.transaction(async (trx) => {
          if (await this.byKey(trx, offerKey(entry))) return 'exists' as const;
          const id = randomUUID();
          const providerId = await this.providerId(trx, entry, at);
          await trx('energy_offers').insert({
            id,
            provider_id: providerId,
            ...entryColumns(entry),
            is_active: true,
            created_at: at.toISOString(),
            updated_at: at.toISOString(),
          });
          return toOffer((await this.select(trx).where('o.id', id).first()) as OfferRow);
        }),
      () => 'exists' as const,
    );
  }

  replace(id: string, entry: OfferEntry, at: Date): Promise<Offer | 'exists' | null> {
    return guarded(
      () =>
        this.knex.transaction(async (trx) => {
          if (!(await trx('energy_offers').where('id', id).first('id'))) return null;
          const holder = await this.byKey(trx, offerKey(entry));
          if (holder && holder.id !== id) return 'exists' as const;
          const providerId = await this.providerId(trx, entry, at);
          await trx('energy_offers')
            .where('id', id)
            .update({ provider_id: providerId, ...entryColumns(entry), updated_at: at.toISOString() });
          return toOffer((await this.select(trx).where('o.id', id).first()) as OfferRow);
        }),
      () => 'exists' as const,
    );
  }

  retire(id: string, at: Date): Promise<Offer | null> {
    return guarded(async () => {
      const count = await this.knex('energy_offers').where('id', id).update({ is_active: false, updated_at: at.toISOString() });
      return count > 0 ? this.offer(id) : null;
    });
  }

  private select(db: Knex | Knex.Transaction) {
    return db('energy_offers as o')
      .join('energy_providers as p', 'p.id', 'o.provider_id')
      .select('o.*', 'p.name as provider_name', 'p.website as provider_website');
  }

  private async byKey(trx: Knex.Transaction, key: string): Promise<Offer | null> {
    const row = (await this.select(trx).where('o.offer_key', key).first()) as OfferRow | undefined;
    return row ? toOffer(row) : null;
  }

  /** The provider of that name, made (or given the entry's website) as needed. */
  private async providerId(trx: Knex.Transaction, entry: OfferEntry, at: Date): Promise<string> {
    const nameKey = entry.provider.toLowerCase();
    const existing = (await trx('energy_providers').where('name_key', nameKey).first('id', 'website')) as { id: string; website: string | null } | undefined;
    if (existing) {
      if (entry.providerWebsite && entry.providerWebsite !== existing.website)
        await trx('energy_providers').where('id', existing.id).update({ website: entry.providerWebsite });
      return existing.id;
    }
    const id = randomUUID();
    await trx('energy_providers').insert({ id, name_key: nameKey, name: entry.provider, website: entry.providerWebsite, created_at: at.toISOString() });
    return id;
  }
}
