import type { DayKey } from '../../domain/cache-key.js';
import type { CustomerDataKind } from '../../domain/customer-data.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import type { IntervalReading } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { Clock } from '../../ports/clock.js';
import type { DayCache } from '../../ports/day-cache.js';
import type { DayStore, DayToKeep, Shelf, ShelfRead, StoredReadings } from '../../ports/day-store.js';
import type { Keyring, UserKey } from '../../ports/keyring.js';
import { arrayPieces, concatBytes, textOf, utf8 } from './json-bytes.js';
import { OpenedValues } from './opened-values.js';
import { RecentValues } from './recent-values.js';
import {
  assembleRuns,
  coverageRuns,
  dayText,
  extendedRollUps,
  storedDay,
  storedRollUp,
  yearsBetween,
  type DayText,
  type RollUp,
  type Run,
  type Year,
} from './roll-ups.js';

export interface SealedDayStoreOptions {
  readonly clock: Clock;
  /** How long what was just opened is held, so that reading it again costs a version check (0: not held). */
  readonly holdMs: number;
  /** At most this much plaintext is held. */
  readonly holdBytes?: number;
  /** TTL of the year roll-ups. */
  readonly rollUpTtlSeconds: number;
}

/** What the store holds for the days of a read. */
interface Stored {
  readonly found: ReadonlyMap<LocalDate, DayText>;
  readonly rollUps: ReadonlyMap<Year, RollUp>;
  /** coverageRuns of the days under the roll-ups found. */
  readonly runs: readonly Run[];
}

/** A few dozen years of daily data. */
const HOLD_BYTES = 16 * 1024 * 1024;

/**
 * The DayStore on a DayCache: each day's readings as sealed JSON, and for daily kinds one roll-up
 * per year (its longest run of consecutive settled days), so that a year reads as two roll-ups and
 * the last day or two in one round trip; answers are spliced from the stored bytes (ADR 0002).
 */
export class SealedDayStore implements DayStore {
  private readonly values: OpenedValues;

  constructor(
    private readonly cache: DayCache,
    keyring: Keyring,
    private readonly options: SealedDayStoreOptions,
  ) {
    const now = () => options.clock.now().getTime();
    this.values = new OpenedValues(cache, keyring, new RecentValues<UserKey>(options.holdMs, options.holdBytes ?? HOLD_BYTES, now));
  }

  async read(shelf: Shelf, days: readonly LocalDate[], options: { useStored: boolean; settledUntil: LocalDate }): Promise<ShelfRead> {
    const { userKey } = shelf;
    const stored: Stored =
      options.useStored && userKey !== null && days.length > 0
        ? await this.readStored(shelf, userKey, days, addDays(options.settledUntil, 1))
        : { found: new Map(), rollUps: new Map(), runs: coverageRuns(days, new Map()) };
    let storedDays = 0;
    const emptyDays: LocalDate[] = [];
    const lacking: LocalDate[] = [];
    for (const { from, to, rollUp } of stored.runs) {
      const day = stored.found.get(days[from]!);
      if (rollUp) {
        storedDays += to - from + 1;
      } else if (!day) {
        lacking.push(days[from]!);
      } else {
        storedDays++;
        if (day.count === 0) emptyDays.push(days[from]!);
      }
    }
    return {
      storedDays,
      emptyDays,
      lacking,
      answer: (fetched) => this.answer(shelf, days, stored, fetched, options.settledUntil),
    };
  }

  async keep(shelf: Shelf, days: readonly DayToKeep[]): Promise<void> {
    const { userKey } = shelf;
    if (userKey === null || days.length === 0) return;
    await this.cache.putMany(days.map((day) => this.values.entry(this.keyOf(shelf, day.date), userKey, dayText(day.readings).bytes, day.ttlSeconds)));
  }

  async readDocument(kind: CustomerDataKind, usagePointId: UsagePointId, date: LocalDate, userKey: UserKey): Promise<unknown> {
    const [opened] = await this.values.read([{ kind, usagePointId, date }], userKey);
    return opened ? (JSON.parse(textOf(opened)) as unknown) : null;
  }

