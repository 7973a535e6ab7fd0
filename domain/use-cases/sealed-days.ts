import type { DayEntry } from '../../ports/day-cache.js';
import type { UserKey } from '../../ports/keyring.js';
import { dayKeyString, type CacheKind, type DayKey } from '../cache-key.js';
import { addDays, type LocalDate } from '../local-date.js';
import type { UsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';

/**
 * A day of readings as cached: the JSON text of its readings array (kept as text, so that a cached
 * read splices it into the answer without parsing it), and how many readings it holds.
 */
export interface DayText {
  readonly text: string;
  readonly count: number;
}

/** A calendar year, `YYYY`: the key of the roll-up of a year's daily readings. */
export type Year = string & { readonly __brand: 'Year' };

/** A year's roll-up: its consecutive days `first` to `last`, one reading each, as one JSON array text. */
export interface RollUp {
  readonly text: string;
  readonly first: LocalDate;
  readonly last: LocalDate;
}

const yearOf = (day: LocalDate) => day.slice(0, 4) as Year;
const covers = (rollUp: RollUp | undefined, day: LocalDate) => rollUp !== undefined && day >= rollUp.first && day <= rollUp.last;

/** Whether a day is in one of these roll-ups. */
export const coveredBy = (rollUps: ReadonlyMap<Year, RollUp>) => (day: LocalDate) => covers(rollUps.get(yearOf(day)), day);

/** `[a,b]` and `[c]` give `[a,b,c]`: JSON arrays joined, empty ones skipped. */
export const joinArrays = (texts: readonly string[]): string =>
  `[${texts
    .map((t) => t.slice(1, -1))
    .filter((t) => t !== '')
    .join(',')}]`;

/** Counts the readings of a JSON array text written by JSON.stringify (one `"date":` per reading). */
const countOf = (text: string) => (text === '[]' ? 0 : text.split('"date":').length - 1);

const readingAt = (text: string, day: LocalDate) => text.indexOf(`{"date":"${day}`);

/**
 * The readings of days `from` to `to` (both included) out of a roll-up. A roll-up holds every day of
 * its span, each reading written by JSON.stringify with `date` first, so a day's reading starts where
 * `{"date":"<day>` does.
 */
function sliceRollUp(rollUp: RollUp, from: LocalDate, to: LocalDate): string {
  if (from === rollUp.first && to === rollUp.last) return rollUp.text;
  const start = from === rollUp.first ? 1 : readingAt(rollUp.text, from);
  const end = to === rollUp.last ? rollUp.text.length - 1 : readingAt(rollUp.text, addDays(to, 1)) - 1;
  return `[${rollUp.text.slice(start, end)}]`;
}

const dateAt = (text: string, at: number) => text.slice(at + 9, at + 19) as LocalDate;
const spanOf = (text: string): RollUp => ({ text, first: dateAt(text, text.indexOf('{"date":"')), last: dateAt(text, text.lastIndexOf('{"date":"')) });

/**
 * The sealed cache of one user's days of one kind. Daily kinds keep, besides each day, a roll-up of
 * each year (its longest run of consecutive settled days: up to the day before yesterday, which no
 * longer change): a year of data reads as two roll-ups and the last day or two, in one batch.
 */
export function sealedDays(deps: Dependencies, kind: CacheKind, usagePointId: UsagePointId, userKey: UserKey, rollsUp: boolean) {
  const key = (date: string): DayKey => ({ kind, usagePointId, date: date as LocalDate });
  const open = (k: DayKey, sealed: string | null) => (sealed === null ? null : deps.keyring.open(userKey, sealed, dayKeyString(k)));
  const entry = (date: string, text: string, ttlSeconds: number): DayEntry => {
    const k = key(date);
    return { key: k, value: deps.keyring.seal(userKey, text, dayKeyString(k)), ttlSeconds };
  };

  return {
    entry,

    /**
     * Reads the days asked for (sorted): the months' roll-ups and the days at or after `freshFrom`
     * in one batch, then, only if a roll-up lacked some older days, those days in a second one.
     */
    async read(days: readonly LocalDate[], freshFrom: LocalDate): Promise<{ found: Map<LocalDate, DayText>; rollUps: Map<Year, RollUp> }> {
      const years: Year[] = [];
      if (rollsUp && days.length > 0) {
        for (let y = +yearOf(days[0]!); y <= +yearOf(days.at(-1)!); y++) years.push(String(y) as Year);
      }
      // Days are sorted: the fresh ones are at the end.
      let freshAt = days.length;
      while (rollsUp && freshAt > 0 && days[freshAt - 1]! >= freshFrom) freshAt--;
      const direct = rollsUp ? days.slice(freshAt) : days;
      const keys = [...years.map(key), ...direct.map(key)];
      const values = await deps.cache.getMany(keys);
      const rollUps = new Map<Year, RollUp>();
      years.forEach((year, i) => {
        const text = open(keys[i]!, values[i]!);
        if (text !== null && text !== '[]') rollUps.set(year, spanOf(text));
      });
      const found = new Map<LocalDate, DayText>();
      direct.forEach((day, i) => {
        const text = open(keys[years.length + i]!, values[years.length + i]!);
        if (text !== null) found.set(day, { text, count: countOf(text) });
      });
      const settled = days.slice(0, freshAt);
      const covered = coveredBy(rollUps);
      const wholly = settled.length === 0 || years.every((year) => {
        const span = rollUps.get(year);
        const inYear = settled.filter((d) => d.startsWith(year));
        return inYear.length === 0 || (span !== undefined && inYear[0]! >= span.first && inYear.at(-1)! <= span.last);
      });
      const uncovered = rollsUp && !wholly ? settled.filter((d) => !covered(d)) : [];
      if (uncovered.length > 0) {
        const dayKeys = uncovered.map(key);
        const dayValues = await deps.cache.getMany(dayKeys);
        uncovered.forEach((day, i) => {
          const text = open(dayKeys[i]!, dayValues[i]!);
          if (text !== null) found.set(day, { text, count: countOf(text) });
        });
      }
      return { found, rollUps };
    },

    /** The days in order, as texts: slices of roll-ups where they cover, single days elsewhere. */
    assemble(days: readonly LocalDate[], rollUps: ReadonlyMap<Year, RollUp>, found: ReadonlyMap<LocalDate, DayText>): string[] {
      const texts: string[] = [];
      for (let i = 0; i < days.length; ) {
        const rollUp = rollUps.get(yearOf(days[i]!));
        if (covers(rollUp, days[i]!)) {
          let j = i;
          while (j + 1 < days.length && covers(rollUp, days[j + 1]!)) j++;
          texts.push(sliceRollUp(rollUp!, days[i]!, days[j]!));
          i = j + 1;
        } else {
          texts.push(found.get(days[i]!)?.text ?? '[]');
          i++;
        }
      }
      return texts;
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
        const parts: string[] = [];
        for (let day = first; day <= last; ) {
          if (previous && day === previous.first) {
            parts.push(previous.text);
            day = addDays(previous.last, 1);
          } else {
            parts.push(found.get(day)!.text);
            day = addDays(day, 1);
          }
        }
        entries.push(entry(year, joinArrays(parts), deps.settings.cacheTtlSeconds));
      }
      return entries;
    },
  };
}
