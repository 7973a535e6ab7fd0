import type { Dependencies } from './dependencies.js';
import { dailyWindow } from './quota.js';

/** Gateway-wide daily counters for the administrators' statistics. */
export type DailyStat = 'requests_cached' | 'requests_uncached' | 'upstream_calls';

/** How long counts wait in the process before they are added to the shared counters. */
const TALLY_MS = 1000;

/** A day's counters outlive it by a day, so that yesterday's figures can still be read this morning. */
const KEEP_SECONDS = 2 * 86_400;

/**
 * The day's statistics, counted in the process and added to the DailyCounters at most once a second
 * (and before they are read), so that counting one costs a request no round trip of its own. A
 * process that dies loses at most its last second of counts; a batch the store refuses waits for
 * the next flush.
 */
export class StatTally {
  private pending = new Map<string, Map<string, number>>();
  private flushedAt: number;

  constructor(private readonly deps: Pick<Dependencies, 'clock' | 'counters'>) {
    this.flushedAt = deps.clock.now().getTime();
  }

  async count(stat: DailyStat): Promise<void> {
    const now = this.deps.clock.now();
    const { today } = dailyWindow(now);
    const day = this.pending.get(today) ?? new Map<string, number>();
    this.pending.set(today, day);
    day.set(stat, (day.get(stat) ?? 0) + 1);
    if (now.getTime() - this.flushedAt >= TALLY_MS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushedAt = this.deps.clock.now().getTime();
    try {
      await Promise.all([...batch].map(([day, counts]) => this.deps.counters.add(day, counts, KEEP_SECONDS)));
    } catch (error) {
      // Back into the tally for the next flush. Were only some days refused, the others count
      // twice: the statistics err on the high side rather than lose counts.
      for (const [day, counts] of batch) {
        const pending = this.pending.get(day) ?? new Map<string, number>();
        this.pending.set(day, pending);
        for (const [stat, count] of counts) pending.set(stat, (pending.get(stat) ?? 0) + count);
      }
      throw error;
    }
  }
}

export const readStats = (deps: Dependencies) => async (stats: readonly DailyStat[]) => {
  await deps.tally.flush();
  const { today } = dailyWindow(deps.clock.now());
  return (await deps.counters.read(today, stats)) as Record<DailyStat, number>;
};
