import type { DayEntry } from '../../ports/day-cache.js';
import type { UserKey } from '../../ports/keyring.js';
import { dayKeyString, type CacheKind, type DayKey } from '../cache-key.js';
import { arrayPieces, asciiAt, concatBytes, countBytes, indexOfBytes, insideOf, lastIndexOfBytes, utf8 } from '../json-bytes.js';
import { addDays, dayNumber, type LocalDate } from '../local-date.js';
import type { UsagePointId } from '../usage-point-id.js';
import type { IntervalReading } from '../metering.js';
import type { UseCaseContext } from './dependencies.js';

/**
 * A day of readings as cached: the JSON bytes of its readings array (kept as bytes, so that a cached
 * read splices it into the answer without decoding or parsing it), and how many readings it holds.
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

const yearOf = (day: LocalDate) => day.slice(0, 4) as Year;
const covers = (rollUp: RollUp | undefined, day: LocalDate) => rollUp !== undefined && day >= rollUp.first && day <= rollUp.last;

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

const EMPTY = utf8('[]');
const READING = utf8('{"date":"');
const DATE_AT = READING.length;

/**
 * A day's readings as the store keeps them: JSON with `date` the first key of every reading, which
 * is what `READING` finds and counts. Whatever order a provider built its readings in, they are
 * written this way.
 */
export const readingsBytes = (readings: readonly IntervalReading[]): Uint8Array =>
  utf8(JSON.stringify(readings.map(({ date, ...rest }) => ({ date, ...rest }))));

/** Counts the readings of a JSON array written by readingsBytes (one `{"date":"` per reading). */
const countOf = (bytes: Uint8Array) => (bytes.length <= 2 ? 0 : countBytes(bytes, READING));

const dateAt = (bytes: Uint8Array, at: number) => asciiAt(bytes, at + DATE_AT, 10) as LocalDate;

/**
 * Where the reading of `day` starts in a roll-up. A roll-up holds one reading per day, each written
 * by JSON.stringify with `date` first and of nearly the same length, so the search starts where the
 * day would be at the average length and steps from reading to reading from there.
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
function sliceRollUp(rollUp: RollUp, from: LocalDate, to: LocalDate): Uint8Array {
  const start = from === rollUp.first ? 1 : readingAt(rollUp, from);
  const end = to === rollUp.last ? rollUp.bytes.length - 1 : readingAt(rollUp, addDays(to, 1)) - 1;
  return rollUp.bytes.subarray(start, end);
}

const spanOf = (bytes: Uint8Array): RollUp => ({
  bytes,
  first: dateAt(bytes, indexOfBytes(bytes, READING)),
  last: dateAt(bytes, lastIndexOfBytes(bytes, READING)),
});

/**
 * The sealed cache of one user's days of one kind. Daily kinds keep, besides each day, a roll-up of
 * each year (its longest run of consecutive settled days: up to the day before yesterday, which no
 * longer change): a year of data reads as two roll-ups and the last day or two, in one batch.
 */
export type SealedDays = ReturnType<typeof sealedDays>;

