/**
 * The library's root: value types and their parsers, domain errors, metering and customer data
 * shapes, the use cases, and (as types) the ports an embedding application implements or picks.
 * Adapters are at `myelectricaldata-gateway/adapters/<technology>`, the HTTP host at `/host`.
 */
export * from './result.js';
export * from './errors.js';
export * from './infrastructure-failure.js';
export * from './usage-point-id.js';
export * from './local-date.js';
export * from './date-range.js';
export * from './paris-time.js';
export * from './metering.js';
export * from './customer-data.js';
export * from './cache-key.js';
export * from './consent.js';
export * from './user.js';
export * from './pdl.js';
export * from './principal.js';
export * from './permissions.js';
export * from './single-flight.js';
export { createUseCases, type UseCases, type Dependencies, type GatewaySettings } from './use-cases/index.js';
export { StatTally, type DailyStat } from './use-cases/stat-tally.js';
export { DEMO_EMAIL, DEMO_PASSWORD, DEMO_METERS } from './use-cases/demo-account.js';
export type { MeterData, MeterDataRequest, MissingRun, MissingReason } from './use-cases/read-meter-data/index.js';
export type { AccessTokens } from '../ports/access-tokens.js';
export type { CaptchaVerifier } from '../ports/captcha-verifier.js';
export type { Clock } from '../ports/clock.js';
export type { DayCache, DayEntry } from '../ports/day-cache.js';
export type { DayStore, DayToKeep, Shelf, ShelfRead, StoredReadings } from '../ports/day-store.js';
export type { Keyring, UserKey } from '../ports/keyring.js';
export type { Mailer, MailMessage } from '../ports/mailer.js';
export type { MeteringProvider } from '../ports/metering-provider.js';
export type { OneTimePurpose, OneTimeToken, OneTimeTokenStore } from '../ports/one-time-token-store.js';
export type { PasswordHasher } from '../ports/password-hasher.js';
export type { PdlRepo } from '../ports/pdl-repo.js';
export type { BucketState, RateLimiter } from '../ports/rate-limiter.js';
export type { Telemetry } from '../ports/telemetry.js';
export type { EnedisToken, TokenOwner, TokenStore } from '../ports/token-store.js';
export type { UpstreamThrottle } from '../ports/upstream-throttle.js';
export type { UserRepo } from '../ports/user-repo.js';
