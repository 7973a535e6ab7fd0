import { weekday, addDays, type LocalDate } from './local-date.js';
import type { OfferType, PriceSlot } from './offers.js';
import { parisDayOf, parisOffsetMinutes } from './paris-time.js';
import type { TempoColor } from './tempo.js';

/** Why an interval or a day could not be given a tariff slot. */
export type UnsplitReason = 'offpeak_hours_unknown' | 'tempo_colour_unknown' | 'ejp_days_unknown';

/** What decides the slot of an instant, besides the offer's type. */
export interface SlotContext {
  /** The meter's off-peak ranges, `HH:MM-HH:MM` (null: not known). */
  readonly offpeak: readonly string[] | null;
  /** The ranges in force on a day, when they changed over time (overrides `offpeak`). */
  readonly offpeakOn?: (day: LocalDate) => readonly string[] | null;
  readonly tempo: ReadonlyMap<LocalDate, TempoColor>;
}

/** Minutes since local midnight in Paris at an instant (wall clock: 0 to 1439). */
export function parisMinuteOfDay(utcMs: number): number {
  const local = utcMs / 60_000 + parisOffsetMinutes(utcMs);
  return ((Math.floor(local) % 1440) + 1440) % 1440;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a wall-clock minute falls in one of the ranges (a range may cross midnight: `22:00-06:00`). */
export function inOffpeak(ranges: readonly string[], minute: number): boolean {
  return ranges.some((range) => {
    const [from, to] = range.split('-').map(minutes) as [number, number];
    return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  });
}

/** The Tempo day an instant belongs to: it runs from 06:00 to 06:00, so before 06:00 is the previous day's. */
export const tempoDayOf = (date: LocalDate, minute: number): LocalDate => (minute < 360 ? addDays(date, -1) : date);

const isWeekend = (date: LocalDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The price slot of the interval starting at `startMs`, by its local Paris time: off-peak by the
 * meter's off-peak hours; Tempo by the colour of its Tempo day, off-peak 22:00–06:00; week-end slots
 * by the local date. A slot that cannot be told is its reason.
 */
export function slotOf(type: OfferType, startMs: number, ctx: SlotContext): PriceSlot | UnsplitReason {
  const date = parisDayOf(startMs).date;
  const minute = parisMinuteOfDay(startMs);
  const offpeak = ctx.offpeakOn ? ctx.offpeakOn(date) : ctx.offpeak;
  switch (type) {
    case 'BASE':
      return 'base';
    case 'BASE_WEEKEND':
      return isWeekend(date) ? 'base_weekend' : 'base';
    case 'HC_HP':
      if (!offpeak || offpeak.length === 0) return 'offpeak_hours_unknown';
      return inOffpeak(offpeak, minute) ? 'hc' : 'hp';
    case 'HC_WEEKEND':
      if (isWeekend(date)) return 'hc';
      if (!offpeak || offpeak.length === 0) return 'offpeak_hours_unknown';
      return inOffpeak(offpeak, minute) ? 'hc' : 'hp';
    case 'TEMPO': {
      const colour = ctx.tempo.get(tempoDayOf(date, minute));
      if (!colour) return 'tempo_colour_unknown';
      const night = minute >= 22 * 60 || minute < 6 * 60;
      return `${colour.toLowerCase() as 'blue' | 'white' | 'red'}_${night ? 'hc' : 'hp'}`;
    }
    case 'EJP':
      return 'ejp_days_unknown';
  }
}

/** Whether an offer type has one price all day (a day's total can be priced without its curve). */
export const singlePricePerDay = (type: OfferType): boolean => type === 'BASE' || type === 'BASE_WEEKEND';
