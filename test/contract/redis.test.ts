import { RedisDayCache } from '../../adapters/redis/day-cache.redis.js';
import { createRedisClient, waitUntilReady } from '../../adapters/redis/redis-client.js';
import { RedisRateLimiter } from '../../adapters/redis/rate-limiter.redis.js';
import { RedisUpstreamThrottle } from '../../adapters/redis/upstream-throttle.redis.js';
import { upstreamThrottleContract } from './upstream-throttle.contract.js';
import { SystemClock } from '../../adapters/system/clock.system.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { dayCacheContract } from './day-cache.contract.js';
import { pause } from './fixtures.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

async function connected() {
  const client = createRedisClient({ url: REDIS_URL, onError: () => {} });
  if (!(await waitUntilReady(client, 5000))) throw new Error(`Redis at ${REDIS_URL} did not answer`);
  return client;
}

await describeWithServices('Redis adapters', ['redis'], () => {
  dayCacheContract('redis', async () => {
    const client = await connected();
    return { cache: new RedisDayCache(client), elapse: (s) => pause(s * 1000), close: async () => void (await client.quit()) };
  });
  upstreamThrottleContract('redis (shared)', async () => {
    const client = await connected();
    const throttle = new RedisUpstreamThrottle(client, undefined, `contract-${Date.now()}-${Math.random()}`);
    return { throttle, close: async () => void (await client.quit()) };
  });
  rateLimiterContract('redis', async () => {
    const client = await connected();
    return { limiter: new RedisRateLimiter(client, new SystemClock()), elapse: (ms) => pause(ms), close: async () => void (await client.quit()) };
  });
});
