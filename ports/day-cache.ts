import type { DayKey } from '../domain/cache-key.js';
import type { UsagePointId } from '../domain/usage-point-id.js';

export type { DayKey };

export interface DayEntry {
  readonly key: DayKey;
  /** Opaque to the cache (the domain stores sealed bytes). */
  readonly value: Uint8Array;
  /** Seconds until the entry expires; at least 1. */
  readonly ttlSeconds: number;
}

/**
 * The per-day cache.
 * - `getMany` answers in the order asked, null for a miss or an expired entry, in one round trip
 *   whatever the number of keys.
 * - `putMany` writes every entry with its own TTL in one round trip; a later put replaces the value.
 * - `deleteUsagePoint` removes every entry of that usage point, of every kind, without scanning the
 *   whole key space, and returns how many went.
 * - Infrastructure failures are thrown as InfrastructureFailure('cache').
 */
export interface DayCache {
  getMany(keys: readonly DayKey[]): Promise<(Uint8Array | null)[]>;
  putMany(entries: readonly DayEntry[]): Promise<void>;
  deleteUsagePoint(usagePointId: UsagePointId): Promise<number>;
}
