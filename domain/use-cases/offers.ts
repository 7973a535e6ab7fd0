import type { DomainError, OfferExists, OfferNotFound } from '../errors.js';
import { parseCatalogue, type CatalogueProblem } from '../offer-catalogue-file.js';
import { isCreTariffFile, parseCreTariffFile } from '../cre-tariff-file.js';
import { parseOfferEntry, type Offer, type Provider } from '../offers.js';
import { parisDate } from '../paris-time.js';
import { can } from '../permissions.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { SaveSummary } from '../../ports/offer-catalogue.js';
import type { Dependencies } from './dependencies.js';

const gate = (principal: Principal): Result<true, DomainError> =>
  can(principal, 'offers.manage') ? ok(true) : err({ kind: 'PermissionMissing', permission: 'offers.manage' });

/** The catalogue as households read it, and as admins change it. */
export function offerCatalogue(deps: Dependencies) {
  const now = () => deps.clock.now();
  return {
    providers: (): Promise<Provider[]> => deps.offers.providers(),

    /** Active offers still in force today or later (with `includeHistory`, the past periods too). */
    offers: async (query: { providerId?: string; includeHistory?: boolean }): Promise<Offer[]> => {
      const today = parisDate(now());
      const offers = await deps.offers.offers({ providerId: query.providerId });
      return query.includeHistory ? offers : offers.filter((o) => o.validTo === null || o.validTo > today);
    },

    create: async (principal: Principal, raw: unknown): Promise<Result<Offer, DomainError | OfferExists>> => {
      const allowed = gate(principal);
      if (!allowed.ok) return allowed;
      const entry = parseOfferEntry(raw);
      if (!entry.ok) return entry;
      const created = await deps.offers.create(entry.value, now());
      return created === 'exists' ? err({ kind: 'OfferExists' }) : ok(created);
    },

    replace: async (principal: Principal, id: string, raw: unknown): Promise<Result<Offer, DomainError | OfferExists | OfferNotFound>> => {
      const allowed = gate(principal);
      if (!allowed.ok) return allowed;
      const entry = parseOfferEntry(raw);
      if (!entry.ok) return entry;
      const replaced = await deps.offers.replace(id, entry.value, now());
      if (replaced === 'exists') return err({ kind: 'OfferExists' });
      return replaced ? ok(replaced) : err({ kind: 'OfferNotFound' });
    },

    retire: async (principal: Principal, id: string): Promise<Result<Offer, DomainError | OfferNotFound>> => {
      const allowed = gate(principal);
      if (!allowed.ok) return allowed;
      const retired = await deps.offers.retire(id, now());
      return retired ? ok(retired) : err({ kind: 'OfferNotFound' });
    },

    /**
     * A catalogue file loaded whole (seed and import scripts): ours (JSON Lines) or one of the
     * regulator's Tarif Bleu CSV files; every bad line named, nothing written unless all are good.
     */
    load: async (text: string): Promise<Result<SaveSummary, CatalogueProblem[]>> => {
      const entries = isCreTariffFile(text) ? parseCreTariffFile(text) : parseCatalogue(text);
      return entries.ok ? ok(await deps.offers.upsert(entries.value, now())) : entries;
    },
  };
}
