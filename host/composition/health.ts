import { redisCall, type RedisClient } from '../../adapters/redis/redis-client.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';
import type { HealthCheck } from '../container.js';
import { HealthProblem } from '../health-problem.js';

/** What /api/health asks: the database (critical), Redis, the metering provider and its budgets. */
export function healthChecks(
  database: (() => Promise<void>) | null,
  redis: RedisClient | null,
  provider: MeteringProvider,
  throttle: () => UpstreamThrottle,
): HealthCheck[] {
  const alwaysUp = async () => {};
  const redisUp = (component: 'cache' | 'rate_limiter') => (redis ? () => redisCall(component, async () => void (await redis.ping())) : alwaysUp);
  return [
    { name: 'database', critical: true, check: database ?? alwaysUp },
    { name: 'cache', critical: false, check: redisUp('cache') },
    { name: 'limiter', critical: false, check: redisUp('rate_limiter') },
    { name: 'metering_provider', critical: false, check: () => provider.check() },
    ...(provider.upstreamApis.length > 0 ? [{ name: 'enedis_budget', critical: false, check: () => budgetsLeft(provider.upstreamApis, throttle()) }] : []),
  ];
}

/** Fails, naming the API and when calls pass again, when an Enedis API's hourly budget is spent or Enedis paused it. */
export async function budgetsLeft(apis: readonly string[], throttle: UpstreamThrottle): Promise<void> {
  const budgets = await Promise.all(apis.map((api) => throttle.budget(api)));
  const spent = budgets.flatMap((b) => {
    if (b.pausedUntil) return [`${b.api} paused by Enedis until ${b.pausedUntil.toISOString()}`];
    return b.usedThisHour >= b.limitPerHour
      ? [`${b.api} has spent its ${b.limitPerHour} calls of this hour; calls pass again at ${b.resetsAt.toISOString()}`]
      : [];
  });
  if (spent.length > 0) throw new HealthProblem(spent.join('; '));
}
