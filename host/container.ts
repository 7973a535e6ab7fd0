import { hkdfSync } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Container } from 'inversify';
import type { Knex } from 'knex';
import { BcryptPasswordHasher } from '../adapters/bcrypt/password-hasher.bcrypt.js';
import { JoseAccessTokens } from '../adapters/jose/access-tokens.jose.js';
import { InMemoryDayCache } from '../adapters/memory/day-cache.memory.js';
import { InMemoryRateLimiter } from '../adapters/memory/rate-limiter.memory.js';
import { MockEnedisProvider } from '../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { NodeCryptoKeyring } from '../adapters/node-crypto/keyring.node-crypto.js';
import { FallbackDayCache } from '../adapters/fallback/day-cache.fallback.js';
import { FallbackRateLimiter } from '../adapters/fallback/rate-limiter.fallback.js';
import { RedisDayCache } from '../adapters/redis/day-cache.redis.js';
import { createRedisClient, redisCall, redisVersionProblem, waitUntilReady, type RedisClient } from '../adapters/redis/redis-client.js';
import { RedisRateLimiter } from '../adapters/redis/rate-limiter.redis.js';
import { PrometheusTelemetry } from '../adapters/prometheus/telemetry.prometheus.js';
import { GatewayMetrics } from './metrics.js';
import { OutboxMailer } from '../adapters/outbox/mailer.outbox.js';
import { PassThroughCaptchaVerifier } from '../adapters/pass-through/captcha-verifier.pass-through.js';
import { TurnstileCaptchaVerifier } from '../adapters/turnstile/captcha-verifier.turnstile.js';
import { EnedisHttpProvider } from '../adapters/enedis/metering-provider.enedis.js';
import { FallbackUpstreamThrottle } from '../adapters/fallback/upstream-throttle.fallback.js';
import { LimiterUpstreamThrottle } from '../adapters/limiter/upstream-throttle.limiter.js';
import { RedisUpstreamThrottle } from '../adapters/redis/upstream-throttle.redis.js';
import { SqlOneTimeTokenStore } from '../adapters/sql/one-time-token-store.sql.js';
import { migrateToLatest } from '../adapters/sql/migrations/index.js';
import { createSqlClient } from '../adapters/sql/sql-client.js';
import { SqlPdlRepo } from '../adapters/sql/pdl-repo.sql.js';
import { SqlTokenStore } from '../adapters/sql/token-store.sql.js';
import { SealedTokenStore } from '../adapters/sealed/token-store.sealed.js';
import { SqlUserRepo } from '../adapters/sql/user-repo.sql.js';
import { SystemClock } from '../adapters/system/clock.system.js';
import type { InfrastructureFailure } from '../domain/infrastructure-failure.js';
import { createUseCases, type GatewaySettings, type UseCases } from '../domain/use-cases/index.js';
import type { AccessTokens } from '../ports/access-tokens.js';
import type { CaptchaVerifier } from '../ports/captcha-verifier.js';
import type { Clock } from '../ports/clock.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { Mailer } from '../ports/mailer.js';
import type { OneTimeTokenStore } from '../ports/one-time-token-store.js';
import type { DayCache } from '../ports/day-cache.js';
import type { Keyring } from '../ports/keyring.js';
import type { MeteringProvider } from '../ports/metering-provider.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PdlRepo } from '../ports/pdl-repo.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import type { TokenStore } from '../ports/token-store.js';
import type { UpstreamThrottle } from '../ports/upstream-throttle.js';
import type { UserRepo } from '../ports/user-repo.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { TOKENS } from './tokens.js';
import { HealthProblem } from './health-problem.js';

/** Config with the server key resolved (see resolveSecretKey). */
export type ResolvedConfig = Config & { readonly secretKey: string };

/** Replacements for any binding; tests use them, and so can an embedding application. */
export interface Overrides {
  readonly logger?: Logger;
  readonly users?: UserRepo;
  readonly pdls?: PdlRepo;
  readonly tokens?: TokenStore;
  readonly oneTimeTokens?: OneTimeTokenStore;
  readonly cache?: DayCache;
  readonly throttle?: UpstreamThrottle;
  readonly limiter?: RateLimiter;
  readonly provider?: MeteringProvider;
  readonly demoProvider?: MeteringProvider;
  readonly clock?: Clock;
  readonly keyring?: Keyring;
  readonly passwords?: PasswordHasher;
  readonly accessTokens?: AccessTokens;
  readonly mailer?: Mailer;
  readonly captcha?: CaptchaVerifier;
  readonly telemetry?: Telemetry;
}

