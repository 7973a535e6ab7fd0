import type { Clock } from '../../ports/clock.js';
import type { DailyCounters } from '../../ports/daily-counters.js';

/** Daily counters of one process. */
export class InMemoryDailyCounters implements DailyCounters {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  async add(day: string, counts: ReadonlyMap<string, number>, ttlSeconds: number): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [name, count] of counts) {
      const key = `${name}:${day}`;
      const current = this.counters.get(key);
      const base = current && current.expiresAt > now ? current.count : 0;
      this.counters.set(key, { count: base + count, expiresAt: now + ttlSeconds * 1000 });
    }
  }

  async read(day: string, names: readonly string[]): Promise<Record<string, number>> {
    const now = this.clock.now().getTime();
    return Object.fromEntries(
      names.map((name) => {
        const current = this.counters.get(`${name}:${day}`);
        return [name, current && current.expiresAt > now ? current.count : 0];
      }),
    );
  }
}
