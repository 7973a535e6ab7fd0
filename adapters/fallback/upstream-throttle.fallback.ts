import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { Acquired, BudgetState, UpstreamThrottle } from '../../ports/upstream-throttle.js';

/**
 * An UpstreamThrottle that paces calls with a second (process-local) throttle while the first one's
 * store is away: each process then keeps to the rate on its own, rather than stopping or not pacing.
 * A pause is set in both, so that it holds whichever answers next.
 */
export class FallbackUpstreamThrottle implements UpstreamThrottle {
  constructor(
    private readonly primary: UpstreamThrottle,
    private readonly secondary: UpstreamThrottle,
    private readonly onFailure: (error: InfrastructureFailure) => void,
  ) {}

  acquire(api: string, maxWaitMs: number): Promise<Acquired> {
    return this.either((throttle) => throttle.acquire(api, maxWaitMs));
  }

  budget(api: string): Promise<BudgetState> {
    return this.either((throttle) => throttle.budget(api));
  }

  async pauseUntil(api: string, until: Date): Promise<void> {
    await this.secondary.pauseUntil(api, until);
    try {
      await this.primary.pauseUntil(api, until);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
    }
  }

  private async either<T>(work: (throttle: UpstreamThrottle) => Promise<T>): Promise<T> {
    try {
      return await work(this.primary);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return work(this.secondary);
    }
  }
}
