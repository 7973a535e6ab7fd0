import type { CacheKind } from '../domain/cache-key.js';
import type { ProviderFailure, QuotaExceeded } from '../domain/errors.js';

/**
 * What the use cases report for monitoring. Fire and forget: never throws, never waits.
 */
export interface Telemetry {
  /** Days looked up in the cache for one request, and how many were there. */
  cacheLookup(kind: CacheKind, hits: number, misses: number): void;
  /** One call to the metering provider and how it ended. */
  providerCall(kind: CacheKind, outcome: 'ok' | ProviderFailure['kind']): void;
  quotaRejected(bucket: QuotaExceeded['bucket']): void;
}
