import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { DailyCounters } from '../../ports/daily-counters.js';

/** DailyCounters that count in a second (process-local) store while the first is away: statistics go on, per process. */
export class FallbackDailyCounters implements DailyCounters {
  constructor(
    private readonly primary: DailyCounters,
    private readonly secondary: DailyCounters,
    private readonly onFailure: (error: InfrastructureFailure) => void,
  ) {}

  add(day: string, counts: ReadonlyMap<string, number>, ttlSeconds: number): Promise<void> {
    return this.either((counters) => counters.add(day, counts, ttlSeconds));
  }

  read(day: string, names: readonly string[]): Promise<Record<string, number>> {
    return this.either((counters) => counters.read(day, names));
  }

  private async either<T>(work: (counters: DailyCounters) => Promise<T>): Promise<T> {
    try {
      return await work(this.primary);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return work(this.secondary);
    }
  }
}
