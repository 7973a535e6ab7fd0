import { createRedisClient, waitUntilReady, type RedisClient } from '../../adapters/redis/redis-client.js';

/** A client connected to the Redis at `url`; throws, naming the URL, when it does not answer within 5 s. */
export async function connectedRedis(url: string): Promise<RedisClient> {
  const client = createRedisClient({ url, onError: () => {} });
  if (!(await waitUntilReady(client, 5000))) {
    client.destroy();
    throw new Error(`Redis at ${url} did not answer`);
  }
  return client;
}

/** Empties the Redis database at `url` (a test's own index), so that a run starts from nothing. */
export async function emptyRedisDatabase(url: string): Promise<void> {
  const client = await connectedRedis(url);
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}
