import type { Dependencies, UseCaseContext } from './dependencies.js';
import { dailyWindow } from './quota.js';

/** Gateway-wide daily counters for the administrators' statistics, kept with the same limiter. */
export type DailyStat = 'requests_cached' | 'requests_uncached' | 'upstream_calls';
const UNCOUNTED = Number.MAX_SAFE_INTEGER;
export const statBucket = (stat: DailyStat, today: string) => `stats:${stat}:${today}`;

/** How long counts wait in the process before they are added to the limiter's. */
const TALLY_MS = 1000;

/**
 * The day's statistics, counted in the process and added to the limiter at most once a second (and
 * before they are read), so that counting one costs a request no round trip of its own. A process
 * that dies loses at most its last second of counts; a batch the limiter refuses waits for the next.
 */
export class StatTally {
  private pending = new Map<string, { count: number; windowMs: number }>();
  private flushedAt: number;

  constructor(private readonly deps: Pick<Dependencies, 'clock' | 'limiter'>) {
    this.flushedAt = deps.clock.now().getTime();
  }

  async count(stat: DailyStat): Promise<void> {
    const now = this.deps.clock.now();
    const { today, windowMs } = dailyWindow(now);
    const bucket = statBucket(stat, today);
    const entry = this.pending.get(bucket);
    if (entry) entry.count++;
    else this.pending.set(bucket, { count: 1, windowMs });
    if (now.getTime() - this.flushedAt >= TALLY_MS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushedAt = this.deps.clock.now().getTime();
    try {
      await Promise.all([...batch].map(([bucket, { count, windowMs }]) => this.deps.limiter.consume(bucket, UNCOUNTED, windowMs, count)));
    } catch (error) {
      // Back into the tally for the next flush. Were only some buckets refused, the others count
      // twice: the statistics err on the high side rather than lose counts.
      for (const [bucket, { count, windowMs }] of batch) {
        const entry = this.pending.get(bucket);
        if (entry) entry.count += count;
        else this.pending.set(bucket, { count, windowMs });
      }
      throw error;
    }
  }
}

export const readStats = (deps: UseCaseContext) => async (stats: readonly DailyStat[]) => {
  await deps.tally.flush();
  const { today, windowMs } = dailyWindow(deps.clock.now());
  const states = await Promise.all(stats.map((stat) => deps.limiter.peek(statBucket(stat, today), UNCOUNTED, windowMs)));
  return Object.fromEntries(stats.map((stat, i) => [stat, states[i]!.used])) as Record<DailyStat, number>;
};
