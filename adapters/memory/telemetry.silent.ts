import type { Telemetry } from '../../ports/telemetry.js';

/** Telemetry that goes nowhere, for embedding without monitoring. */
export class SilentTelemetry implements Telemetry {
  cacheLookup(): void {}
  providerCall(): void {}
  quotaRejected(): void {}
}
