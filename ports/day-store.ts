import type { CustomerDataKind } from '../domain/customer-data.js';
import type { LocalDate } from '../domain/local-date.js';
import type { IntervalReading, MeteringKind } from '../domain/metering.js';
import type { UsagePointId } from '../domain/usage-point-id.js';
import type { UserKey } from './keyring.js';

/** Whose days, of what: one user's days of one kind of metering data for one usage point. */
export interface Shelf {
  readonly kind: MeteringKind;
  readonly usagePointId: UsagePointId;
  /** The key the days are sealed under; null: nothing is read or kept, answers hold only what was added. */
  readonly userKey: UserKey | null;
  /** Daily kinds: the store may keep a year's settled days together, which a long read then costs little. */
  readonly rollsUp: boolean;
}

/** A day the provider answered for, and how long to keep it. */
export interface DayToKeep {
  readonly date: LocalDate;
  /** The day's readings, in any key order. */
  readonly readings: readonly IntervalReading[];
  readonly ttlSeconds: number;
}

/** The readings of an answer, in order, as the store assembled them. */
export interface StoredReadings {
  /** Parsed, on first use. */
  list(): IntervalReading[];
  /** One JSON array's text. */
  json(): string;
  /** The UTF-8 bytes of that JSON array in pieces (written one after another they are the array), to send without building the text. */
  jsonPieces(): readonly Uint8Array[];
}

/** What the store held for the days of one read, and the answer once the days it lacked are known. */
export interface ShelfRead {
  /** Days the store served. */
  readonly storedDays: number;
  /** Days the store served as having no readings (the provider confirmed it, recently). */
  readonly emptyDays: readonly LocalDate[];
  /** The days asked for that the store does not hold, oldest first. */
  readonly lacking: readonly LocalDate[];
  /**
   * Every day asked for, in order: the stored ones and `fetched` (a day absent from both has no
   * readings). Settled days (up to `settledUntil`) with one reading each, stored or fetched, may be
   * kept together for the next read (`rollsUp`), in one write.
   */
  answer(fetched: ReadonlyMap<LocalDate, readonly IntervalReading[]>): Promise<StoredReadings>;
}

/**
 * The cached days of each user's meters, sealed under the user's key (ADR 0002).
 * - `read` costs one round trip to the cache when the days are consecutive and settled years are
 *   kept together, whatever the number of days; `useStored` false reads nothing (the answer is
 *   then made of what is fetched).
 * - A day is found and counted by its readings' `date`, whatever the key order they were built in.
 * - `keep` writes the days in one round trip; a later keep replaces a day.
 * - Documents (customer data) are kept whole under a kind, usage point and day.
 * - `forgetUsagePoint` removes every day and document of a usage point, of every kind and user.
 * - Infrastructure failures are thrown as InfrastructureFailure('cache').
 */
export interface DayStore {
  read(shelf: Shelf, days: readonly LocalDate[], options: { readonly useStored: boolean; readonly settledUntil: LocalDate }): Promise<ShelfRead>;
  keep(shelf: Shelf, days: readonly DayToKeep[]): Promise<void>;
  readDocument(kind: CustomerDataKind, usagePointId: UsagePointId, date: LocalDate, userKey: UserKey): Promise<unknown>;
  keepDocument(kind: CustomerDataKind, usagePointId: UsagePointId, date: LocalDate, userKey: UserKey, value: unknown, ttlSeconds: number): Promise<void>;
  forgetUsagePoint(usagePointId: UsagePointId): Promise<number>;
}
