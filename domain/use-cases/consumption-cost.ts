import type { DateRange } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, type LocalDate } from '../local-date.js';
import type { IntervalReading } from '../metering.js';
import type { Offer, OfferType } from '../offers.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { priceConsumption, type CostGroup } from '../pricing.js';
import { err, ok, type Result } from '../result.js';
import type { TempoColor } from '../tempo.js';
import type { BucketState } from '../../ports/rate-limiter.js';
import type { Dependencies } from './dependencies.js';
import { findReadablePdl } from './meter-access.js';
import type { readMeterData, MissingRun } from './read-meter-data/index.js';

/** The regulated offer a pricing option means, by its catalogue name. */
const REGULATED: Partial<Record<OfferType, string>> = { BASE: 'Tarif Bleu Base', HC_HP: 'Tarif Bleu Heures Creuses', TEMPO: 'Tarif Bleu Tempo' };
const REGULATED_PROVIDER = 'EDF';

const familyKey = (o: Offer) => [o.provider.toLowerCase(), o.name.toLowerCase(), o.offerType, o.powerKva].join('|');

export interface CostRequest {
  readonly usagePointId: unknown;
  readonly start: unknown;
  readonly end: unknown;
  readonly offerId?: string;
  readonly groupBy?: 'day' | 'month';
}

/** One offer's pricing of the consumption read. */
export interface PricedOffer {
  /** The offer's period in force at the range's end (or its latest), naming the offer. */
  readonly offer: Offer;
  readonly groups: CostGroup[];
}

export interface CostAnswer extends PricedOffer {
  readonly range: DateRange;
  readonly groupBy: 'day' | 'month';
  /** Days the load curve lacks, as the metering routes report them. */
  readonly missing: MissingRun[];
  readonly quota: BucketState | null;
}

export interface CompareAnswer {
  readonly range: DateRange;
  /** The offer the meter is priced with by default, or null when it has none. */
  readonly current: PricedOffer | null;
  readonly offers: PricedOffer[];
  readonly missing: MissingRun[];
  readonly quota: BucketState | null;
}

interface Consumption {
  readonly pdl: Pdl;
  readonly range: DateRange;
  readonly curve: readonly IntervalReading[];
  readonly daily: readonly IntervalReading[];
  readonly missing: MissingRun[];
  readonly quota: BucketState | null;
}

