import { invalidInput, type InvalidInput } from './errors.js';
import { parseLocalDate, type LocalDate } from './local-date.js';
import { parseEuros } from './money.js';
import { err, ok, type Result } from './result.js';
import { canonicalText, hasUnsafeCharacters } from './text.js';

/** The kinds of offer the catalogue prices, and the slots each one has a price for. */
export const OFFER_SLOTS = {
  BASE: ['base'],
  HC_HP: ['hc', 'hp'],
  TEMPO: ['blue_hc', 'blue_hp', 'white_hc', 'white_hp', 'red_hc', 'red_hp'],
  EJP: ['normal', 'peak'],
  HC_WEEKEND: ['hc', 'hp'],
  BASE_WEEKEND: ['base', 'base_weekend'],
} as const;

export type OfferType = keyof typeof OFFER_SLOTS;
export type PriceSlot = (typeof OFFER_SLOTS)[OfferType][number];
export const OFFER_TYPES = Object.keys(OFFER_SLOTS) as OfferType[];

/** What each offer type means, for `/energy/offer-types`. */
export const OFFER_TYPE_NAMES: Readonly<Record<OfferType, { name: string; description: string }>> = {
  BASE: { name: 'Base', description: 'One price at every hour.' },
  HC_HP: { name: 'Heures Creuses / Heures Pleines', description: "A lower price in the meter's off-peak hours (8 a day, set by Enedis)." },
  TEMPO: { name: 'Tempo', description: 'Six prices: the Tempo colour of the day (06:00 to 06:00) and off-peak 22:00–06:00.' },
  EJP: { name: 'EJP', description: 'A peak price on the 22 EJP days (07:00 to 01:00), a normal price otherwise. Closed to new contracts.' },
  HC_WEEKEND: { name: 'Heures Creuses + week-end', description: "Off-peak price in the meter's off-peak hours and all of Saturday and Sunday." },
  BASE_WEEKEND: { name: 'Base + week-end', description: 'One price on weekdays, a lower one all of Saturday and Sunday.' },
};

/** The powers a household meter can subscribe (kVA). */
export const SUBSCRIBED_POWERS = [3, 6, 9, 12, 15, 18, 24, 30, 36] as const;

/**
 * One offer at one subscribed power over one period, prices including taxes: the subscription in
 * micro-euros per year, each slot's energy price in micro-euros per kWh. `validTo` is the first
 * day it no longer applies (null: still in force).
 */
export interface OfferEntry {
  readonly provider: string;
  readonly providerWebsite: string | null;
  readonly name: string;
  readonly offerType: OfferType;
  readonly powerKva: number;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly subscriptionMicroPerYear: number;
  readonly prices: Readonly<Partial<Record<PriceSlot, number>>>;
  readonly description: string | null;
  readonly source: string | null;
}

