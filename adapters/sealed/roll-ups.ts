import { addDays, dayNumber, type LocalDate } from '../../domain/local-date.js';
import type { IntervalReading } from '../../domain/metering.js';
import { arrayPieces, asciiAt, concatBytes, countBytes, indexOfBytes, insideOf, lastIndexOfBytes, utf8 } from './json-bytes.js';

/**
 * A day of readings as the store keeps it: the JSON bytes of its readings array (kept as bytes, so
 * that a stored read splices it into the answer without decoding or parsing it), and how many
 * readings it holds.
 */
export interface DayText {
  readonly bytes: Uint8Array;
  readonly count: number;
}

/** A calendar year, `YYYY`: the key of the roll-up of a year's daily readings. */
export type Year = string & { readonly __brand: 'Year' };

/** A year's roll-up: its consecutive days `first` to `last`, one reading each, as one JSON array's bytes. */
export interface RollUp {
  readonly bytes: Uint8Array;
  readonly first: LocalDate;
  readonly last: LocalDate;
}

export const yearOf = (day: LocalDate) => day.slice(0, 4) as Year;
const covers = (rollUp: RollUp | undefined, day: LocalDate) => rollUp !== undefined && day >= rollUp.first && day <= rollUp.last;

/** The years from `first`'s to `last`'s. */
export function yearsBetween(first: LocalDate, last: LocalDate): Year[] {
  const years: Year[] = [];
  for (let y = +yearOf(first); y <= +yearOf(last); y++) years.push(String(y) as Year);
  return years;
}

/** `days[from..to]` (indexes, both included): covered by `rollUp`, or one day no roll-up covers (rollUp null, from = to). */
export interface Run {
  readonly from: number;
  readonly to: number;
  readonly rollUp: RollUp | null;
}

/**
 * The days (sorted) cut into runs a roll-up covers and single days none does. Work is per run, not
 * per day: where the days are consecutive (a range's days always are), a covered run's end is found
 * by arithmetic on day numbers instead of by walking it.
 */
export function coverageRuns(days: readonly LocalDate[], rollUps: ReadonlyMap<Year, RollUp>): Run[] {
  const runs: Run[] = [];
  const lastIndex = days.length - 1;
  for (let i = 0; i <= lastIndex;) {
    const day = days[i]!;
    const rollUp = rollUps.size === 0 ? undefined : rollUps.get(yearOf(day));
    if (!covers(rollUp, day)) {
      runs.push({ from: i, to: i, rollUp: null });
      i++;
      continue;
    }
    const end = rollUp!.last < days[lastIndex]! ? rollUp!.last : days[lastIndex]!;
    let j = Math.min(lastIndex, i + dayNumber(end) - dayNumber(day));
    if (days[j] !== end) {
      j = i;
      while (j < lastIndex && covers(rollUp, days[j + 1]!)) j++;
    }
    runs.push({ from: i, to: j, rollUp: rollUp! });
    i = j + 1;
  }
  return runs;
}

export const EMPTY_DAY = utf8('[]');
const READING = utf8('{"date":"');
const DATE_AT = READING.length;

/**
 * A day's readings as the store keeps them: JSON with `date` the first key of every reading, which
 * is what `READING` finds and counts. Whatever order a provider built its readings in, they are
 * written this way, so the store never depends on it.
 */
export function dayText(readings: readonly IntervalReading[]): DayText {
  const bytes = utf8(JSON.stringify(readings.map(({ date, ...rest }) => ({ date, ...rest }))));
  return { bytes, count: readings.length };
}

/** A stored day's text and count (one `{"date":"` per reading, as dayText writes it). */
export const storedDay = (bytes: Uint8Array): DayText => ({ bytes, count: bytes.length <= 2 ? 0 : countBytes(bytes, READING) });

const dateAt = (bytes: Uint8Array, at: number) => asciiAt(bytes, at + DATE_AT, 10) as LocalDate;

/** A stored roll-up: its bytes and the span its first and last readings name. */
export const storedRollUp = (bytes: Uint8Array): RollUp => ({
  bytes,
  first: dateAt(bytes, indexOfBytes(bytes, READING)),
  last: dateAt(bytes, lastIndexOfBytes(bytes, READING)),
});