export interface HealthCheck {
  readonly name: string;
  /** A critical dependency down makes the gateway not ready; another one only degraded. */
  readonly critical: boolean;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  readonly check: () => Promise<void>;
}

export interface Gateway {
  readonly container: Container;
  readonly useCases: UseCases;
  readonly config: ResolvedConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly metrics: GatewayMetrics;
  readonly checks: readonly HealthCheck[];
  /** Which adapter serves each role, for the start-up banner and the logs. */
  readonly adapters: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** Calls `log` at most once per `intervalMs`, so an outage writes a line every so often, not one per request. */
function warnAtMostEvery<T>(intervalMs: number, log: (value: T) => void): (value: T) => void {
  let last = 0;
  return (value) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    log(value);
  };
}

function connectRedis(url: string, logger: Logger): RedisClient {
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

/** Fails, naming the API and when calls pass again, when an Enedis API's hourly budget is spent or Enedis paused it. */
async function budgetsLeft(apis: readonly string[], throttle: UpstreamThrottle): Promise<void> {
  const budgets = await Promise.all(apis.map((api) => throttle.budget(api)));
  const spent = budgets.flatMap((b) => {
    if (b.pausedUntil) return [`${b.api} paused by Enedis until ${b.pausedUntil.toISOString()}`];
    return b.usedThisHour >= b.limitPerHour ? [`${b.api} has spent its ${b.limitPerHour} calls of this hour; calls pass again at ${b.resetsAt.toISOString()}`] : [];
  });
  if (spent.length > 0) throw new HealthProblem(spent.join('; '));
}

/** Calls `log` once for each distinct first argument: an operator is told of a problem, not of every request meeting it. */
function onceEach<A extends unknown[]>(log: (key: string, ...rest: A) => void): (key: string, ...rest: A) => void {
  const told = new Set<string>();
  return (key, ...rest) => {
    if (told.has(key)) return;
    told.add(key);
    log(key, ...rest);
  };
}

function bindValue<T>(container: Container, id: symbol, override: T | undefined, build: () => T) {
  container.bind<T>(id).toResolvedValue(() => override ?? build()).inSingletonScope();
}

/**
 * The composition root: binds every port to an adapter chosen from the configuration, applies the
 * overrides, migrates the SQL schema, and returns the use cases wired to it all.
 */
export async function createGateway(config: ResolvedConfig, overrides: Overrides = {}): Promise<Gateway> {
  const container = new Container({ defaultScope: 'Singleton' });
  const serverKey = new TextEncoder().encode(config.secretKey);
  const jwtKey = new Uint8Array(hkdfSync('sha256', serverKey, new Uint8Array(0), 'myelectricaldata:jwt', 32));
  const usesSql = !(overrides.users && overrides.pdls && overrides.tokens && overrides.oneTimeTokens);
  const clock = overrides.clock ?? new SystemClock();

  container.bind<ResolvedConfig>(TOKENS.Config).toConstantValue(config);
  const metrics = new GatewayMetrics();
  container.bind<GatewayMetrics>(TOKENS.Metrics).toConstantValue(metrics);
  bindValue(container, TOKENS.Telemetry, overrides.telemetry, () => new PrometheusTelemetry(metrics.registry));
  bindValue(container, TOKENS.Logger, overrides.logger, () => createLogger(config));
  bindValue(container, TOKENS.Clock, overrides.clock, () => clock);
  container.bind<Knex>(TOKENS.SqlClient).toResolvedValue(() => {
    const logger = container.get<Logger>(TOKENS.Logger);
    const log = (level: 'warn' | 'error' | 'debug', message: string) => logger[level]({ component: 'database' }, message);
    return config.database.dialect === 'sqlite'
      ? createSqlClient({ dialect: 'sqlite', connection: config.database.file, debug: config.debugSql, log })
      : createSqlClient({ dialect: 'postgresql', connection: config.database.url, debug: config.debugSql, log });
  });
  const sql = () => container.get<Knex>(TOKENS.SqlClient);
  bindValue(container, TOKENS.UserRepo, overrides.users, () => new SqlUserRepo(sql()));
  bindValue(container, TOKENS.PdlRepo, overrides.pdls, () => new SqlPdlRepo(sql()));
  bindValue(container, TOKENS.TokenStore, overrides.tokens, () => new SealedTokenStore(new SqlTokenStore(sql()), container.get(TOKENS.Keyring)));
  bindValue(container, TOKENS.OneTimeTokenStore, overrides.oneTimeTokens, () => new SqlOneTimeTokenStore(sql()));
  const logger = container.get<Logger>(TOKENS.Logger);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : null;
  const degraded = warnAtMostEvery(10_000, (error: InfrastructureFailure) =>
    logger.warn({ component: error.component, cause: String(error.cause) }, 'Redis unavailable: serving degraded'),
  );
  bindValue(container, TOKENS.DayCache, overrides.cache, () =>
    redis ? new FallbackDayCache(new RedisDayCache(redis), degraded) : new InMemoryDayCache(clock),
  );
  bindValue(container, TOKENS.RateLimiter, overrides.limiter, () =>
    redis
      ? new FallbackRateLimiter(new RedisRateLimiter(redis, clock), new InMemoryRateLimiter(clock), degraded)
      : new InMemoryRateLimiter(clock),
  );
  bindValue(container, TOKENS.UpstreamThrottle, overrides.throttle, () =>
    redis
      ? new FallbackUpstreamThrottle(new RedisUpstreamThrottle(redis, config.enedis.rates), new LimiterUpstreamThrottle(config.enedis.rates), degraded)
      : new LimiterUpstreamThrottle(config.enedis.rates),
  );
  const callbackUrl = `${config.backendUrl}/api/oauth/callback`;
  const { enedis } = config;
  bindValue(container, TOKENS.MeteringProvider, overrides.provider, () =>
    enedis.clientId && enedis.clientSecret
      ? new EnedisHttpProvider({
          generation: enedis.apiVersion,
          baseUrl: enedis.baseUrl,
          authorizeUrl: enedis.authorizeUrl,
          authorizeVersion: enedis.authorizeVersion,
          redirectUri: enedis.redirectUri,
          clientId: enedis.clientId,
          clientSecret: enedis.clientSecret,
          timeoutMs: enedis.timeoutMs,
          tokens: container.get(TOKENS.TokenStore),
          throttle: container.get(TOKENS.UpstreamThrottle),
          clock,
          onApiNotSubscribed: onceEach((api: string, message: string) =>
            logger.error(
              { component: 'enedis', api, detail: message },
              `Enedis refuses this application the ${api} API: subscribe the application to it on DataHub (datahub-enedis.fr); until then its users get 502 ENEDIS_API_NOT_SUBSCRIBED`,
            ),
          ),
          onExchange: (exchange) => {
            metrics.observeEnedis(exchange);
            logger.debug({ component: 'enedis', ...exchange, ms: Math.round(exchange.ms) }, 'Enedis call');
          },
        })
      : new MockEnedisProvider(clock, callbackUrl),
  );
  // The demo serves any past day, so that the seed's 2024 examples keep answering after 2027.
  bindValue(container, TOKENS.DemoMeteringProvider, overrides.demoProvider, () => new MockEnedisProvider(clock, callbackUrl, { historyLimited: false }));
  bindValue(container, TOKENS.Keyring, overrides.keyring, () => new NodeCryptoKeyring(serverKey));
  bindValue(container, TOKENS.PasswordHasher, overrides.passwords, () => new BcryptPasswordHasher(config.bcryptCost));
  bindValue(container, TOKENS.AccessTokens, overrides.accessTokens, () =>
    new JoseAccessTokens({
      signingKey: jwtKey,
      issuer: 'myelectricaldata-gateway',
      audience: 'myelectricaldata-api',
      lifetimeSeconds: config.accessTokenExpireMinutes * 60,
      clock,
    }),
  );
  // nodemailer is loaded only when mail goes out by SMTP.
  const smtp = config.smtpUrl && !overrides.mailer ? await import('../adapters/smtp/mailer.smtp.js') : null;
  bindValue(container, TOKENS.Mailer, overrides.mailer, () =>
    smtp && config.smtpUrl ? new smtp.SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(join(config.dataDir, 'outbox')),
  );
  bindValue(container, TOKENS.CaptchaVerifier, overrides.captcha, () =>
    config.turnstile.secretKey
      ? new TurnstileCaptchaVerifier(config.turnstile.secretKey, config.turnstile.verifyUrl ?? undefined)
      : new PassThroughCaptchaVerifier(),
  );
  const settings: GatewaySettings = {
    cacheTtlSeconds: config.cacheTtlSeconds,
    noDataTtlSeconds: Math.min(3600, config.cacheTtlSeconds),
    quota: config.quota,
    adminEmails: config.adminEmails,
    requireEmailVerification: config.requireEmailVerification,
    requireCaptcha: config.requireCaptcha,
    frontendUrl: config.frontendUrl,
    loginLimits: config.loginLimits,
    lookupMemoMs: config.lookupMemoMs,
    maxPdlsPerUser: config.maxPdlsPerUser,
    signUpLimits: config.signUpLimits,
  };
  container.bind<UseCases>(TOKENS.UseCases).toResolvedValue(() =>
    createUseCases({
      users: container.get(TOKENS.UserRepo),
      pdls: container.get(TOKENS.PdlRepo),
      tokens: container.get(TOKENS.TokenStore),
      oneTimeTokens: container.get(TOKENS.OneTimeTokenStore),
      cache: container.get(TOKENS.DayCache),
      limiter: container.get(TOKENS.RateLimiter),
      provider: container.get(TOKENS.MeteringProvider),
      demoProvider: container.get(TOKENS.DemoMeteringProvider),
      clock: container.get(TOKENS.Clock),
      keyring: container.get(TOKENS.Keyring),
      passwords: container.get(TOKENS.PasswordHasher),
      accessTokens: container.get(TOKENS.AccessTokens),
      mailer: container.get(TOKENS.Mailer),
      captcha: container.get(TOKENS.CaptchaVerifier),
      telemetry: container.get(TOKENS.Telemetry),
      settings,
    }),
  );
  const alwaysUp = async () => {};
  const redisUp = (component: 'cache' | 'rate_limiter') => (redis ? () => redisCall(component, async () => void (await redis.ping())) : alwaysUp);
  const provider = container.get<MeteringProvider>(TOKENS.MeteringProvider);
  const checks: HealthCheck[] = [
    { name: 'database', critical: true, check: usesSql ? async () => void (await sql().raw('select 1')) : alwaysUp },
    { name: 'cache', critical: false, check: redisUp('cache') },
    { name: 'limiter', critical: false, check: redisUp('rate_limiter') },
    { name: 'metering_provider', critical: false, check: () => provider.check() },
    ...(provider.upstreamApis.length > 0 ? [{ name: 'enedis_budget', critical: false, check: () => budgetsLeft(provider.upstreamApis, container.get<UpstreamThrottle>(TOKENS.UpstreamThrottle)) }] : []),
  ];
  container.bind<HealthCheck[]>(TOKENS.HealthChecks).toConstantValue(checks);
  if (provider.upstreamApis.length > 0) metrics.watchBudgets(provider.upstreamApis, container.get<UpstreamThrottle>(TOKENS.UpstreamThrottle));

  if (usesSql) {
    if (config.database.dialect === 'sqlite' && config.database.file !== ':memory:') {
      await mkdir(dirname(config.database.file), { recursive: true });
    }
    await migrateToLatest(sql());
  }

  if (redis && !(await waitUntilReady(redis, 3000))) logger.warn('Redis did not answer at start; serving degraded until it does');

  const adapters = {
    database: usesSql ? (config.database.dialect === 'sqlite' ? `sqlite (${config.database.file})` : 'postgresql') : 'overridden',
    cache: overrides.cache ? 'overridden' : redis ? 'redis' : 'memory',
    limiter: overrides.limiter ? 'overridden' : redis ? 'redis' : 'memory',
    mail: overrides.mailer ? 'overridden' : config.smtpUrl ? 'smtp' : `outbox (${join(config.dataDir, 'outbox')})`,
    metering: overrides.provider
      ? 'overridden'
      : enedis.clientId
        ? `enedis ${enedis.apiVersion} (${enedis.baseUrl})`
        : 'mock-enedis',
  };

  return {
    container,
    useCases: container.get<UseCases>(TOKENS.UseCases),
    config,
    logger,
    clock: container.get<Clock>(TOKENS.Clock),
    metrics,
    checks,
    adapters,
    close: async () => {
      if (redis) await (redis.isReady ? redis.close() : Promise.resolve(redis.destroy())).catch(() => redis.destroy());
      if (usesSql) await sql().destroy();
    },
  };
}
