import type { Container } from 'inversify';
import { lookupMemos } from '../../adapters/memory/memos.memory.js';
import { createUseCases, type GatewaySettings, type UseCases } from '../../domain/use-cases/index.js';
import { StatTally } from '../../domain/use-cases/stat-tally.js';
import type { Clock } from '../../ports/clock.js';
import type { DailyCounters } from '../../ports/daily-counters.js';
import type { ResolvedConfig } from '../container.js';
import { TOKENS } from '../tokens.js';

/** What the use cases read of the configuration. */
export const settingsOf = (config: ResolvedConfig): GatewaySettings => ({
  cacheTtlSeconds: config.cacheTtlSeconds,
  noDataTtlSeconds: Math.min(3600, config.cacheTtlSeconds),
  quota: config.quota,
  adminEmails: config.adminEmails,
  requireEmailVerification: config.requireEmailVerification,
  requireCaptcha: config.requireCaptcha,
  frontendUrl: config.frontendUrl,
  loginLimits: config.loginLimits,
  maxPdlsPerUser: config.maxPdlsPerUser,
  signUpLimits: config.signUpLimits,
});

/**
 * The use cases on every bound port, with the process's look-up memos (the users and meters
 * decorated to forget them on writes) and statistics tally, made here (ADR 0005).
 */
export function bindUseCases(container: Container, config: ResolvedConfig): void {
  container.bind<UseCases>(TOKENS.UseCases).toResolvedValue(() => {
    const clock = container.get<Clock>(TOKENS.Clock);
    const counters = container.get<DailyCounters>(TOKENS.DailyCounters);
    const { memos, users, pdls } = lookupMemos(clock, config.lookupMemoMs, { users: container.get(TOKENS.UserRepo), pdls: container.get(TOKENS.PdlRepo) });
    return createUseCases({
      users,
      pdls,
      memos,
      tally: new StatTally({ clock, counters }),
      tokens: container.get(TOKENS.TokenStore),
      oneTimeTokens: container.get(TOKENS.OneTimeTokenStore),
      days: container.get(TOKENS.DayStore),
      limiter: container.get(TOKENS.RateLimiter),
      counters,
      provider: container.get(TOKENS.MeteringProvider),
      demoProvider: container.get(TOKENS.DemoMeteringProvider),
      gridSignals: container.get(TOKENS.GridSignals),
      offers: container.get(TOKENS.OfferCatalogue),
      tariffs: container.get(TOKENS.TariffHistory),
      ledgers: container.get(TOKENS.StatisticsLedgers),
      clock,
      keyring: container.get(TOKENS.Keyring),
      passwords: container.get(TOKENS.PasswordHasher),
      accessTokens: container.get(TOKENS.AccessTokens),
      mailer: container.get(TOKENS.Mailer),
      captcha: container.get(TOKENS.CaptchaVerifier),
      telemetry: container.get(TOKENS.Telemetry),
      settings: settingsOf(config),
    });
  });
}
