import type { Clock } from '../../ports/clock.js';
import type { BucketState, RateLimiter } from '../../ports/rate-limiter.js';
import { LuaScript, redisCall, type RedisClient } from './redis-client.js';

/**
 * Consume ARGV[3] units if they all fit under the limit; the window opens with the first unit.
 * Returns {allowed, used, expiry as Unix ms}: the absolute expiry stays the same for every consume
 * of a window.
 */
const CONSUME = new LuaScript(`
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local amount = tonumber(ARGV[3])
local allowed = 0
if used + amount <= limit then
  used = redis.call('INCRBY', KEYS[1], amount)
  allowed = 1
end
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
end
return {allowed, used, redis.call('PEXPIRETIME', KEYS[1])}`);

function state(allowed: boolean, used: number, limit: number, resetAt: number): BucketState {
  return { allowed, used, limit, remaining: Math.max(0, limit - used), resetAt: new Date(resetAt) };
}

/** Fixed windows in Redis: one script per consume, so counting is exact across every gateway process. Window ends follow Redis' clock. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly clock: Clock,
  ) {}

  consume(bucket: string, limit: number, windowMs: number, amount = 1): Promise<BucketState> {
    return redisCall('rate_limiter', async () => {
      const [allowed, used, expiresAt] = (await CONSUME.run(this.client, {
        keys: [bucket],
        arguments: [String(limit), String(Math.max(1, Math.round(windowMs))), String(amount)],
      })) as [number, number, number];
      return state(allowed === 1, used, limit, expiresAt);
    });
  }

  peek(bucket: string, limit: number, windowMs: number): Promise<BucketState> {
    return redisCall('rate_limiter', async () => {
      const [raw, expiresAt] = (await this.client.multi().get(bucket).pExpireTime(bucket).exec()) as unknown as [string | null, number];
      const used = Number(raw ?? 0);
      return state(used < limit, used, limit, expiresAt > 0 ? expiresAt : this.clock.now().getTime() + windowMs);
    });
  }

  reset(bucket: string): Promise<void> {
    return redisCall('rate_limiter', async () => {
      await this.client.del(bucket);
    });
  }
}
