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
 */
export interface MeteringProvider {
  readings(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>>;
  customerData<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>>;
}