export interface Offer extends OfferEntry {
  readonly id: string;
  readonly providerId: string;
  /** False once retired: kept for the past, never proposed again. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly website: string | null;
}

/** Two entries are the same offer when these agree (what seeding twice recognises). */
export const offerKey = (e: Pick<OfferEntry, 'provider' | 'name' | 'offerType' | 'powerKva' | 'validFrom'>): string =>
  [e.provider.toLowerCase(), e.name.toLowerCase(), e.offerType, e.powerKva, e.validFrom].join('|');

/** Whether an offer applies on `day`. */
export const offerValidOn = (o: Pick<OfferEntry, 'validFrom' | 'validTo'>, day: LocalDate): boolean =>
  o.validFrom <= day && (o.validTo === null || day < o.validTo);

function text(raw: unknown, field: string, max: number, optional: boolean): Result<string | null, InvalidInput> {
  if ((raw === undefined || raw === null || raw === '') && optional) return ok(null);
  const value = typeof raw === 'string' ? canonicalText(raw.trim()) : null;
  if (!value || value.length > max || hasUnsafeCharacters(value)) return err(invalidInput(field, `${field} is a text of 1 to ${max} printable characters`));
  return ok(value);
}

function prices(raw: unknown, type: OfferType): Result<Partial<Record<PriceSlot, number>>, InvalidInput> {
  const slots: readonly string[] = OFFER_SLOTS[type];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err(invalidInput('prices', `prices gives ${slots.join(', ')}`));
  const extra = Object.keys(raw).find((k) => !slots.includes(k));
  if (extra !== undefined) return err(invalidInput(`prices.${extra.slice(0, 30)}`, `a ${type} offer has prices for ${slots.join(', ')} only`));
  const out: Partial<Record<PriceSlot, number>> = {};
  for (const slot of slots) {
    const price = parseEuros((raw as Record<string, unknown>)[slot], `prices.${slot}`, 10);
    if (!price.ok) return price;
    out[slot as PriceSlot] = price.value;
  }
  return ok(out);
}

/** An offer as a catalogue file or the admin API writes it (snake_case, euros as decimal text), checked field by field. */
export function parseOfferEntry(raw: unknown): Result<OfferEntry, InvalidInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err(invalidInput('offer', 'an offer is a JSON object'));
  const r = raw as Record<string, unknown>;
  const provider = text(r.provider, 'provider', 100, false);
  if (!provider.ok) return provider;
  const website = text(r.provider_website, 'provider_website', 300, true);
  if (!website.ok) return website;
  const name = text(r.name, 'name', 200, false);
  if (!name.ok) return name;
  if (!OFFER_TYPES.includes(r.offer_type as OfferType)) return err(invalidInput('offer_type', `offer_type is one of ${OFFER_TYPES.join(', ')}`));
  const offerType = r.offer_type as OfferType;
  if (!SUBSCRIBED_POWERS.includes(r.power_kva as (typeof SUBSCRIBED_POWERS)[number])) {
    return err(invalidInput('power_kva', `power_kva is one of ${SUBSCRIBED_POWERS.join(', ')}`));
  }
  const validFrom = parseLocalDate(r.valid_from, 'valid_from');
  if (!validFrom.ok) return validFrom;
  const validTo = r.valid_to === undefined || r.valid_to === null ? ok(null) : parseLocalDate(r.valid_to, 'valid_to');
  if (!validTo.ok) return validTo;
  if (validTo.value !== null && validTo.value <= validFrom.value)
    return err(invalidInput('valid_to', 'valid_to is after valid_from (the first day it no longer applies)'));
  const subscription = parseEuros(r.subscription_eur_per_year, 'subscription_eur_per_year', 100_000);
  if (!subscription.ok) return subscription;
  const slotPrices = prices(r.prices, offerType);
  if (!slotPrices.ok) return slotPrices;
  const description = text(r.description, 'description', 500, true);
  if (!description.ok) return description;
  const source = text(r.source, 'source', 500, true);
  if (!source.ok) return source;
  return ok({
    provider: provider.value!,
    providerWebsite: website.value,
    name: name.value!,
    offerType,
    powerKva: r.power_kva as number,
    validFrom: validFrom.value,
    validTo: validTo.value,
    subscriptionMicroPerYear: subscription.value,
    prices: slotPrices.value,
    description: description.value,
    source: source.value,
  });
}

/** Whether two entries say the same thing (what an upsert leaves unchanged). */
export function sameEntry(a: OfferEntry, b: OfferEntry): boolean {
  const pricesOf = (e: OfferEntry) => JSON.stringify(Object.entries(e.prices).sort(([x], [y]) => x.localeCompare(y)));
  return (
    offerKey(a) === offerKey(b) &&
    a.validTo === b.validTo &&
    a.subscriptionMicroPerYear === b.subscriptionMicroPerYear &&
    pricesOf(a) === pricesOf(b) &&
    a.description === b.description &&
    a.source === b.source &&
    a.providerWebsite === b.providerWebsite
  );
}

/** The catalogue's order: provider, offer name, power, first day. */
export const compareOffers = (a: OfferEntry, b: OfferEntry): number =>
  a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name) || a.powerKva - b.powerKva || a.validFrom.localeCompare(b.validFrom);
