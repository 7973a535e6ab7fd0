import { formatMicroEuros, MICRO_PER_EURO } from '../../../domain/money.js';
import { OFFER_SLOTS, OFFER_TYPE_NAMES, OFFER_TYPES, type Offer, type PriceSlot, type Provider } from '../../../domain/offers.js';
import type { UseCases } from '../../../domain/use-cases/index.js';
import { unwrap } from '../error-mapping.js';
import { principalOf, queryOf, type TagRouter } from '../operations.js';

/** Upstream's price fields, from each type's slots (weekend prices of HC_WEEKEND are its off-peak price). */
const UPSTREAM_FIELDS: Record<string, ReadonlyArray<readonly [string, PriceSlot]>> = {
  BASE: [['base_price', 'base']],
  HC_HP: [
    ['hc_price', 'hc'],
    ['hp_price', 'hp'],
  ],
  TEMPO: [
    ['tempo_blue_hc', 'blue_hc'],
    ['tempo_blue_hp', 'blue_hp'],
    ['tempo_white_hc', 'white_hc'],
    ['tempo_white_hp', 'white_hp'],
    ['tempo_red_hc', 'red_hc'],
    ['tempo_red_hp', 'red_hp'],
  ],
  EJP: [
    ['ejp_normal', 'normal'],
    ['ejp_peak', 'peak'],
  ],
  HC_WEEKEND: [
    ['hc_price', 'hc'],
    ['hp_price', 'hp'],
    ['hc_price_weekend', 'hc'],
    ['hp_price_weekend', 'hc'],
  ],
  BASE_WEEKEND: [
    ['base_price', 'base'],
    ['base_price_weekend', 'base_weekend'],
  ],
};
const PRICE_FIELDS = [
  'base_price',
  'hc_price',
  'hp_price',
  'base_price_weekend',
  'hc_price_weekend',
  'hp_price_weekend',
  'tempo_blue_hc',
  'tempo_blue_hp',
  'tempo_white_hc',
  'tempo_white_hp',
  'tempo_red_hc',
  'tempo_red_hp',
  'ejp_normal',
  'ejp_peak',
];

const providerToWire = (p: Provider) => ({ id: p.id, name: p.name, logo_url: null, website: p.website, scraper_urls: null });

/** An offer in upstream's shape (numbers in € for its clients), with the exact figures beside. */
export function offerToWire(o: Offer) {
  const upstream: Record<string, number | null> = Object.fromEntries(PRICE_FIELDS.map((f) => [f, null]));
  for (const [field, slot] of UPSTREAM_FIELDS[o.offerType]!) upstream[field] = (o.prices[slot] ?? 0) / MICRO_PER_EURO;
  return {
    id: o.id,
    provider_id: o.providerId,
    provider_name: o.provider,
    name: o.name,
    offer_type: o.offerType,
    description: o.description,
    source: o.source,
    power_kva: o.powerKva,
    subscription_price: Math.round(o.subscriptionMicroPerYear / 12 / 100) / 10_000,
    subscription_eur_per_year: formatMicroEuros(o.subscriptionMicroPerYear),
    prices: Object.fromEntries(Object.entries(o.prices).map(([slot, micro]) => [slot, formatMicroEuros(micro)])),
    ...upstream,
    hc_schedules: null,
    price_updated_at: o.updatedAt.toISOString(),
    valid_from: o.validFrom,
    valid_to: o.validTo,
    is_active: o.active,
    created_at: o.createdAt.toISOString(),
  };
}

/** The offers catalogue (tag Energy). */
export function energyRouter(useCases: UseCases): TagRouter {
  const catalogue = useCases.offerCatalogue;
  const id = (params: Record<string, string | string[]>) => String(params.offer_id);
  return {
    tag: 'Energy',
    handlers: {
      listEnergyProviders: async (_req, res) => {
        res.json({ success: true, data: (await catalogue.providers()).map(providerToWire) });
      },
      listOfferTypes: async (_req, res) => {
        const data = OFFER_TYPES.map((code) => ({ code, ...OFFER_TYPE_NAMES[code], price_slots: [...OFFER_SLOTS[code]] }));
        res.json({ success: true, data });
      },
      listEnergyOffers: async (req, res) => {
        const query = queryOf(req, 'listEnergyOffers');
        const offers = await catalogue.offers({ providerId: query.provider_id, includeHistory: query.include_history === true });
        res.json({ success: true, data: offers.map(offerToWire) });
      },
      createEnergyOffer: async (req, res) => {
        const offer = unwrap(await catalogue.create(principalOf(res), req.body));
        res.status(201).json({ success: true, data: offerToWire(offer) });
      },
      replaceEnergyOffer: async (req, res) => {
        res.json({ success: true, data: offerToWire(unwrap(await catalogue.replace(principalOf(res), id(req.params), req.body))) });
      },
      retireEnergyOffer: async (req, res) => {
        res.json({ success: true, data: offerToWire(unwrap(await catalogue.retire(principalOf(res), id(req.params)))) });
      },
    },
  };
}
