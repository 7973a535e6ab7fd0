import { randomUUID } from 'node:crypto';
import { compareOffers, offerKey, offerValidOn, sameEntry, type Offer, type OfferEntry, type Provider } from '../../domain/offers.js';
import type { OfferCatalogue, OfferFilter, SaveSummary } from '../../ports/offer-catalogue.js';

/** The offers catalogue in the process (tests, and a gateway whose stores are all in memory). */
export class InMemoryOfferCatalogue implements OfferCatalogue {
  private readonly byName = new Map<string, Provider>();
  private readonly byId = new Map<string, Offer>();

  async providers(): Promise<Provider[]> {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async offers(filter: OfferFilter = {}): Promise<Offer[]> {
    return [...this.byId.values()]
      .filter((o) => (filter.includeRetired || o.active) && (!filter.providerId || o.providerId === filter.providerId))
      .filter((o) => !filter.validOn || offerValidOn(o, filter.validOn))
      .sort(compareOffers);
  }

  async offer(id: string): Promise<Offer | null> {
    return this.byId.get(id) ?? null;
  }

  async upsert(entries: readonly OfferEntry[], at: Date): Promise<SaveSummary> {
    let created = 0;
    let updated = 0;
    for (const entry of entries) {
      const existing = this.find(entry);
      if (!existing) {
        this.store(entry, randomUUID(), at, at);
        created++;
      } else if (!sameEntry(existing, entry) || !existing.active) {
        this.store(entry, existing.id, existing.createdAt, at);
        updated++;
      }
    }
    return { created, updated, unchanged: entries.length - created - updated };
  }

  async create(entry: OfferEntry, at: Date): Promise<Offer | 'exists'> {
    return this.find(entry) ? 'exists' : this.store(entry, randomUUID(), at, at);
  }

  async replace(id: string, entry: OfferEntry, at: Date): Promise<Offer | 'exists' | null> {
    const existing = this.byId.get(id);
    if (!existing) return null;
    const holder = this.find(entry);
    if (holder && holder.id !== id) return 'exists';
    return this.store(entry, id, existing.createdAt, at, existing.active);
  }

  async retire(id: string, at: Date): Promise<Offer | null> {
    const existing = this.byId.get(id);
    if (!existing) return null;
    const retired = { ...existing, active: false, updatedAt: at };
    this.byId.set(id, retired);
    return retired;
  }

  private find(entry: OfferEntry): Offer | undefined {
    const key = offerKey(entry);
    return [...this.byId.values()].find((o) => offerKey(o) === key);
  }

  private store(entry: OfferEntry, id: string, createdAt: Date, updatedAt: Date, active = true): Offer {
    const name = entry.provider.toLowerCase();
    const provider = this.byName.get(name) ?? { id: randomUUID(), name: entry.provider, website: entry.providerWebsite };
    this.byName.set(name, entry.providerWebsite ? { ...provider, website: entry.providerWebsite } : provider);
    const offer: Offer = { ...entry, provider: provider.name, id, providerId: provider.id, active, createdAt, updatedAt };
    this.byId.set(id, offer);
    return offer;
  }
}
