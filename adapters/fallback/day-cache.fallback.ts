import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayCache, DayEntry, DayKey } from '../../ports/day-cache.js';

/**
 * A DayCache that keeps the gateway answering when its store is away: reads become misses (the data
 * comes from the provider, within the quota rules) and writes are dropped. A purge still fails:
 * claiming a purge that did not happen would leave data someone asked to remove.
 */
export class FallbackDayCache implements DayCache {
  constructor(
    private readonly primary: DayCache,
    private readonly onFailure: (error: InfrastructureFailure) => void,
  ) {}

  async getMany(keys: readonly DayKey[]): Promise<(Uint8Array | null)[]> {
    try {
      return await this.primary.getMany(keys);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return keys.map(() => null);
    }
  }

  async getManyUnlessKnown(keys: readonly DayKey[], prefixes: readonly (Uint8Array | null)[]): Promise<(Uint8Array | null | 'unchanged')[]> {
    try {
      return await this.primary.getManyUnlessKnown(keys, prefixes);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
      return keys.map(() => null);
    }
  }

  async putMany(entries: readonly DayEntry[]): Promise<void> {
    try {
      await this.primary.putMany(entries);
    } catch (error) {
      if (!(error instanceof InfrastructureFailure)) throw error;
      this.onFailure(error);
    }
  }

  deleteUsagePoint(usagePointId: UsagePointId): Promise<number> {
    return this.primary.deleteUsagePoint(usagePointId);
  }
}
