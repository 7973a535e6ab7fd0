import type { DailyCounters } from '../../ports/daily-counters.js';
import { redisCall, type RedisClient } from './redis-client.js';

const keyOf = (name: string, day: string) => `counter:${name}:${day}`;

/** Daily counters in Redis: one MULTI of INCRBY and EXPIRE per flush, one MGET per read. */
export class RedisDailyCounters implements DailyCounters {
  constructor(private readonly client: RedisClient) {}

  async add(day: string, counts: ReadonlyMap<string, number>, ttlSeconds: number): Promise<void> {
    if (counts.size === 0) return;
    await redisCall('rate_limiter', async () => {
      const multi = this.client.multi();
      for (const [name, count] of counts) multi.incrBy(keyOf(name, day), count).expire(keyOf(name, day), ttlSeconds);
      await multi.exec();
    });
  }

  async read(day: string, names: readonly string[]): Promise<Record<string, number>> {
    if (names.length === 0) return {};
    const values = await redisCall('rate_limiter', () => this.client.mGet(names.map((name) => keyOf(name, day))));
    return Object.fromEntries(names.map((name, i) => [name, Number(values[i] ?? 0)]));
  }
}
