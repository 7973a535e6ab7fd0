import type { ConsentGrant } from '../domain/consent.js';
import type { CustomerDataKind, CustomerDataOf } from '../domain/customer-data.js';
import type { DateRange } from '../domain/date-range.js';
import type { ProviderFailure } from '../domain/errors.js';
import type { IntervalReading, MeteringKind } from '../domain/metering.js';
import type { Result } from '../domain/result.js';
import type { UsagePointId } from '../domain/usage-point-id.js';

/**
 * The source of metering data (Enedis, or a stand-in).
 * - `readings` answers for `range` as Enedis would (end exclusive, at most KIND_SPECS[kind].maxDaysPerCall
 *   days per call: the caller splits). Values are numbers in the kind's unit; curve points are stamped
 *   at interval start with the Paris offset. Days the provider has no data for are simply absent.
 *   Readings are sorted by date and all fall within the range.
 * - Business failures (no consent, wrong direction, throttled...) are returned as values; the provider
 *   never throws for them. A provider that cannot be reached answers UpstreamUnavailable.
 * - BeforeActivation carries `oldestAvailable` when the provider can tell the first day it has.
 */
export interface MeteringProvider {
  /**
   * True when the data is a real household's (Enedis): an account then reads a meter only through a
   * consent it completed. False for stand-ins serving synthetic data.
   */
  readonly requiresConsent: boolean;
  /**
   * True when the provider keeps only Enedis' history (36 months of daily data, 24 of curves, back
   * from J-1): ranges are then clamped to it before calling. False for a stand-in that can serve any
   * past day (the demo account's, so that the seed's examples work on any date).
   */
  readonly historyLimited: boolean;
  /** The upstream APIs it calls, each with a budget of its own (none for a stand-in). */
  readonly upstreamApis: readonly string[];
  /** Resolves when the upstream answers (for readiness probes); a stand-in always does. */
  check(): Promise<void>;
  readings(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>>;
  customerData<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>>;
  /** Where to send a user to grant access to their meters; `state` comes back on the redirect. */
  consentUrl(state: string): string;
  /** The usage points a consent granted; malformed ids are refused as BadUpstreamData. */
  resolveConsent(grant: ConsentGrant): Promise<Result<UsagePointId[], ProviderFailure>>;
}
