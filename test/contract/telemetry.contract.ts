import { describe, expect, it } from 'vitest';
import type { Telemetry } from '../../ports/telemetry.js';

export interface TelemetryHarness {
  readonly telemetry: Telemetry;
  /** What was counted, as text (Prometheus' exposition); null for an adapter that counts nothing. */
  counted(): Promise<string | null>;
}

/** The Telemetry contract: fire and forget, never throws, never waits; what it counts is what was reported. */
export function telemetryContract(adapter: string, factory: () => TelemetryHarness) {
  describe(`Telemetry contract: ${adapter}`, () => {
    it('when events are reported, even odd ones, then nothing throws and nothing is waited for', () => {
      const { telemetry } = factory();
      expect(telemetry.cacheLookup('consumption:daily', 3, 2)).toBeUndefined();
      expect(telemetry.cacheLookup('consumption:detail', 0, 0)).toBeUndefined();
      expect(telemetry.providerCall('consumption:daily', 'ok')).toBeUndefined();
      expect(telemetry.providerCall('production:daily', 'UpstreamThrottled')).toBeUndefined();
      expect(telemetry.quotaRejected('uncached')).toBeUndefined();
    });

    it('when it counts, then the counts are the ones reported', async () => {
      const harness = factory();
      harness.telemetry.cacheLookup('consumption:daily', 3, 2);
      harness.telemetry.cacheLookup('consumption:daily', 1, 0);
      harness.telemetry.providerCall('consumption:daily', 'ok');
      harness.telemetry.quotaRejected('uncached');
      const text = await harness.counted();
      if (text === null) return expect(text).toBeNull();
      expect(text).toMatch(/gateway_cache_days_total\{kind="consumption:daily",result="hit"\} 4/);
      expect(text).toMatch(/gateway_cache_days_total\{kind="consumption:daily",result="miss"\} 2/);
      expect(text).toMatch(/gateway_provider_calls_total\{kind="consumption:daily",outcome="ok"\} 1/);
      expect(text).toMatch(/gateway_quota_rejections_total\{bucket="uncached"\} 1/);
    });
  });
}
