import type { Acquired, BudgetState, UpstreamThrottle } from '../../ports/upstream-throttle.js';
import { Failover, type FailureReport } from './failover.js';

/**
 * An UpstreamThrottle that paces calls with a second (process-local) throttle while the first one's
 * store is away: each process then keeps to the rate on its own, rather than stopping or not pacing.
 * A pause is set in both, so that it holds whichever answers next.
 */
export class FallbackUpstreamThrottle implements UpstreamThrottle {
  private readonly failover: Failover<UpstreamThrottle>;

  constructor(primary: UpstreamThrottle, secondary: UpstreamThrottle, onFailure: FailureReport) {
    this.failover = new Failover(primary, secondary, onFailure);
  }

  acquire(api: string, maxWaitMs: number): Promise<Acquired> {
    return this.failover.either((throttle) => throttle.acquire(api, maxWaitMs));
  }

  budget(api: string): Promise<BudgetState> {
    return this.failover.either((throttle) => throttle.budget(api));
  }

  pauseUntil(api: string, until: Date): Promise<void> {
    return this.failover.both((throttle) => throttle.pauseUntil(api, until));
  }
}
