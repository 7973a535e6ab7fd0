import { ENEDIS_RATES, HOUR_MS, SECOND_WINDOW_MS } from '../limiter/upstream-throttle.limiter.js';
import type { Acquired, BudgetState, ThrottleRates, UpstreamThrottle } from '../../ports/upstream-throttle.js';
import { LuaScript, redisCall, type RedisClient } from './redis-client.js';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Takes a slot of one API if one is free and answers 0, or answers how many ms to wait. The second
 * is a sliding log (a sorted set of call times), exact for "any one-second window"; the hour a
 * counter per clock hour; Redis' own clock is the clock of every process.
 */
const ACQUIRE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local perSecond, perHour, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return paused - now end
local hour = KEYS[2] .. ':' .. math.floor(now / 3600000)
if tonumber(redis.call('GET', hour) or '0') >= perHour then return 3600000 - (now % 3600000) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= perSecond then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('INCR', hour)
redis.call('PEXPIRE', hour, 3660000)
local seq = redis.call('INCR', KEYS[1] .. ':seq')
redis.call('ZADD', KEYS[1], now, now .. ':' .. seq)
redis.call('PEXPIRE', KEYS[1], window * 2)
redis.call('PEXPIRE', KEYS[1] .. ':seq', window * 2)
return 0`);

const PAUSE = new LuaScript(`
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ms = tonumber(ARGV[1])
if until_ms > current then redis.call('SET', KEYS[1], until_ms, 'PXAT', until_ms) end
return 1`);

/** This hour's count, the pause, and Redis' clock, read together. */
const BUDGET = new LuaScript(
  `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local used = tonumber(redis.call('GET', KEYS[1] .. ':' .. math.floor(now / 3600000)) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
return {used, now, paused}`,
  true,
);

/** The throttle shared by every gateway process using the same Redis; one set of keys per API. */
export class RedisUpstreamThrottle implements UpstreamThrottle {
  constructor(
    private readonly client: RedisClient,
    private readonly rates: ThrottleRates = ENEDIS_RATES,
    private readonly name = 'enedis',
  ) {}

  private keys(api: string): [string, string, string] {
    const base = `throttle:${this.name}:${api}`;
    return [`${base}:second`, `${base}:hour`, `${base}:paused_until`];
  }

  async acquire(api: string, maxWaitMs: number): Promise<Acquired> {
    const deadline = Date.now() + maxWaitMs;
    const keys = this.keys(api);
    for (;;) {
      const wait = await redisCall('rate_limiter', async () =>
        Number(await ACQUIRE.run(this.client, { keys, arguments: [String(this.rates.perSecond), String(this.rates.perHour), String(SECOND_WINDOW_MS)] })),
      );
      if (wait === 0) return { ok: true };
      if (Date.now() + wait > deadline) return { ok: false, retryAfterMs: wait };
      await sleep(Math.min(wait, 1000));
    }
  }

  async pauseUntil(api: string, until: Date): Promise<void> {
    await redisCall('rate_limiter', async () => {
      await PAUSE.run(this.client, { keys: [this.keys(api)[2]], arguments: [String(until.getTime())] });
    });
  }

  async budget(api: string): Promise<BudgetState> {
    const [, hourKey, pausedKey] = this.keys(api);
    const [used, now, paused] = await redisCall(
      'rate_limiter',
      async () => (await BUDGET.run(this.client, { keys: [hourKey, pausedKey], arguments: [] })) as number[],
    );
    return {
      api,
      usedThisHour: Number(used),
      limitPerHour: this.rates.perHour,
      resetsAt: new Date((Math.floor(Number(now) / HOUR_MS) + 1) * HOUR_MS),
      pausedUntil: Number(paused) > Number(now) ? new Date(Number(paused)) : null,
    };
  }
}
