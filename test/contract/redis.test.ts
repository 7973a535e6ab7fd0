import { RedisDayCache } from '../../adapters/redis/day-cache.redis.js';
import { redisVersionProblem } from '../../adapters/redis/redis-client.js';
import { RedisRateLimiter } from '../../adapters/redis/rate-limiter.redis.js';
import { RedisUpstreamThrottle } from '../../adapters/redis/upstream-throttle.redis.js';
import { RedisDailyCounters } from '../../adapters/redis/daily-counters.redis.js';
import { dailyCountersContract } from './daily-counters.contract.js';
import { upstreamThrottleContract } from './upstream-throttle.contract.js';
import { SystemClock } from '../../adapters/system/clock.system.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { connectedRedis } from '../support/redis.js';
import { describe, expect, it } from 'vitest';
import { textOf, utf8 } from '../../adapters/sealed/json-bytes.js';
import type { LocalDate } from '../../domain/local-date.js';
import { newUsagePointId } from './fixtures.js';
import { dayCacheContract } from './day-cache.contract.js';
import { pause } from './fixtures.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

const connected = () => connectedRedis(REDIS_URL);

await describeWithServices('Redis adapters', ['redis'], () => {
  dayCacheContract('redis', async () => {
    const client = await connected();
    return { cache: new RedisDayCache(client), elapse: (s) => pause(s * 1000), close: async () => void (await client.quit()) };
  });
  upstreamThrottleContract('redis (shared)', async (rates) => {
    const client = await connected();
    const throttle = new RedisUpstreamThrottle(client, rates, `contract-${Date.now()}-${Math.random()}`);
    return { throttle, close: async () => void (await client.quit()) };
  });
  dailyCountersContract('redis', async () => {
    const client = await connected();
    return { counters: new RedisDailyCounters(client), elapse: (s) => pause(s * 1000), close: async () => void (await client.quit()) };
  });
  rateLimiterContract('redis', async () => {
    const client = await connected();
    return { limiter: new RedisRateLimiter(client, new SystemClock()), elapse: (ms) => pause(ms), close: async () => void (await client.quit()) };
  });

  describe('server', () => {
    it('when the adapters connect, then the server is a version they run on', async () => {
      const client = await connected();
      try {
        expect(redisVersionProblem(await client.info('server'))).toBeNull();
      } finally {
        await client.quit();
      }
    });
  });

  describe('scripts', () => {
    it('when Redis has forgotten its scripts (restart, SCRIPT FLUSH), then every script runs again and is sent by hash afterwards', async () => {
      const client = await connected();
      try {
        const cache = new RedisDayCache(client);
        const limiter = new RedisRateLimiter(client, new SystemClock());
        const throttle = new RedisUpstreamThrottle(client, undefined, `scripts-${Date.now()}`);
        const usagePointId = newUsagePointId();
        const key = { kind: 'consumption:daily' as const, usagePointId, date: '2024-01-01' as LocalDate };
        await cache.putMany([{ key, value: utf8('v1:payload'), ttlSeconds: 60 }]);
        const bucket = `scripts-bucket-${Date.now()}-${Math.random()}`;
        const everyScript = async () => {
          expect(await cache.getManyUnlessKnown([key], [utf8('v1:')])).toEqual(['unchanged']);
          expect((await limiter.consume(bucket, 10, 60_000)).used).toBeGreaterThan(0);
          expect(await throttle.acquire('mesure_synchrone_auto', 1000)).toEqual({ ok: true });
          expect((await throttle.budget('mesure_synchrone_auto')).usedThisHour).toBeGreaterThan(0);
        };
        await client.scriptFlush();
        await everyScript();
        const calls = async () =>
          Object.fromEntries([...(await client.info('commandstats')).matchAll(/cmdstat_(\w+):calls=(\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
        const before = await calls();
        await everyScript();
        const after = await calls();
        const sent = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
        expect(sent('eval') + sent('eval_ro')).toBe(0);
        expect(sent('evalsha') + sent('evalsha_ro')).toBeGreaterThanOrEqual(4);
        await client.scriptFlush();
        expect(await cache.deleteUsagePoint(usagePointId)).toBe(1);
        expect((await cache.getMany([key])).map((v) => v && textOf(v))).toEqual([null]);
      } finally {
        await client.quit();
      }
    });
  });
});
