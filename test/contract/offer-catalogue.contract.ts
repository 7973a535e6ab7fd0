import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/local-date.js';
import type { OfferEntry } from '../../domain/offers.js';
import type { OfferCatalogue } from '../../ports/offer-catalogue.js';

export type OfferCatalogueFactory = () => Promise<{ catalogue: OfferCatalogue; close(): Promise<void> }>;

const at = new Date('2026-12-01T10:00:00Z');
const later = new Date('2026-12-02T10:00:00Z');

export const entry = (change: Partial<OfferEntry> = {}): OfferEntry => ({
  provider: 'EDF',
  providerWebsite: 'https://particulier.edf.fr',
  name: 'Tarif Bleu Base',
  offerType: 'BASE',
  powerKva: 6,
  validFrom: '2024-02-01' as LocalDate,
  validTo: '2025-02-01' as LocalDate,
  subscriptionMicroPerYear: 151_860_000,
  prices: { base: 251_600 },
  description: null,
  source: 'https://www.cre.fr/',
  ...change,
});

/** The OfferCatalogue contract (ports/offer-catalogue.ts). */
export function offerCatalogueContract(adapter: string, make: OfferCatalogueFactory) {
  describe(`OfferCatalogue contract: ${adapter}`, () => {
    const withCatalogue = async (work: (c: OfferCatalogue) => Promise<void>) => {
      const { catalogue, close } = await make();
      try {
        await work(catalogue);
      } finally {
        await close();
      }
    };

    it('when the same entries are upserted twice, then one copy of each exists, the second time all unchanged', () =>
      withCatalogue(async (c) => {
        const entries = [entry(), entry({ powerKva: 9, subscriptionMicroPerYear: 190_910_000 }), entry({ provider: 'Other', providerWebsite: null })];
        expect(await c.upsert(entries, at)).toEqual({ created: 3, updated: 0, unchanged: 0 });
        expect(await c.upsert(entries, later)).toEqual({ created: 0, updated: 0, unchanged: 3 });
        const offers = await c.offers();
        expect(offers.map((o) => [o.provider, o.powerKva])).toEqual([
          ['EDF', 6],
          ['EDF', 9],
          ['Other', 6],
        ]);
        expect(offers[0]).toMatchObject({ ...entry(), active: true });
        expect(offers[0]!.createdAt.toISOString()).toBe(at.toISOString());
        expect((await c.providers()).map((p) => p.name)).toEqual(['EDF', 'Other']);
      }));

    it('when an entry changes its prices, then the upsert updates it in place, keeping its id', () =>
      withCatalogue(async (c) => {
        await c.upsert([entry()], at);
        const [before] = await c.offers();
        expect(await c.upsert([entry({ prices: { base: 200_000 } })], later)).toEqual({ created: 0, updated: 1, unchanged: 0 });
        const [after] = await c.offers();
        expect(after).toMatchObject({ id: before!.id, prices: { base: 200_000 } });
        expect(after!.updatedAt.toISOString()).toBe(later.toISOString());
      }));

    it('when offers are filtered by day and provider, then only those valid that day (end excluded) and of that provider come', () =>
      withCatalogue(async (c) => {
        await c.upsert([entry(), entry({ validFrom: '2025-02-01' as LocalDate, validTo: null, prices: { base: 201_600 } }), entry({ provider: 'Other' })], at);
        expect((await c.offers({ validOn: '2025-01-31' as LocalDate })).map((o) => o.prices.base)).toEqual([251_600, 251_600]);
        expect((await c.offers({ validOn: '2025-02-01' as LocalDate })).map((o) => o.prices.base)).toEqual([201_600]);
        const [edf] = await c.providers();
        expect((await c.offers({ providerId: edf!.id })).every((o) => o.provider === 'EDF')).toBe(true);
        expect(await c.offers({ providerId: edf!.id })).toHaveLength(2);
      }));

    it('when an offer is created twice, replaced onto another key, or retired, then the catalogue says so and keeps the retired one for history', () =>
      withCatalogue(async (c) => {
        const first = await c.create(entry(), at);
        if (first === 'exists') throw new Error('created as existing');
        expect(await c.create(entry(), at)).toBe('exists');
        const second = await c.create(entry({ powerKva: 9 }), at);
        if (second === 'exists') throw new Error('created as existing');
        expect(await c.replace(second.id, entry(), later)).toBe('exists');
        const replaced = await c.replace(second.id, entry({ powerKva: 12, subscriptionMicroPerYear: 230_890_000 }), later);
        expect(replaced).toMatchObject({ id: second.id, powerKva: 12, subscriptionMicroPerYear: 230_890_000 });
        expect(await c.replace('00000000-0000-4000-8000-000000000000', entry(), later)).toBeNull();
        expect(await c.retire(first.id, later)).toMatchObject({ id: first.id, active: false });
        expect((await c.offers()).map((o) => o.id)).toEqual([second.id]);
        expect((await c.offers({ includeRetired: true })).map((o) => o.id)).toEqual([first.id, second.id]);
        expect(await c.offer(first.id)).toMatchObject({ active: false });
        expect(await c.retire('00000000-0000-4000-8000-000000000000', later)).toBeNull();
        // Upserting a retired offer brings it back.
        expect(await c.upsert([entry()], later)).toEqual({ created: 0, updated: 1, unchanged: 0 });
        expect(await c.offer(first.id)).toMatchObject({ active: true });
      }));
  });
}
