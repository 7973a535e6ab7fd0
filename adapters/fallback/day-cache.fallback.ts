import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayCache, DayEntry, DayKey } from '../../ports/day-cache.js';
import { orElse, type FailureReport } from './failover.js';
import type { UnchangedAwareCache } from '../sealed/unchanged-protocol.js';

/**
 * A DayCache that keeps the gateway answering when its store is away: reads become misses (the data
 * comes from the provider, within the quota rules) and writes are dropped. A purge still fails:
 * claiming a purge that did not happen would leave data someone asked to remove.
 */
export class FallbackDayCache implements DayCache, UnchangedAwareCache {
  constructor(
    private readonly primary: DayCache & UnchangedAwareCache,
    private readonly onFailure: FailureReport,
  ) {}

  getMany(keys: readonly DayKey[]): Promise<(Uint8Array | null)[]> {
    return this.orElse(
      () => this.primary.getMany(keys),
      () => keys.map(() => null),
    );
  }

  getManyUnlessKnown(keys: readonly DayKey[], prefixes: readonly (Uint8Array | null)[]): Promise<(Uint8Array | null | 'unchanged')[]> {
    return this.orElse(
      () => this.primary.getManyUnlessKnown(keys, prefixes),
      () => keys.map(() => null),
    );
  }

  putMany(entries: readonly DayEntry[]): Promise<void> {
    return this.orElse(
      () => this.primary.putMany(entries),
      () => undefined,
    );
  }

  deleteUsagePoint(usagePointId: UsagePointId): Promise<number> {
    return this.primary.deleteUsagePoint(usagePointId);
  }

  /** The primary's answer or, when its store is away, the degraded one (reported to onFailure). */
  private orElse<T>(work: () => Promise<T>, degraded: () => T): Promise<T> {
    return orElse(work, degraded, this.onFailure);
  }
}
