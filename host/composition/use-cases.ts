import type { Container } from 'inversify';
import { createUseCases, type GatewaySettings, type UseCases } from '../../domain/use-cases/index.js';
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
  lookupMemoMs: config.lookupMemoMs,
  maxPdlsPerUser: config.maxPdlsPerUser,
  signUpLimits: config.signUpLimits,
});

/** The use cases on every bound port. */
export function bindUseCases(container: Container, config: ResolvedConfig): void {
  container.bind<UseCases>(TOKENS.UseCases).toResolvedValue(() =>
    createUseCases({
      users: container.get(TOKENS.UserRepo),
      pdls: container.get(TOKENS.PdlRepo),
      tokens: container.get(TOKENS.TokenStore),
      oneTimeTokens: container.get(TOKENS.OneTimeTokenStore),
      cache: container.get(TOKENS.DayCache),
      limiter: container.get(TOKENS.RateLimiter),
      counters: container.get(TOKENS.DailyCounters),
      provider: container.get(TOKENS.MeteringProvider),
      demoProvider: container.get(TOKENS.DemoMeteringProvider),
      clock: container.get(TOKENS.Clock),
      keyring: container.get(TOKENS.Keyring),
      passwords: container.get(TOKENS.PasswordHasher),
      accessTokens: container.get(TOKENS.AccessTokens),
      mailer: container.get(TOKENS.Mailer),
      captcha: container.get(TOKENS.CaptchaVerifier),
      telemetry: container.get(TOKENS.Telemetry),
      settings: settingsOf(config),
    }),
  );
}
