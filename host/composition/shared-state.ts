import type { Container } from 'inversify';
import { FallbackDailyCounters } from '../../adapters/fallback/daily-counters.fallback.js';
import { FallbackDayCache } from '../../adapters/fallback/day-cache.fallback.js';
import { FallbackRateLimiter } from '../../adapters/fallback/rate-limiter.fallback.js';
import { FallbackUpstreamThrottle } from '../../adapters/fallback/upstream-throttle.fallback.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { InMemoryDailyCounters } from '../../adapters/memory/daily-counters.memory.js';
import { InMemoryDayCache } from '../../adapters/memory/day-cache.memory.js';
import { InMemoryRateLimiter } from '../../adapters/memory/rate-limiter.memory.js';
import { RedisDailyCounters } from '../../adapters/redis/daily-counters.redis.js';
import { RedisDayCache } from '../../adapters/redis/day-cache.redis.js';
import { RedisRateLimiter } from '../../adapters/redis/rate-limiter.redis.js';
import type { RedisClient } from '../../adapters/redis/redis-client.js';
import { RedisUpstreamThrottle } from '../../adapters/redis/upstream-throttle.redis.js';
import { SealedDayStore } from '../../adapters/sealed/day-store.sealed.js';
import type { DayCache } from '../../ports/day-cache.js';
import type { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { Clock } from '../../ports/clock.js';
import type { Overrides, ResolvedConfig } from '../container.js';
import type { Logger } from '../logger.js';
import { TOKENS } from '../tokens.js';
import { bindValue } from './bind.js';
import { warnAtMostEvery } from './redis-connection.js';

/**
 * What every process shares through Redis (the day cache, quotas, statistics, the Enedis throttle), each in its
 * degraded-mode decorator (ADR 0006); in memory, per process, without Redis.
 */
export function bindSharedState(
  container: Container,
  config: ResolvedConfig,
  overrides: Overrides,
  clock: Clock,
  logger: Logger,
  redis: RedisClient | null,
): void {
  const degraded = warnAtMostEvery(10_000, (error: InfrastructureFailure) =>
    logger.warn({ component: error.component, cause: String(error.cause) }, 'Redis unavailable: serving degraded'),
  );
  const rates = config.enedis.rates;
  bindValue(container, TOKENS.DayCache, overrides.cache, () =>
    redis ? new FallbackDayCache(new RedisDayCache(redis), degraded) : new InMemoryDayCache(clock),
  );
  container
    .bind(TOKENS.DayStore)
    .toResolvedValue(
      () =>
        new SealedDayStore(container.get<DayCache>(TOKENS.DayCache), container.get(TOKENS.Keyring), {
          clock,
          holdMs: config.lookupMemoMs,
          rollUpTtlSeconds: config.cacheTtlSeconds,
        }),
    )
    .inSingletonScope();
  bindValue(container, TOKENS.RateLimiter, overrides.limiter, () =>
    redis ? new FallbackRateLimiter(new RedisRateLimiter(redis, clock), new InMemoryRateLimiter(clock), degraded) : new InMemoryRateLimiter(clock),
  );
  bindValue(container, TOKENS.DailyCounters, overrides.counters, () =>
    redis ? new FallbackDailyCounters(new RedisDailyCounters(redis), new InMemoryDailyCounters(clock), degraded) : new InMemoryDailyCounters(clock),
  );
  bindValue(container, TOKENS.UpstreamThrottle, overrides.throttle, () =>
    redis
      ? new FallbackUpstreamThrottle(new RedisUpstreamThrottle(redis, rates), new LimiterUpstreamThrottle(rates), degraded)
      : new LimiterUpstreamThrottle(rates),
  );
}
