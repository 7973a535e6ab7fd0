import type { CustomerDataKind } from './customer-data.js';
import type { LocalDate } from './local-date.js';
import type { MeteringKind } from './metering.js';
import type { UsagePointId } from './usage-point-id.js';

export type CacheKind = MeteringKind | CustomerDataKind;

/** One cached value: a kind of data, of one usage point, for one Paris day. */
export interface DayKey {
  readonly kind: CacheKind;
  readonly usagePointId: UsagePointId;
  readonly date: LocalDate;
}

/** The storage key, in the seed's shape: `consumption:daily:12345678901234:2024-01-01`. */
export const dayKeyString = (key: DayKey): string => `${key.kind}:${key.usagePointId}:${key.date}`;
