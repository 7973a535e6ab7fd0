import { Container } from 'inversify';
import { SystemClock } from '../adapters/system/clock.system.js';
import { PrometheusTelemetry } from '../adapters/prometheus/telemetry.prometheus.js';
import { waitUntilReady } from '../adapters/redis/redis-client.js';
import type { UseCases } from '../domain/use-cases/index.js';
import type { AccessTokens } from '../ports/access-tokens.js';
import type { CaptchaVerifier } from '../ports/captcha-verifier.js';
import type { Clock } from '../ports/clock.js';
import type { DayCache } from '../ports/day-cache.js';
import type { Keyring } from '../ports/keyring.js';
import type { Mailer } from '../ports/mailer.js';
import type { MeteringProvider } from '../ports/metering-provider.js';
import type { OneTimeTokenStore } from '../ports/one-time-token-store.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PdlRepo } from '../ports/pdl-repo.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import type { DailyCounters } from '../ports/daily-counters.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { TokenStore } from '../ports/token-store.js';
import type { UpstreamThrottle } from '../ports/upstream-throttle.js';
import type { UserRepo } from '../ports/user-repo.js';
import { bindKeys, bindMailAndCaptcha, describeMail } from './composition/account-services.js';
import { bindValue } from './composition/bind.js';
import { healthChecks } from './composition/health.js';
import { bindMetering, describeMetering } from './composition/metering.js';
import { connectRedis } from './composition/redis-connection.js';
import { bindSharedState } from './composition/shared-state.js';
import { bindStorage } from './composition/storage.js';
import { bindUseCases } from './composition/use-cases.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { GatewayMetrics } from './metrics.js';
import { TOKENS } from './tokens.js';
import type { GridSignals } from '../ports/grid-signals.js';
import type { OfferCatalogue } from '../ports/offer-catalogue.js';
import type { TariffHistory } from '../ports/tariff-history.js';
import type { StatisticsLedgers } from '../ports/statistics-ledgers.js';

/** Config with the server key resolved (see resolveSecretKey). */
export type ResolvedConfig = Config & { readonly secretKey: string };

/** Replacements for any binding; tests use them, and so can an embedding application. */
export interface Overrides {
  readonly logger?: Logger;
  readonly users?: UserRepo;
  readonly pdls?: PdlRepo;
  readonly offers?: OfferCatalogue;
  readonly tariffs?: TariffHistory;
  readonly ledgers?: StatisticsLedgers;
  readonly tokens?: TokenStore;
  readonly oneTimeTokens?: OneTimeTokenStore;
  readonly cache?: DayCache;
  readonly throttle?: UpstreamThrottle;
  readonly limiter?: RateLimiter;
  readonly counters?: DailyCounters;
  readonly provider?: MeteringProvider;
  readonly demoProvider?: MeteringProvider;
  readonly gridSignals?: GridSignals;
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

/**
 * The composition root: binds every port to an adapter chosen from the configuration (each family
 * in host/composition/), applies the overrides, migrates the SQL schema, and returns the use cases
 * wired to it all with what the HTTP app needs.
 */
export async function createGateway(config: ResolvedConfig, overrides: Overrides = {}): Promise<Gateway> {
  const container = new Container({ defaultScope: 'Singleton' });
  const clock = overrides.clock ?? new SystemClock();
  const metrics = new GatewayMetrics();
  container.bind<ResolvedConfig>(TOKENS.Config).toConstantValue(config);
  container.bind<GatewayMetrics>(TOKENS.Metrics).toConstantValue(metrics);
  bindValue(container, TOKENS.Telemetry, overrides.telemetry, () => new PrometheusTelemetry(metrics.registry));
  bindValue(container, TOKENS.Logger, overrides.logger, () => createLogger(config));
  bindValue(container, TOKENS.Clock, overrides.clock, () => clock);
  const logger = container.get<Logger>(TOKENS.Logger);
  const storage = bindStorage(container, config, overrides);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : null;
  bindSharedState(container, config, overrides, clock, logger, redis);
  bindMetering(container, config, overrides, clock, logger, metrics);
  bindKeys(container, config, overrides, clock);
  await bindMailAndCaptcha(container, config, overrides);
  bindUseCases(container, config);

  const provider = container.get<MeteringProvider>(TOKENS.MeteringProvider);
  const throttle = () => container.get<UpstreamThrottle>(TOKENS.UpstreamThrottle);
  const checks = healthChecks(storage.usesSql ? async () => void (await storage.sql().raw('select 1')) : null, redis, provider, throttle);
  container.bind<HealthCheck[]>(TOKENS.HealthChecks).toConstantValue(checks);
  if (provider.upstreamApis.length > 0) metrics.watchBudgets(provider.upstreamApis, throttle());

  await storage.migrate();
  if (redis && !(await waitUntilReady(redis, 3000))) logger.warn('Redis did not answer at start; serving degraded until it does');

  const shared = (override: unknown) => (override ? 'overridden' : redis ? 'redis' : 'memory');
  return {
    container,
    useCases: container.get<UseCases>(TOKENS.UseCases),
    config,
    logger,
    clock: container.get<Clock>(TOKENS.Clock),
    metrics,
    checks,
    adapters: {
      database: storage.describe(),
      cache: shared(overrides.cache),
      limiter: shared(overrides.limiter),
      mail: describeMail(config, overrides),
      metering: describeMetering(config, overrides),
    },
    close: async () => {
      if (redis) await (redis.isReady ? redis.close() : Promise.resolve(redis.destroy())).catch(() => redis.destroy());
      if (storage.usesSql) await storage.sql().destroy();
    },
  };
}
