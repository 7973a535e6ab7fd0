import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import { InfrastructureFailure, type InfrastructureComponent } from '../../domain/infrastructure-failure.js';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisClientOptions {
  readonly url: string;
  /** Called for every connection error; the client reconnects on its own. */
  readonly onError: (error: Error) => void;
}

/**
 * A node-redis client that fails fast instead of queueing while Redis is away (the adapters then
 * answer InfrastructureFailure, and the caller degrades), and reconnects on its own with a capped
 * backoff. Connecting does not wait: the gateway starts and serves, degraded, with Redis down.
 */
export function createRedisClient(options: RedisClientOptions): RedisClient {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 6), 2000),
    },
  });
  client.on('error', options.onError);
  client.connect().catch(options.onError);
  return client;
}

/** Waits for the first connection, up to `timeoutMs`; false when Redis did not answer by then. */
export async function waitUntilReady(client: RedisClient, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!client.isReady) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** The oldest Redis the adapters run on: the limiter reads PEXPIRETIME, the cache runs EVALSHA_RO. */
export const REDIS_MINIMUM_VERSION = '7.0.0';

/**
 * What is wrong with the server `INFO server` describes, for these adapters: null when its version
 * is REDIS_MINIMUM_VERSION or later (or not said), else a sentence naming both versions.
 */
export function redisVersionProblem(info: string): string | null {
  const found = /^redis_version:([\d.]+)/m.exec(info)?.[1];
  if (!found) return null;
  const [a, b] = [found, REDIS_MINIMUM_VERSION].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    const diff = (a![i] ?? 0) - (b![i] ?? 0);
    if (diff > 0) return null;
    if (diff < 0)
      return `Redis ${found} is too old: the cache and the quotas need Redis ${REDIS_MINIMUM_VERSION} or later, and will answer as if Redis were down`;
  }
  return null;
}

const COMMAND_TIMEOUT_MS = 1500;

/**
 * Runs Redis work with a deadline, translating any failure (offline, refused, slow) into an
 * InfrastructureFailure for `component`, so that a stalled Redis cannot hang a request.
 */
export async function redisCall<T>(component: InfrastructureComponent, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    throw new InfrastructureFailure(component, 'Redis is unavailable', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

interface ScriptOptions {
  keys: string[];
  arguments?: (string | Buffer)[];
}

/** The part of a node-redis client (whatever its type mapping) that runs scripts. */
interface ScriptClient {
  eval(script: string, options: ScriptOptions): Promise<unknown>;
  evalRo(script: string, options: ScriptOptions): Promise<unknown>;
  evalSha(sha: string, options: ScriptOptions): Promise<unknown>;
  evalShaRo(sha: string, options: ScriptOptions): Promise<unknown>;
}

/**
 * A Lua script run by its SHA1 (EVALSHA), so that its text crosses the wire and is hashed by Redis
 * once, not on every call; when Redis no longer holds it (restarted, SCRIPT FLUSH) it answers
 * NOSCRIPT and the script is sent whole (EVAL), which loads it again. A read-only script runs with
 * the _RO variants, which replicas accept.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(
    private readonly source: string,
    private readonly readOnly = false,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: ScriptClient, options: ScriptOptions): Promise<unknown> {
    try {
      return await (this.readOnly ? client.evalShaRo(this.sha, options) : client.evalSha(this.sha, options));
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return this.readOnly ? client.evalRo(this.source, options) : client.eval(this.source, options);
    }
  }
}
