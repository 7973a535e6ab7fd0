import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';

/**
 * An UpstreamThrottle that paces calls with a second (process-local) throttle while the first one's
 * store is away: each process then keeps to the rate on its own, rather than stopping or not pacing.
 */
export class FallbackUpstreamThrottle implements UpstreamThrottle {
  constructor(
    private readonly primary: UpstreamThrottle,
    private readonly secondary: UpstreamThrottle,
    private readonly onFailure: (error: InfrastructureFailure) => void,
  ) {}

  async acquire(maxWaitMs: number): Promise<boolean> {
    try {
      return await this.primary.acquire(maxWaitMs);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return this.secondary.acquire(maxWaitMs);
    }
  }

  async pauseUntil(until: Date): Promise<void> {
    await this.secondary.pauseUntil(until);
    try {
      await this.primary.pauseUntil(until);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
    }
  }
}