export function sealedDays(deps: UseCaseContext, kind: CacheKind, usagePointId: UsagePointId, userKey: UserKey, rollsUp: boolean) {
  const key = (date: string): DayKey => ({ kind, usagePointId, date: date as LocalDate });
  const recent = deps.memos.values;
  /**
   * The values of these keys, opened: one round trip naming the versions this process holds, so
   * that a value still stored as it was read neither travels nor is decrypted again.
   */
  const readOpened = async (keys: readonly DayKey[]): Promise<(Uint8Array | null)[]> => {
    const names = keys.map(dayKeyString);
    const held = names.map((name) => recent.held(name, userKey));
    const answers = await deps.cache.getManyUnlessKnown(
      keys,
      held.map((h) => h?.version ?? null),
    );
    return answers.map((answer, i) => {
      const name = names[i]!;
      if (answer === 'unchanged') {
        recent.used(name, held[i]!);
        return held[i]!.plaintext;
      }
      if (answer === null) return null;
      const opened = deps.keyring.open(userKey, answer, name);
      if (opened !== null) recent.remember(name, userKey, deps.keyring.versionOf(answer), opened);
      return opened;
    });
  };
  const entry = (date: string, bytes: Uint8Array, ttlSeconds: number): DayEntry => {
    const k = key(date);
    return { key: k, value: deps.keyring.seal(userKey, bytes, dayKeyString(k)), ttlSeconds };
  };

  return {
    entry,

    /**
     * Reads the days asked for (sorted): the years' roll-ups and the days at or after `freshFrom`
     * in one batch, then, only if a roll-up lacked some older days, those days in a second one.
     * `runs` are the coverageRuns of all the days under the roll-ups found.
     */
    async read(days: readonly LocalDate[], freshFrom: LocalDate): Promise<{ found: Map<LocalDate, DayText>; rollUps: Map<Year, RollUp>; runs: Run[] }> {
      const years: Year[] = [];
      if (rollsUp && days.length > 0) {
        for (let y = +yearOf(days[0]!); y <= +yearOf(days.at(-1)!); y++) years.push(String(y) as Year);
      }
      // Days are sorted: the fresh ones are at the end.
      let freshAt = days.length;
      while (rollsUp && freshAt > 0 && days[freshAt - 1]! >= freshFrom) freshAt--;
      const direct = rollsUp ? days.slice(freshAt) : days;
      const opened = await readOpened([...years.map(key), ...direct.map(key)]);
      const rollUps = new Map<Year, RollUp>();
      years.forEach((year, i) => {
        const bytes = opened[i]!;
        if (bytes !== null && bytes.length > 2) rollUps.set(year, spanOf(bytes));
      });
      const found = new Map<LocalDate, DayText>();
      direct.forEach((day, i) => {
        const bytes = opened[years.length + i]!;
        if (bytes !== null) found.set(day, { bytes, count: countOf(bytes) });
      });
      const runs = coverageRuns(days, rollUps);
      const uncovered = rollsUp ? runs.filter((run) => run.rollUp === null && run.from < freshAt).map((run) => days[run.from]!) : [];
      if (uncovered.length > 0) {
        const dayValues = await readOpened(uncovered.map(key));
        uncovered.forEach((day, i) => {
          const bytes = dayValues[i]!;
          if (bytes !== null) found.set(day, { bytes, count: countOf(bytes) });
        });
      }
      return { found, rollUps, runs };
    },

    /**
     * The days' readings in order, as the insides of JSON arrays (views, not copies): slices of
     * roll-ups where they cover, single days elsewhere (`runs`: coverageRuns of these days).
     */
    assemble(days: readonly LocalDate[], runs: readonly Run[], found: ReadonlyMap<LocalDate, DayText>): Uint8Array[] {
      return runs.map(({ from, to, rollUp }) => (rollUp ? sliceRollUp(rollUp, days[from]!, days[to]!) : insideOf(found.get(days[from]!)?.bytes ?? EMPTY)));
    },

    /**
     * New roll-ups for the years this read can extend: around the old roll-up (or, without one, the
     * first settled day read), the longest run of consecutive settled days (up to `settledUntil`)
     * with one reading each, known from the old roll-up or from this read.
     */
    rollUpEntries(rollUps: ReadonlyMap<Year, RollUp>, found: ReadonlyMap<LocalDate, DayText>, settledUntil: LocalDate): DayEntry[] {
      if (!rollsUp) return [];
      const fresh = new Map<Year, LocalDate[]>();
      for (const [day, known] of found) {
        if (known.count !== 1 || day > settledUntil || covers(rollUps.get(yearOf(day)), day)) continue;
        fresh.set(yearOf(day), [...(fresh.get(yearOf(day)) ?? []), day]);
      }
      const entries: DayEntry[] = [];
      for (const [year, newDays] of fresh) {
        const previous = rollUps.get(year);
        const known = (day: LocalDate) => yearOf(day) === year && day <= settledUntil && (covers(previous, day) || found.get(day)?.count === 1);
        const anchor = previous?.first ?? newDays.sort()[0]!;
        let first = anchor;
        while (known(addDays(first, -1))) first = addDays(first, -1);
        let last = previous?.last ?? anchor;
        while (known(addDays(last, 1))) last = addDays(last, 1);
        if (previous && first === previous.first && last === previous.last) continue;
        const parts: Uint8Array[] = [];
        for (let day = first; day <= last;) {
          if (previous && day === previous.first) {
            parts.push(insideOf(previous.bytes));
            day = addDays(previous.last, 1);
          } else {
            parts.push(insideOf(found.get(day)!.bytes));
            day = addDays(day, 1);
          }
        }
        entries.push(entry(year, concatBytes(arrayPieces(parts)), deps.settings.cacheTtlSeconds));
      }
      return entries;
    },
  };
}
