import { parisDayOf } from '../paris-time.js';
import { isAdmin, quotaOwner, type Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { QuotaExceeded } from '../errors.js';
import type { BucketState } from '../../ports/rate-limiter.js';
import type { Dependencies } from './dependencies.js';

export type QuotaBucket = 'cached' | 'uncached';

/** Quotas are per Paris day: the window closes at the next local midnight. */
export function dailyWindow(now: Date) {
  const day = parisDayOf(now.getTime());
  return { today: day.date, windowMs: day.endMs - now.getTime() };
}

/** Bucket names keep the seed's shape: `rate_limit:{user_id}:cached:{date}`, `...:no_cache:{date}`. */
export const bucketName = (userId: string, bucket: QuotaBucket, today: string) =>
  `rate_limit:${userId}:${bucket === 'cached' ? 'cached' : 'no_cache'}:${today}`;

const limitOf = (deps: Dependencies, bucket: QuotaBucket) => deps.settings.quota[bucket];

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
class StatTally {
  private pending = new Map<string, { count: number; windowMs: number }>();
  private flushedAt: number;

  constructor(private readonly deps: Dependencies) {
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

const tallies = new WeakMap<Dependencies, StatTally>();
const tallyOf = (deps: Dependencies) => {
  let tally = tallies.get(deps);
  if (!tally) tallies.set(deps, (tally = new StatTally(deps)));
  return tally;
};

export const countStat = (deps: Dependencies) => (stat: DailyStat) => tallyOf(deps).count(stat);

export const readStats = (deps: Dependencies) => async (stats: readonly DailyStat[]) => {
  await tallyOf(deps).flush();
  const { today, windowMs } = dailyWindow(deps.clock.now());
  const states = await Promise.all(stats.map((stat) => deps.limiter.peek(statBucket(stat, today), UNCOUNTED, windowMs)));
  return Object.fromEntries(stats.map((stat, i) => [stat, states[i]!.used])) as Record<DailyStat, number>;
};

/**
 * Counts one request against the user's daily quota: `cached` when it was served from the cache
 * alone, `uncached` when it needed the provider. Admins are not limited (null: nothing counted
 * against them), but every request counts in the day's statistics.
 */
export const chargeQuota = (deps: Dependencies) => {
  const count = countStat(deps);
  return async (principal: Principal, bucket: QuotaBucket): Promise<Result<BucketState | null, QuotaExceeded>> => {
    const stat = count(bucket === 'cached' ? 'requests_cached' : 'requests_uncached');
    if (isAdmin(principal)) {
      await stat;
      return ok(null);
    }
    const { today, windowMs } = dailyWindow(deps.clock.now());
    const limit = limitOf(deps, bucket);
    const [state] = await Promise.all([deps.limiter.consume(bucketName(quotaOwner(principal), bucket, today), limit, windowMs), stat]);
    if (!state.allowed) {
      deps.telemetry.quotaRejected(bucket);
      return err({ kind: 'QuotaExceeded', bucket, limit, resetAt: state.resetAt });
    }
    return ok(state);
  };
};

export interface UsageStatus {
  readonly date: string;
  readonly unlimited: boolean;
  readonly cached: BucketState;
  readonly uncached: BucketState;
}

export const usageStatus =
  (deps: Dependencies) =>
  async (principal: Principal): Promise<UsageStatus> => {
    const { today, windowMs } = dailyWindow(deps.clock.now());
    const peek = (bucket: QuotaBucket) =>
      deps.limiter.peek(bucketName(quotaOwner(principal), bucket, today), limitOf(deps, bucket), windowMs);
    const [cached, uncached] = await Promise.all([peek('cached'), peek('uncached')]);
    return { date: today, unlimited: isAdmin(principal), cached, uncached };
  };

/** Empties both of today's buckets of an account. */
export const resetQuota =
  (deps: Dependencies) =>
  async (userId: string): Promise<void> => {
    const { today } = dailyWindow(deps.clock.now());
    await Promise.all((['cached', 'uncached'] as const).map((bucket) => deps.limiter.reset(bucketName(userId, bucket, today))));
  };
