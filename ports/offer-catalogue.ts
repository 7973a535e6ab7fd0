import type { LocalDate } from '../domain/local-date.js';
import type { Offer, OfferEntry, Provider } from '../domain/offers.js';

export interface OfferFilter {
  readonly providerId?: string;
  /** Only the offers that apply on this day. */
  readonly validOn?: LocalDate;
  /** Retired offers too (by default, only active ones). */
  readonly includeRetired?: boolean;
}

export interface SaveSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * The offers catalogue: providers and their offers, each at one power over one period.
 * - An offer is identified by provider name, offer name, type, power and first day (`offerKey`):
 *   `upsert` creates what is new, changes what differs (and reactivates it), leaves the rest, all
 *   in one transaction (nothing written when it fails); providers are created by name as needed.
 * - `create` refuses an entry whose key exists (`'exists'`); `replace` rewrites one offer, refusing
 *   a key another offer has; `retire` marks one inactive (kept for past prices).
 * - `offers` come ordered by provider name, offer name, power, first day.
 */
export interface OfferCatalogue {
  providers(): Promise<Provider[]>;
  offers(filter?: OfferFilter): Promise<Offer[]>;
  offer(id: string): Promise<Offer | null>;
  upsert(entries: readonly OfferEntry[], at: Date): Promise<SaveSummary>;
  create(entry: OfferEntry, at: Date): Promise<Offer | 'exists'>;
  replace(id: string, entry: OfferEntry, at: Date): Promise<Offer | 'exists' | null>;
  retire(id: string, at: Date): Promise<Offer | null>;
}
