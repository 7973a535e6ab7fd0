import { rangeDays, type DateRange } from '../date-range.js';
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
import { tariffOn } from './tariff-history.js';

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
  /** The meter's off-peak hours and pricing option in force each day. */
  readonly tariffOn: ReturnType<typeof tariffOn>;
  readonly range: DateRange;
  readonly curve: readonly IntervalReading[];
  readonly daily: readonly IntervalReading[];
  readonly missing: MissingRun[];
  readonly quota: BucketState | null;
}

/** The stretches of consecutive days of the range with one pricing option (days without one are left out). */
function optionStretches(range: DateRange, on: ReturnType<typeof tariffOn>): Array<{ option: OfferType; start: LocalDate; end: LocalDate }> {
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
      tariffOn: tariffOn(await deps.tariffs.list(pdl.value.id), pdl.value),
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

  /**
   * The offer to price with: `offerId`, else the meter's selected offer, else the regulated offer
   * of its pricing option at its power; when the option changed over the range, each stretch of
   * days is priced with the regulated offer of the option it had (the periods clipped to it).
   */
  async function defaultOffer(data: Pick<Consumption, 'pdl' | 'range' | 'tariffOn'>, offerId?: string): Promise<Result<Offer[], DomainError>> {
    const { pdl } = data;
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
    const catalogue = await deps.offers.offers({ includeRetired: true });
    const regulated = (option: OfferType) =>
      catalogue.filter(
        (o) => o.provider === REGULATED_PROVIDER && o.name === REGULATED[option] && o.offerType === option && o.powerKva === pdl.subscribedPower,
      );
    const offers = optionStretches(data.range, data.tariffOn).flatMap(({ option, start, end }) => regulated(option).flatMap((o) => clip(o, start, end) ?? []));
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
      context: { offpeak: data.pdl.offpeakHours, offpeakOn: (day: LocalDate) => data.tariffOn(day).offpeakHours, tempo },
      groupBy,
    });
    const inForce = [...offers].sort((a, b) => b.validFrom.localeCompare(a.validFrom)).find((o) => o.validFrom < data.range.end) ?? offers[0]!;
    return { offer: inForce, groups };
  }

  return {
    cost: async (principal: Principal, request: CostRequest): Promise<Result<CostAnswer, DomainError>> => {
      const data = await consumption(principal, request);
      if (!data.ok) return data;
      const offers = await defaultOffer(data.value, request.offerId);
      if (!offers.ok) return offers;
      const tempo = offers.value.some((o) => o.offerType === 'TEMPO') ? await tempoColours(data.value.range) : new Map();
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
      const current = await defaultOffer(data.value);
      const currentPriced = current.ok ? price(data.value, current.value, tempo, 'month') : null;
      return ok({ range: data.value.range, current: currentPriced, offers: priced, missing: data.value.missing, quota: data.value.quota });
    },
  };
}
