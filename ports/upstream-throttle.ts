/**
 * The pace of calls to the metering provider, shared by every user (and, with a shared backing
 * store, by every gateway process): Enedis allows 5 calls per second and 10,000 per hour per
 * application.
 * - `acquire` resolves when one call may go now, waiting as long as it takes but no longer than
 *   `maxWaitMs`; past that it resolves to false and the caller answers "throttled" instead of waiting.
 * - `pauseUntil` holds every caller back until that instant (the provider said so: Retry-After).
 * - Infrastructure failures of the backing store are thrown as InfrastructureFailure('rate_limiter').
 */
export interface UpstreamThrottle {
  acquire(maxWaitMs: number): Promise<boolean>;
  pauseUntil(until: Date): Promise<void>;
}
