import { rangeDays, type DateRange } from './date-range.js';
import type { LocalDate } from './local-date.js';
import { intervalMinutes, readingDay, type IntervalReading } from './metering.js';
import { offerValidOn, type Offer, type PriceSlot } from './offers.js';
import { parisMidnightUtcMs } from './paris-time.js';
import { singlePricePerDay, slotOf, type SlotContext, type UnsplitReason } from './tariff-slot.js';

/**
 * Cost units: micro-euros per kWh times watt-minutes. A price (µ€/kWh, an integer) times an energy
 * (W·min, an integer) is exact; 1 € is 6 × 10¹⁰ units, 1 cent 6 × 10⁸. Sums are BigInts.
 */
export const UNITS_PER_CENT = 600_000_000n;
/** A month's subscription in units, per micro-euro of the yearly price: (1/12) × 60 000 W·min/kWh. */
const UNITS_PER_YEARLY_MICRO_PER_MONTH = 5_000n;

export type UnpricedReason = 'no_offer' | 'no_load_curve' | 'no_data' | UnsplitReason;

/** Energy of a day (or part of it) that could not be priced, and why. */
export interface UnpricedDay {
  readonly date: LocalDate;
  readonly reason: UnpricedReason;
  readonly wmin: bigint;
}

export interface CostGroup {
  /** `YYYY-MM-DD` (by day) or `YYYY-MM` (by month). */
  readonly period: string;
  readonly wmin: Map<PriceSlot, bigint>;
  readonly energy: Map<PriceSlot, bigint>;
  subscription: bigint;
  readonly unpriced: UnpricedDay[];
}

export interface PricingInput {
  /** The periods of one offer (same provider, name, type, power). */
  readonly offers: readonly Offer[];
  readonly range: DateRange;
  /** The consumption load curve (W, each reading at its interval's start). */
  readonly curve: readonly IntervalReading[];
  /** Daily consumption (Wh), used where a day has no curve. */
  readonly daily: readonly IntervalReading[];
  readonly context: SlotContext;
  readonly groupBy: 'day' | 'month';
}

const daysInMonth = (day: LocalDate) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * The subscription owed for one day: the year's price over twelve months, each month's share spread
 * over its days so that a whole month adds up to exactly a twelfth of the year.
 */
export function daySubscription(yearlyMicro: number, day: LocalDate): bigint {
  const month = BigInt(yearlyMicro) * UNITS_PER_YEARLY_MICRO_PER_MONTH;
  const days = BigInt(daysInMonth(day));
  const k = BigInt(Number(day.slice(8, 10)));
  return (month * k) / days - (month * (k - 1n)) / days;
}

function groupOf(groups: Map<string, CostGroup>, period: string): CostGroup {
  let group = groups.get(period);
  if (!group) groups.set(period, (group = { period, wmin: new Map(), energy: new Map(), subscription: 0n, unpriced: [] }));
  return group;
}

const add = <K>(map: Map<K, bigint>, key: K, value: bigint) => map.set(key, (map.get(key) ?? 0n) + value);

function priceCurveDay(group: CostGroup, offer: Offer, day: LocalDate, readings: readonly IntervalReading[], context: SlotContext) {
  const unsplit = new Map<UnsplitReason, bigint>();
  for (const reading of readings) {
    const wmin = BigInt(Math.round(reading.value)) * BigInt(intervalMinutes(reading.interval_length));
    const slot = slotOf(offer.offerType, Date.parse(reading.date), context);
    const price = offer.prices[slot as PriceSlot];
    if (price === undefined) {
      add(unsplit, slot as UnsplitReason, wmin);
      continue;
    }
    add(group.wmin, slot as PriceSlot, wmin);
    add(group.energy, slot as PriceSlot, wmin * BigInt(price));
  }
  for (const [reason, wmin] of unsplit) group.unpriced.push({ date: day, reason, wmin });
}

/**
 * Prices a range of consumption under one offer, day by day, into groups by day or by month. Each
 * load-curve interval is priced by the local Paris time of its start with the offer's period valid
 * that day; a day without a curve is priced from its daily total only when the offer has one price
 * all day, and is otherwise reported as not split (never guessed); every day an offer period covers
 * owes its share of the subscription.
 */
export function priceConsumption(input: PricingInput): CostGroup[] {
  const curveByDay = new Map<string, IntervalReading[]>();
  for (const reading of input.curve) {
    const day = readingDay(reading);
    (curveByDay.get(day) ?? curveByDay.set(day, []).get(day)!).push(reading);
  }
  const dailyWh = new Map(input.daily.map((r) => [readingDay(r), r.value]));
  const groups = new Map<string, CostGroup>();
  for (const day of rangeDays(input.range)) {
    const group = groupOf(groups, input.groupBy === 'day' ? day : day.slice(0, 7));
    const curve = curveByDay.get(day);
    const wh = dailyWh.get(day);
    const dayWmin = curve
      ? curve.reduce((sum, r) => sum + BigInt(Math.round(r.value)) * BigInt(intervalMinutes(r.interval_length)), 0n)
      : BigInt(Math.round(wh ?? 0)) * 60n;
    const offer = input.offers.find((o) => offerValidOn(o, day));
    if (!offer) {
      group.unpriced.push({ date: day, reason: 'no_offer', wmin: dayWmin });
      continue;
    }
    group.subscription += daySubscription(offer.subscriptionMicroPerYear, day);
    if (curve) priceCurveDay(group, offer, day, curve, input.context);
    else if (wh === undefined) group.unpriced.push({ date: day, reason: 'no_data', wmin: 0n });
    else if (!singlePricePerDay(offer.offerType)) group.unpriced.push({ date: day, reason: 'no_load_curve', wmin: dayWmin });
    else {
      const slot = slotOf(offer.offerType, parisMidnightUtcMs(day) + 12 * 3_600_000, input.context) as PriceSlot;
      add(group.wmin, slot, dayWmin);
      add(group.energy, slot, dayWmin * BigInt(offer.prices[slot]!));
    }
  }
  return [...groups.values()];
}

/** A group's exact total in cost units. */
export const groupTotal = (g: CostGroup): bigint => [...g.energy.values()].reduce((a, b) => a + b, g.subscription);

/** Units rounded half up to whole cents. */
export const unitsToCents = (units: bigint): bigint => (units + UNITS_PER_CENT / 2n) / UNITS_PER_CENT;

/**
 * Whole cents for parts of an exact amount (cost units), adding up to `target` (by default the
 * rounded sum): each part gets its floor, and the cents left go to the largest remainders (or are
 * taken back from the smallest), so lines always add up to their total.
 */
export function apportion(parts: readonly bigint[], target: bigint = unitsToCents(parts.reduce((a, b) => a + b, 0n))): bigint[] {
  const cents = parts.map((p) => p / UNITS_PER_CENT);
  let left = target - cents.reduce((a, b) => a + b, 0n);
  const byRemainder = parts.map((p, i) => ({ i, rest: p % UNITS_PER_CENT })).sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (let n = 0; left > 0n && parts.length > 0; n++, left--) cents[byRemainder[n % parts.length]!.i]! += 1n;
  for (let n = parts.length - 1; left < 0n && n >= 0; n--) {
    const i = byRemainder[n]!.i;
    if (cents[i]! > 0n) {
      cents[i]! -= 1n;
      left++;
    }
  }
  return cents;
}
