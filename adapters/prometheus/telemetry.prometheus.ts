import { Counter, type Registry } from 'prom-client';
import type { Telemetry } from '../../ports/telemetry.js';

/** The use cases' telemetry as Prometheus counters in `registry`. */
export class PrometheusTelemetry implements Telemetry {
  private readonly cacheDays: Counter<'kind' | 'result'>;
  private readonly providerCalls: Counter<'kind' | 'outcome'>;
  private readonly quotaRejections: Counter<'bucket'>;

  constructor(registry: Registry) {
    this.cacheDays = new Counter({
      name: 'gateway_cache_days_total',
      help: 'Days looked up in the day cache, by data kind and result (hit or miss)',
      labelNames: ['kind', 'result'],
      registers: [registry],
    });
    this.providerCalls = new Counter({
      name: 'gateway_provider_calls_total',
      help: 'Calls to the metering provider, by data kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    });
    this.quotaRejections = new Counter({
      name: 'gateway_quota_rejections_total',
      help: 'Requests refused for an exhausted daily quota, by bucket',
      labelNames: ['bucket'],
      registers: [registry],
    });
  }

  cacheLookup(kind: string, hits: number, misses: number): void {
    if (hits > 0) this.cacheDays.inc({ kind, result: 'hit' }, hits);
    if (misses > 0) this.cacheDays.inc({ kind, result: 'miss' }, misses);
  }

  providerCall(kind: string, outcome: string): void {
    this.providerCalls.inc({ kind, outcome });
  }

  quotaRejected(bucket: string): void {
    this.quotaRejections.inc({ bucket });
  }
}
