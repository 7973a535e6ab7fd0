import type { StoredReadings } from '../../../ports/day-store.js';
import type { BucketState } from '../../../ports/rate-limiter.js';
import type { DateRange } from '../../date-range.js';
import type { LocalDate } from '../../local-date.js';
import type { IntervalReading, MeteringKind, ReadingType } from '../../metering.js';
import type { UsagePointId } from '../../usage-point-id.js';

export type MissingReason = 'not_yet_available' | 'beyond_history' | 'before_activation' | 'no_data' | 'incomplete' | 'upstream_error';

/** Days of the requested range that the answer lacks, and why. */
export interface MissingRun {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly reason: MissingReason;
  readonly detail: string | null;
}

export interface MeterData {
  readonly kind: MeteringKind;
  readonly usagePointId: UsagePointId;
  readonly range: DateRange;
  readonly readingType: ReadingType;
  /** The readings, parsed on first use. */
  readonly readings: IntervalReading[];
  /** The same readings as the store assembled them: as JSON text or pieces, without being parsed. */
  readonly stored: StoredReadings;
  readonly missing: MissingRun[];
  readonly cachedDays: number;
  readonly fetchedDays: number;
  /** The quota bucket this request was counted in; null when not counted (admins, internal callers). */
  readonly quota: BucketState | null;
  /** The meter's subscribed power in kVA, when known (what max power is compared with). */
  readonly subscribedPowerKva: number | null;
}

export interface MeterDataRequest {
  readonly kind: MeteringKind;
  readonly usagePointId: unknown;
  readonly start: unknown;
  readonly end: unknown;
  /** False: do not serve from the cache (what is fetched is still written to it). */
  readonly useCache: boolean;
  /** False for internal callers such as cache warming. */
  readonly countQuota?: boolean;
}

/** A day just fetched: its readings, and whether they cover the whole day. */
export interface FetchedDay {
  readonly readings: readonly IntervalReading[];
  readonly complete: boolean;
}
