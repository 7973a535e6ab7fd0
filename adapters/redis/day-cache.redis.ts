import { RESP_TYPES } from 'redis';
import { dayKeyString } from '../../domain/cache-key.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { DayCache, DayEntry, DayKey } from '../../ports/day-cache.js';
import { LuaScript, redisCall, type RedisClient } from './redis-client.js';
import type { UnchangedAwareCache } from '../sealed/unchanged-protocol.js';

/** The set of a usage point's cache keys, so a purge never scans the key space. */
export const indexKey = (usagePointId: string) => `cache_index:${usagePointId}`;

const PURGE = new LuaScript(`
local names = redis.call('SMEMBERS', KEYS[1])
local deleted = 0
for i = 1, #names, 500 do
  deleted = deleted + redis.call('DEL', unpack(names, i, math.min(i + 499, #names)))
end
redis.call('DEL', KEYS[1])
return deleted`);

/**
 * GET of every key, except that a value beginning with the prefix named for it (ARGV, '' for none)
 * is answered 1 instead of being sent. Read-only: run with EVALSHA_RO.
 */
const GET_UNLESS_KNOWN = new LuaScript(
  `
local answers = {}
for i, key in ipairs(KEYS) do
  local value = redis.call('GET', key)
  local prefix = ARGV[i]
  if value and prefix ~= '' and string.sub(value, 1, #prefix) == prefix then
    answers[i] = 1
  else
    answers[i] = value
  end
end
return answers`,
  true,
);

/**
 * The day cache in Redis, keys in the seed's shape (`consumption:daily:{pdl}:{date}`). A batch read
 * is one MGET, answered as bytes (or, for values the caller holds, one read-only script); a batch write is one MULTI (SET EX per entry plus the usage point's index); a purge is
 * one script over the index.
 */
export class RedisDayCache implements DayCache, UnchangedAwareCache {
  /** The same connection, answering values as bytes: sealed values are binary. */
  private readonly bytes;

  constructor(private readonly client: RedisClient) {
    this.bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  }

  getMany(keys: readonly DayKey[]): Promise<(Uint8Array | null)[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return redisCall('cache', async () => (await this.bytes.mGet(keys.map(dayKeyString))) as unknown as (Buffer | null)[]);
  }

  getManyUnlessKnown(keys: readonly DayKey[], prefixes: readonly (Uint8Array | null)[]): Promise<(Uint8Array | null | 'unchanged')[]> {
    if (!prefixes.some((p) => p !== null)) return this.getMany(keys);
    return redisCall('cache', async () => {
      const answers = (await GET_UNLESS_KNOWN.run(this.bytes, {
        keys: keys.map(dayKeyString),
        arguments: prefixes.map((p) => (p ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : '')),
      })) as unknown as (Buffer | number | null)[];
      return answers.map((answer) => (answer === 1 ? 'unchanged' : (answer as Buffer | null)));
    });
  }

  putMany(entries: readonly DayEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return redisCall('cache', async () => {
      const batch = this.client.multi();
      const indexes = new Map<string, { names: string[]; ttl: number }>();
      for (const { key, value, ttlSeconds } of entries) {
        const name = dayKeyString(key);
        const ttl = Math.max(1, Math.ceil(ttlSeconds));
        batch.set(name, Buffer.from(value.buffer, value.byteOffset, value.byteLength), { expiration: { type: 'EX', value: ttl } });
        const index = indexes.get(key.usagePointId) ?? { names: [], ttl: 0 };
        index.names.push(name);
        index.ttl = Math.max(index.ttl, ttl);
        indexes.set(key.usagePointId, index);
      }
      for (const [usagePointId, { names, ttl }] of indexes) {
        const index = indexKey(usagePointId);
        batch.sAdd(index, names);
        // The index lives as long as its longest-lived entry: set a TTL if it has none, else only extend it.
        batch.expire(index, ttl, 'NX');
        batch.expire(index, ttl, 'GT');
      }
      await batch.exec();
    });
  }

  deleteUsagePoint(usagePointId: UsagePointId): Promise<number> {
    return redisCall('cache', async () => Number(await PURGE.run(this.client, { keys: [indexKey(usagePointId)] })));
  }
}
