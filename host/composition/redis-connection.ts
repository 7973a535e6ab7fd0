import { createRedisClient, redisVersionProblem, type RedisClient } from '../../adapters/redis/redis-client.js';
import type { Logger } from '../logger.js';

/** Calls `log` at most once per `intervalMs`, so an outage writes a line every so often, not one per request. */
export function warnAtMostEvery<T>(intervalMs: number, log: (value: T) => void): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    log(value);
  };
}

/** A Redis client that reports its connection errors every so often and names a server too old for the gateway. */
export function connectRedis(url: string, logger: Logger): RedisClient {
  const report = warnAtMostEvery(10_000, (error: Error) => logger.warn({ cause: error.message }, 'Redis connection error'));
  const client = createRedisClient({ url, onError: report });
  // Checked at every (re)connection: the server behind the URL may be replaced by an older one.
  client.on('ready', () => {
    client
      .info('server')
      .then((info) => {
        const problem = redisVersionProblem(info);
        if (problem) logger.error(problem);
      })
      .catch(() => {});
  });
  return client;
}
