import type { ConsentGrant } from '../../domain/consent.js';
import type { CustomerDataKind, CustomerDataOf } from '../../domain/customer-data.js';
import type { DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import type { IntervalReading, MeteringKind } from '../../domain/metering.js';
import type { Result } from '../../domain/result.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';

export interface ProviderCall {
  readonly kind: MeteringKind | CustomerDataKind;
  readonly usagePointId: string;
  readonly range: DateRange | null;
}

/**
 * Wraps a provider and records the calls that reach it, as a real upstream would count them.
 * `delayMs` keeps calls in flight long enough for concurrency tests; `answer` replaces the inner
 * provider's answer for the calls it returns something for.
 */
export class CountingProvider implements MeteringProvider {
  readonly calls: ProviderCall[] = [];
  delayMs = 0;
  answer: ((kind: MeteringKind, range: DateRange) => Result<IntervalReading[], ProviderFailure> | undefined) | null = null;

  constructor(private readonly inner: MeteringProvider) {}

  /** From now on, calls for ranges starting on or after `day` fail as Enedis being down (503); `answer = null` ends it. */
  failFrom(day: string): void {
    this.answer = (_kind, range) => (range.start >= day ? { ok: false, error: { kind: 'UpstreamUnavailable', message: 'Enedis answered 503' } } : undefined);
  }

  get requiresConsent(): boolean {
    return this.inner.requiresConsent;
  }

  get historyLimited(): boolean {
    return this.inner.historyLimited;
  }

  get upstreamApis(): readonly string[] {
    return this.inner.upstreamApis;
  }

  check(): Promise<void> {
    return this.inner.check();
  }

  async readings(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>> {
    this.calls.push({ kind, usagePointId, range });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.answer?.(kind, range) ?? this.inner.readings(kind, usagePointId, range);
  }

  async customerData<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>> {
    this.calls.push({ kind, usagePointId, range: null });
    return this.inner.customerData(kind, usagePointId);
  }

  consentUrl(state: string): string {
    return this.inner.consentUrl(state);
  }

  resolveConsent(grant: ConsentGrant): Promise<Result<UsagePointId[], ProviderFailure>> {
    return this.inner.resolveConsent(grant);
  }

  callsOf(kind: MeteringKind | CustomerDataKind): ProviderCall[] {
    return this.calls.filter((call) => call.kind === kind);
  }

  reset() {
    this.calls.length = 0;
  }
}
