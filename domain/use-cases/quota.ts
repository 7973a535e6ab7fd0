import { parisDayOf } from '../paris-time.js';
import { isAdmin, quotaOwner, type Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { QuotaExceeded } from '../errors.js';
import type { BucketState } from '../../ports/rate-limiter.js';
import type { Dependencies } from './dependencies.js';
import type { DailyStat } from './stat-tally.js';

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

/**
 * Counts one request against the user's daily quota: `cached` when it was served from the cache
 * alone, `uncached` when it needed the provider. Admins are not limited (null: nothing counted
 * against them), but every request counts in the day's statistics.
 */
export const chargeQuota = (deps: Dependencies) => {
  const count = (stat: DailyStat) => deps.tally.count(stat);
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
    const peek = (bucket: QuotaBucket) => deps.limiter.peek(bucketName(quotaOwner(principal), bucket, today), limitOf(deps, bucket), windowMs);
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
