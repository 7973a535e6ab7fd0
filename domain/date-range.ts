import { invalidInput, type InvalidInput } from './errors.js';
import { addDays, dayNumber, fromDayNumber, maxDate, minDate, parseLocalDate, type LocalDate } from './local-date.js';
import { err, ok, type Result } from './result.js';

/**
 * A run of days with Enedis' semantics: `start` included, `end` excluded, `start <= end`.
 * `{start: 2024-01-01, end: 2024-01-02}` is the single day 2024-01-01; `start = end` is no day at all
 * (which clients that cut a year into chunks do ask for).
 */
export type DateRange = { readonly start: LocalDate; readonly end: LocalDate };

export function parseDateRange(rawStart: unknown, rawEnd: unknown): Result<DateRange, InvalidInput> {
  const start = parseLocalDate(rawStart, 'start');
  if (!start.ok) return start;
  const end = parseLocalDate(rawEnd, 'end');
  if (!end.ok) return end;
  if (end.value < start.value) {
    return err(invalidInput('end', 'end must not be before start (end is exclusive: start=D, end=D+1 is one day, start=end none)'));
  }
  return ok({ start: start.value, end: end.value });
}

/**
 * Days `first` to `last`, both included, as upstream's grid routes take them (`start_date`,
 * `end_date`), at most `maxDays` of them.
 */
export function parseInclusiveRange(rawFirst: unknown, rawLast: unknown, maxDays: number): Result<DateRange, InvalidInput> {
  const first = parseLocalDate(rawFirst, 'start_date');
  if (!first.ok) return first;
  const last = parseLocalDate(rawLast, 'end_date');
  if (!last.ok) return last;
  if (last.value < first.value) return err(invalidInput('end_date', 'end_date must not be before start_date'));
  const range = { start: first.value, end: addDays(last.value, 1) };
  if (rangeLength(range) > maxDays) return err(invalidInput('end_date', `at most ${maxDays} days per request`));
  return ok(range);
}

/** Builds a range from trusted days; an empty or reversed pair gives null. */
export function rangeOf(start: LocalDate, end: LocalDate): DateRange | null {
  return start < end ? { start, end } : null;
}

export function rangeLength(range: DateRange): number {
  return dayNumber(range.end) - dayNumber(range.start);
}

export function rangeDays(range: DateRange): LocalDate[] {
  const first = dayNumber(range.start);
  const days: LocalDate[] = new Array(Math.max(0, dayNumber(range.end) - first));
  for (let i = 0; i < days.length; i++) days[i] = fromDayNumber(first + i);
  return days;
}

export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  return rangeOf(maxDate(a.start, b.start), minDate(a.end, b.end));
}

/** Consecutive days grouped into ranges; input need not be sorted and may repeat. */
export function groupRuns(days: readonly LocalDate[]): DateRange[] {
  const sorted = [...new Set(days.map(dayNumber))].sort((x, y) => x - y);
  const runs: DateRange[] = [];
  let runStart: number | undefined;
  sorted.forEach((day, i) => {
    runStart ??= day;
    if (sorted[i + 1] !== day + 1) {
      runs.push({ start: fromDayNumber(runStart), end: fromDayNumber(day + 1) });
      runStart = undefined;
    }
  });
  return runs;
}

/** Cuts a range into consecutive ranges of at most `maxDays` days each. */
export function splitRange(range: DateRange, maxDays: number): DateRange[] {
  const parts: DateRange[] = [];
  for (let start = range.start; start < range.end; start = addDays(start, maxDays)) {
    parts.push({ start, end: minDate(addDays(start, maxDays), range.end) });
  }
  return parts;
}
