import type { DailyCounters } from '../../ports/daily-counters.js';
import { Failover, type FailureReport } from './failover.js';

/** DailyCounters that count in a second (process-local) store while the first is away: statistics go on, per process. */
export class FallbackDailyCounters implements DailyCounters {
  private readonly failover: Failover<DailyCounters>;

  constructor(primary: DailyCounters, secondary: DailyCounters, onFailure: FailureReport) {
    this.failover = new Failover(primary, secondary, onFailure);
  }

  add(day: string, counts: ReadonlyMap<string, number>, ttlSeconds: number): Promise<void> {
    return this.failover.either((counters) => counters.add(day, counts, ttlSeconds));
  }

  read(day: string, names: readonly string[]): Promise<Record<string, number>> {
    return this.failover.either((counters) => counters.read(day, names));
  }
}
