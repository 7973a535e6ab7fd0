import { dayKeyString } from '../../domain/cache-key.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { Clock } from '../../ports/clock.js';
import type { DayCache, DayEntry, DayKey } from '../../ports/day-cache.js';
import type { UnchangedAwareCache } from '../sealed/unchanged-protocol.js';

/** A process-local DayCache. Entries expire lazily; a per-usage-point index makes purges direct. */
export class InMemoryDayCache implements DayCache, UnchangedAwareCache {
  private readonly entries = new Map<string, { value: Uint8Array; expiresAt: number }>();
  private readonly byUsagePoint = new Map<string, Set<string>>();

  constructor(private readonly clock: Clock) {}

  async getMany(keys: readonly DayKey[]): Promise<(Uint8Array | null)[]> {
    const now = this.clock.now().getTime();
    return keys.map((key) => {
      const name = dayKeyString(key);
      const entry = this.entries.get(name);
      if (!entry) return null;
      if (entry.expiresAt <= now) {
        this.entries.delete(name);
        this.byUsagePoint.get(key.usagePointId)?.delete(name);
        return null;
      }
      return entry.value;
    });
  }

  async getManyUnlessKnown(keys: readonly DayKey[], prefixes: readonly (Uint8Array | null)[]): Promise<(Uint8Array | null | 'unchanged')[]> {
    const values = await this.getMany(keys);
    return values.map((value, i) => {
      const prefix = prefixes[i];
      return value && prefix && prefix.length <= value.length && prefix.every((byte, at) => value[at] === byte) ? 'unchanged' : value;
    });
  }

  async putMany(entries: readonly DayEntry[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const { key, value, ttlSeconds } of entries) {
      const name = dayKeyString(key);
      this.entries.set(name, { value, expiresAt: now + Math.max(1, ttlSeconds) * 1000 });
      let names = this.byUsagePoint.get(key.usagePointId);
      if (!names) this.byUsagePoint.set(key.usagePointId, (names = new Set()));
      names.add(name);
    }
  }

  async deleteUsagePoint(usagePointId: UsagePointId): Promise<number> {
    const names = this.byUsagePoint.get(usagePointId);
    if (!names) return 0;
    const now = this.clock.now().getTime();
    let deleted = 0;
    for (const name of names) {
      const entry = this.entries.get(name);
      if (entry && entry.expiresAt > now) deleted++;
      this.entries.delete(name);
    }
    this.byUsagePoint.delete(usagePointId);
    return deleted;
  }
}
