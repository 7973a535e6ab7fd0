import { rangeDays, type DateRange } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, type LocalDate } from '../local-date.js';
import type { Offer, OfferType } from '../offers.js';
import type { Pdl } from '../pdl.js';
import { err, ok, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';
import type { tariffOn } from './tariff-history.js';

type TariffOn = ReturnType<typeof tariffOn>;

/** The regulated offer a pricing option means, by its catalogue name. */
const REGULATED: Partial<Record<OfferType, string>> = { BASE: 'Tarif Bleu Base', HC_HP: 'Tarif Bleu Heures Creuses', TEMPO: 'Tarif Bleu Tempo' };
const REGULATED_PROVIDER = 'EDF';

/** What makes periods one offer: provider, name, type, power. */
export const familyKey = (o: Offer) => [o.provider.toLowerCase(), o.name.toLowerCase(), o.offerType, o.powerKva].join('|');

/** The stretches of consecutive days of the range with one pricing option (days without one are left out). */
function optionStretches(range: DateRange, on: TariffOn): Array<{ option: OfferType; start: LocalDate; end: LocalDate }> {
  const stretches: Array<{ option: OfferType; start: LocalDate; end: LocalDate }> = [];
  for (const day of rangeDays(range)) {
    const option = on(day).pricingOption;
    const last = stretches.at(-1);
    if (last && last.option === option && last.end === day) last.end = addDays(day, 1);
    else if (option) stretches.push({ option, start: day, end: addDays(day, 1) });
  }
  return stretches;
}

/** An offer period cut to [start, end), or null when they do not meet. */
function clip(offer: Offer, start: LocalDate, end: LocalDate): Offer | null {
  const from = offer.validFrom > start ? offer.validFrom : start;
  const to = offer.validTo !== null && offer.validTo < end ? offer.validTo : end;
  return from < to ? { ...offer, validFrom: from, validTo: to } : null;
}

/** Every period of the offer `seed` belongs to (same provider, name, type and power), retired ones included. */
export async function offerFamily(deps: Dependencies, seed: Offer): Promise<Offer[]> {
  return (await deps.offers.offers({ includeRetired: true })).filter((o) => familyKey(o) === familyKey(seed));
}

/**
 * The offer to price with: `offerId`, else the meter's selected offer, else the regulated offer
 * of its pricing option at its power; when the option changed over the range, each stretch of
 * days is priced with the regulated offer of the option it had (the periods clipped to it).
 */
export async function pricingOffers(
  deps: Dependencies,
  data: { pdl: Pdl; range: DateRange; tariffOn: TariffOn },
  offerId?: string,
): Promise<Result<Offer[], DomainError>> {
  const { pdl } = data;
  const chosen = offerId ?? pdl.selectedOfferId ?? undefined;
  const picked = chosen ? await deps.offers.offer(chosen) : null;
  if (picked) return ok(await offerFamily(deps, picked));
  if (offerId) return err(invalidInput('offer_id', 'no such offer in the catalogue'));
  if (!pdl.pricingOption || !pdl.subscribedPower) {
    return err(
      invalidInput(
        'offer_id',
        "the meter has neither a selected offer nor a pricing option and subscribed power; pass offer_id or set the meter's pricing_option",
      ),
    );
  }
  const catalogue = await deps.offers.offers({ includeRetired: true });
  const regulated = (option: OfferType) =>
    catalogue.filter((o) => o.provider === REGULATED_PROVIDER && o.name === REGULATED[option] && o.offerType === option && o.powerKva === pdl.subscribedPower);
  const offers = optionStretches(data.range, data.tariffOn).flatMap(({ option, start, end }) => regulated(option).flatMap((o) => clip(o, start, end) ?? []));
  if (offers.length === 0) {
    return err(invalidInput('offer_id', `the catalogue has no regulated ${pdl.pricingOption} offer at ${pdl.subscribedPower} kVA; pass offer_id`));
  }
  return ok(offers);
}
