import { intersectRanges, rangeDays, rangeOf, type DateRange } from '../../date-range.js';
import { addDays, addMonths, maxDate, minDate, type LocalDate } from '../../local-date.js';
import type { KindSpec } from '../../metering.js';
import type { Pdl } from '../../pdl.js';
import type { MissingRun } from './types.js';

/** Which days of a request the provider can have, and the runs it cannot, at the edges. */
export interface Window {
  /** The days to serve, oldest first. */
  readonly days: readonly LocalDate[];
  /** Before the first day Enedis can have, and from today on. */
  readonly edges: readonly MissingRun[];
  readonly yesterday: LocalDate;
  /** Up to this day, days are settled; yesterday (J-1) may still arrive late. */
  readonly settledUntil: LocalDate;
}

/**
 * Step 2: what Enedis can have for this meter: from the history limit (when the provider keeps
 * only Enedis' history), or the first day Enedis said it has (learned from a "before activation"
 * answer), up to J-1. The contract's activation date is not a floor: it is sometimes wrong, and
 * days of data would be lost to it.
 */
export function planWindow(spec: KindSpec, pdl: Pdl, range: DateRange, today: LocalDate, historyLimited: boolean): Window {
  const history = historyLimited ? addMonths(today, -spec.historyMonths) : ('0001-01-01' as LocalDate);
  const floor = pdl.oldestAvailableDataDate;
  const start = floor !== null && floor > history ? floor : history;
  const edges: MissingRun[] = [];
  const before = rangeOf(range.start, minDate(start, range.end));
  if (before) edges.push({ ...before, reason: start === history ? 'beyond_history' : 'before_activation', detail: null });
  const after = rangeOf(maxDate(today, range.start), range.end);
  if (after) edges.push({ ...after, reason: 'not_yet_available', detail: 'data is published from J-1' });
  const served = intersectRanges(range, { start, end: today });
  return { days: served ? rangeDays(served) : [], edges, yesterday: addDays(today, -1), settledUntil: addDays(today, -2) };
}