/**
 * Where the reading of `day` starts in a roll-up. A roll-up holds one reading per day, each written
 * with `date` first and of nearly the same length, so the search starts where the day would be at
 * the average length and steps from reading to reading from there.
 */
function readingAt(rollUp: RollUp, day: LocalDate): number {
  const { bytes, first, last } = rollUp;
  const span = dayNumber(last) - dayNumber(first) + 1;
  const index = dayNumber(day) - dayNumber(first);
  let at = indexOfBytes(bytes, READING, Math.max(1, Math.floor(1 + ((bytes.length - 2) * index) / span) - DATE_AT));
  if (at === -1) at = lastIndexOfBytes(bytes, READING);
  for (let date = dateAt(bytes, at); date !== day; date = dateAt(bytes, at)) {
    at = date < day ? indexOfBytes(bytes, READING, at + 1) : lastIndexOfBytes(bytes, READING, at - 1);
  }
  return at;
}

/** The readings of days `from` to `to` (both included) out of a roll-up: the inside of a JSON array, as a view. */
export function sliceRollUp(rollUp: RollUp, from: LocalDate, to: LocalDate): Uint8Array {
  const start = from === rollUp.first ? 1 : readingAt(rollUp, from);
  const end = to === rollUp.last ? rollUp.bytes.length - 1 : readingAt(rollUp, addDays(to, 1)) - 1;
  return rollUp.bytes.subarray(start, end);
}

/** The days' readings in order, as the insides of JSON arrays (views, not copies): slices of roll-ups where they cover, single days elsewhere. */
export function assembleRuns(days: readonly LocalDate[], runs: readonly Run[], known: ReadonlyMap<LocalDate, DayText>): Uint8Array[] {
  return runs.map(({ from, to, rollUp }) => (rollUp ? sliceRollUp(rollUp, days[from]!, days[to]!) : insideOf(known.get(days[from]!)?.bytes ?? EMPTY_DAY)));
}

/**
 * New roll-ups for the years this read can extend: around the old roll-up (or, without one, the
 * first settled day known), the longest run of consecutive settled days (up to `settledUntil`)
 * with one reading each, known from the old roll-up or from this read.
 */
export function extendedRollUps(rollUps: ReadonlyMap<Year, RollUp>, known: ReadonlyMap<LocalDate, DayText>, settledUntil: LocalDate): Map<Year, Uint8Array> {
  const fresh = new Map<Year, LocalDate[]>();
  for (const [day, text] of known) {
    if (text.count !== 1 || day > settledUntil || covers(rollUps.get(yearOf(day)), day)) continue;
    fresh.set(yearOf(day), [...(fresh.get(yearOf(day)) ?? []), day]);
  }
  const extended = new Map<Year, Uint8Array>();
  for (const [year, newDays] of fresh) {
    const previous = rollUps.get(year);
    const isKnown = (day: LocalDate) => yearOf(day) === year && day <= settledUntil && (covers(previous, day) || known.get(day)?.count === 1);
    const anchor = previous?.first ?? newDays.sort()[0]!;
    let first = anchor;
    while (isKnown(addDays(first, -1))) first = addDays(first, -1);
    let last = previous?.last ?? anchor;
    while (isKnown(addDays(last, 1))) last = addDays(last, 1);
    if (previous && first === previous.first && last === previous.last) continue;
    extended.set(year, joinDays(first, last, previous, known));
  }
  return extended;
}

/** Days `first` to `last` as one array: the old roll-up's bytes where it covers, each known day's elsewhere. */
function joinDays(first: LocalDate, last: LocalDate, previous: RollUp | undefined, known: ReadonlyMap<LocalDate, DayText>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let day = first; day <= last;) {
    if (previous && day === previous.first) {
      parts.push(insideOf(previous.bytes));
      day = addDays(previous.last, 1);
    } else {
      parts.push(insideOf(known.get(day)!.bytes));
      day = addDays(day, 1);
    }
  }
  return concatBytes(arrayPieces(parts));
}
