import type { DateRange } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, type LocalDate } from '../local-date.js';
import type { IntervalReading } from '../metering.js';
import type { Offer } from '../offers.js';
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
import { familyKey, pricingOffers } from './cost-offers.js';

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

/** Tempo colours of the range and the day before (its 00:00–06:00 belongs to that day). */
async function tempoColours(deps: Dependencies, range: DateRange): Promise<Map<LocalDate, TempoColor>> {
  const days = await deps.gridSignals.tempoDays({ start: addDays(range.start, -1), end: range.end });
  return new Map(days.ok ? days.value.map((d) => [d.date, d.color]) : []);
}

/** One offer's pricing of the consumption read, named by its period in force at the range's end. */
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

/** The curve (charged as one request) and the daily totals (not charged again) of the range. */
async function readConsumption(
  deps: Dependencies,
  read: ReturnType<typeof readMeterData>,
  principal: Principal,
  request: CostRequest,
): Promise<Result<Consumption, DomainError>> {
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
  const pdl = await findReadablePdl(deps)(principal, String(request.usagePointId));
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

/** Costs of consumption under catalogue offers: what a household's meter data would have cost. `read` is the gateway's one
 * readMeterData, so that cost requests share its single flights. */
export function consumptionCost(deps: Dependencies, read: ReturnType<typeof readMeterData>) {
  const consumption = (principal: Principal, request: CostRequest) => readConsumption(deps, read, principal, request);
  return {
    cost: async (principal: Principal, request: CostRequest): Promise<Result<CostAnswer, DomainError>> => {
      const data = await consumption(principal, request);
      if (!data.ok) return data;
      const offers = await pricingOffers(deps, data.value, request.offerId);
      if (!offers.ok) return offers;
      const tempo = offers.value.some((o) => o.offerType === 'TEMPO') ? await tempoColours(deps, data.value.range) : new Map();
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
      const tempo = await tempoColours(deps, data.value.range);
      const priced = [...families.values()].map((offers) => price(data.value, offers, tempo, 'month'));
      const current = await pricingOffers(deps, data.value);
      const currentPriced = current.ok ? price(data.value, current.value, tempo, 'month') : null;
      return ok({ range: data.value.range, current: currentPriced, offers: priced, missing: data.value.missing, quota: data.value.quota });
    },
  };
}