  async keepDocument(kind: CustomerDataKind, usagePointId: UsagePointId, date: LocalDate, userKey: UserKey, value: unknown, ttlSeconds: number): Promise<void> {
    await this.cache.putMany([this.values.entry({ kind, usagePointId, date }, userKey, utf8(JSON.stringify(value)), ttlSeconds)]);
  }

  forgetUsagePoint(usagePointId: UsagePointId): Promise<number> {
    return this.cache.deleteUsagePoint(usagePointId);
  }

  private keyOf(shelf: Shelf, date: string): DayKey {
    return { kind: shelf.kind, usagePointId: shelf.usagePointId, date: date as LocalDate };
  }

  /**
   * The days asked for (sorted): the years' roll-ups and the days at or after `freshFrom` in one
   * batch, then, only if a roll-up lacked some older days, those days in a second one.
   */
  private async readStored(shelf: Shelf, userKey: UserKey, days: readonly LocalDate[], freshFrom: LocalDate): Promise<Stored> {
    const key = (date: string) => this.keyOf(shelf, date);
    const years = shelf.rollsUp ? yearsBetween(days[0]!, days.at(-1)!) : [];
    // Days are sorted: the fresh ones are at the end.
    let freshAt = days.length;
    while (shelf.rollsUp && freshAt > 0 && days[freshAt - 1]! >= freshFrom) freshAt--;
    const direct = shelf.rollsUp ? days.slice(freshAt) : days;
    const opened = await this.values.read([...years.map(key), ...direct.map(key)], userKey);
    const rollUps = new Map<Year, RollUp>();
    years.forEach((year, i) => {
      const bytes = opened[i]!;
      if (bytes !== null && bytes.length > 2) rollUps.set(year, storedRollUp(bytes));
    });
    const found = new Map<LocalDate, DayText>();
    direct.forEach((day, i) => {
      const bytes = opened[years.length + i]!;
      if (bytes !== null) found.set(day, storedDay(bytes));
    });
    const runs = coverageRuns(days, rollUps);
    const uncovered = shelf.rollsUp ? runs.filter((run) => run.rollUp === null && run.from < freshAt).map((run) => days[run.from]!) : [];
    if (uncovered.length > 0) {
      const dayValues = await this.values.read(uncovered.map(key), userKey);
      uncovered.forEach((day, i) => {
        const bytes = dayValues[i]!;
        if (bytes !== null) found.set(day, storedDay(bytes));
      });
    }
    return { found, rollUps, runs };
  }

  /** The answer of a read: what was stored and what was fetched, in order; years' roll-ups extended first. */
  private async answer(
    shelf: Shelf,
    days: readonly LocalDate[],
    stored: Stored,
    fetched: ReadonlyMap<LocalDate, readonly IntervalReading[]>,
    settledUntil: LocalDate,
  ): Promise<StoredReadings> {
    const known = new Map(stored.found);
    for (const [day, readings] of fetched) known.set(day, dayText(readings));
    const { userKey } = shelf;
    if (shelf.rollsUp && userKey !== null && days.length > 0) {
      const extended = extendedRollUps(stored.rollUps, known, settledUntil);
      const entries = [...extended].map(([year, bytes]) => this.values.entry(this.keyOf(shelf, year), userKey, bytes, this.options.rollUpTtlSeconds));
      if (entries.length > 0) await this.cache.putMany(entries);
    }
    return jsonReadings(assembleRuns(days, stored.runs, known));
  }
}

/** Readings that stay the insides of JSON arrays until someone asks for them as text or objects. */
export function jsonReadings(inner: readonly Uint8Array[]): StoredReadings {
  let pieces: Uint8Array[] | undefined;
  let json: string | undefined;
  let parsed: IntervalReading[] | undefined;
  const jsonPieces = () => (pieces ??= arrayPieces(inner));
  const text = () => (json ??= textOf(concatBytes(jsonPieces())));
  return { jsonPieces, json: text, list: () => (parsed ??= JSON.parse(text()) as IntervalReading[]) };
}