/** Costs of consumption under catalogue offers: what a household's meter data would have cost. */
/** `read` is the gateway's one readMeterData, so that cost requests share its single flights. */
export function consumptionCost(deps: Dependencies, read: ReturnType<typeof readMeterData>) {
  const readable = findReadablePdl(deps);

  /** The curve (charged as one request) and the daily totals (not charged again) of the range. */
  async function consumption(principal: Principal, request: CostRequest): Promise<Result<Consumption, DomainError>> {
    const curve = await read(principal, {
      kind: 'consumption:detail',
      usagePointId: request.usagePointId,
      start: request.start,
      end: request.end,
      useCache: true,
    });
    if (!curve.ok) return curve;
    const daily = await read(principal, {
      kind: 'consumption:daily',
      usagePointId: request.usagePointId,
      start: request.start,
      end: request.end,
      useCache: true,
      countQuota: false,
    });
    const pdl = await readable(principal, String(request.usagePointId));
    if (!pdl.ok) return pdl;
    return ok({
      pdl: pdl.value,
      range: curve.value.range,
      curve: curve.value.readings,
      daily: daily.ok ? daily.value.readings : [],
      missing: curve.value.missing,
      quota: curve.value.quota,
    });
  }

  /** Every period of the offer `seed` belongs to (same provider, name, type and power), retired ones included. */
  async function family(seed: Offer): Promise<Offer[]> {
    return (await deps.offers.offers({ includeRetired: true })).filter((o) => familyKey(o) === familyKey(seed));
  }

  /** The offer to price with: `offerId`, else the meter's selected offer, else the regulated offer of its option and power. */
  async function defaultOffer(pdl: Pdl, offerId?: string): Promise<Result<Offer[], DomainError>> {
    const chosen = offerId ?? pdl.selectedOfferId ?? undefined;
    const picked = chosen ? await deps.offers.offer(chosen) : null;
    if (picked) return ok(await family(picked));
    if (offerId) return err(invalidInput('offer_id', 'no such offer in the catalogue'));
    if (!pdl.pricingOption || !pdl.subscribedPower) {
      return err(
        invalidInput(
          'offer_id',
          "the meter has neither a selected offer nor a pricing option and subscribed power; pass offer_id or set the meter's pricing_option",
        ),
      );
    }
    const name = REGULATED[pdl.pricingOption];
    const offers = (await deps.offers.offers({ includeRetired: true })).filter(
      (o) => o.provider === REGULATED_PROVIDER && o.name === name && o.offerType === pdl.pricingOption && o.powerKva === pdl.subscribedPower,
    );
    if (offers.length === 0) {
      return err(invalidInput('offer_id', `the catalogue has no regulated ${pdl.pricingOption} offer at ${pdl.subscribedPower} kVA; pass offer_id`));
    }
    return ok(offers);
  }

  async function tempoColours(range: DateRange): Promise<Map<LocalDate, TempoColor>> {
    const days = await deps.gridSignals.tempoDays({ start: addDays(range.start, -1), end: range.end });
    return new Map(days.ok ? days.value.map((d) => [d.date, d.color]) : []);
  }

  function price(data: Consumption, offers: readonly Offer[], tempo: ReadonlyMap<LocalDate, TempoColor>, groupBy: 'day' | 'month'): PricedOffer {
    const groups = priceConsumption({
      offers,
      range: data.range,
      curve: data.curve,
      daily: data.daily,
      context: { offpeak: data.pdl.offpeakHours, tempo },
      groupBy,
    });
    const inForce = [...offers].sort((a, b) => b.validFrom.localeCompare(a.validFrom)).find((o) => o.validFrom < data.range.end) ?? offers[0]!;
    return { offer: inForce, groups };
  }

  return {
    cost: async (principal: Principal, request: CostRequest): Promise<Result<CostAnswer, DomainError>> => {
      const data = await consumption(principal, request);
      if (!data.ok) return data;
      const offers = await defaultOffer(data.value.pdl, request.offerId);
      if (!offers.ok) return offers;
      const tempo = offers.value[0]!.offerType === 'TEMPO' ? await tempoColours(data.value.range) : new Map();
      const groupBy = request.groupBy ?? 'month';
      return ok({ ...price(data.value, offers.value, tempo, groupBy), range: data.value.range, groupBy, missing: data.value.missing, quota: data.value.quota });
    },

    /** The same consumption under every catalogue offer at the meter's subscribed power (EJP aside: its days are not known). */
    compare: async (principal: Principal, request: CostRequest): Promise<Result<CompareAnswer, DomainError>> => {
      const data = await consumption(principal, request);
      if (!data.ok) return data;
      const power = data.value.pdl.subscribedPower;
      if (!power) return err(invalidInput('usage_point_id', "the meter's subscribed power is not known; sync its contract first"));
      const families = new Map<string, Offer[]>();
      for (const o of await deps.offers.offers({ includeRetired: true })) {
        if (o.powerKva === power && o.offerType !== 'EJP') families.set(familyKey(o), [...(families.get(familyKey(o)) ?? []), o]);
      }
      const tempo = await tempoColours(data.value.range);
      const priced = [...families.values()].map((offers) => price(data.value, offers, tempo, 'month'));
      const current = await defaultOffer(data.value.pdl);
      const currentPriced = current.ok ? price(data.value, current.value, tempo, 'month') : null;
      return ok({ range: data.value.range, current: currentPriced, offers: priced, missing: data.value.missing, quota: data.value.quota });
    },
  };
}
