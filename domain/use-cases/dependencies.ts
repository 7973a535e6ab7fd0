import type { AccessTokens } from '../../ports/access-tokens.js';
import type { CaptchaVerifier } from '../../ports/captcha-verifier.js';
import type { Clock } from '../../ports/clock.js';
import type { OneTimeTokenStore } from '../../ports/one-time-token-store.js';
import type { DayStore } from '../../ports/day-store.js';
import type { Keyring } from '../../ports/keyring.js';
import type { Mailer } from '../../ports/mailer.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { PdlRepo } from '../../ports/pdl-repo.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import type { Telemetry } from '../../ports/telemetry.js';
import type { TokenStore } from '../../ports/token-store.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { DailyCounters } from '../../ports/daily-counters.js';
import type { Memos } from '../../ports/memos.js';
import type { GridSignals } from '../../ports/grid-signals.js';
import type { OfferCatalogue } from '../../ports/offer-catalogue.js';
import type { TariffHistory } from '../../ports/tariff-history.js';
import type { StatisticsLedgers } from '../../ports/statistics-ledgers.js';
import type { StatTally } from './stat-tally.js';

export interface GatewaySettings {
  /** TTL of a cached day of data (CACHE_TTL_SECONDS). */
  readonly cacheTtlSeconds: number;
  /** How long a day the provider confirmed empty is remembered (never J-1, which may arrive late). */
  readonly noDataTtlSeconds: number;
  /** Requests per user per Paris day: served from cache, and needing the provider. */
  readonly quota: { readonly cached: number; readonly uncached: number };
  /** Lower-case emails of accounts that are admins whatever their stored role. */
  readonly adminEmails: readonly string[];
  readonly requireEmailVerification: boolean;
  readonly requireCaptcha: boolean;
  /** Links in mails point at the front end: `/verify-email?token=`, `/reset-password?token=`. */
  readonly frontendUrl: string;
  /** Failed log-ins allowed per account and per client address within the window. */
  readonly loginLimits: { readonly perAccount: number; readonly perAddress: number; readonly windowSeconds: number };
  /** Sign-ups allowed per client address within the window. */
  readonly signUpLimits: { readonly perAddress: number; readonly windowSeconds: number };
  /** Meters one account may hold (MAX_PDLS_PER_USER). */
  readonly maxPdlsPerUser: number;
}

export interface Dependencies {
  readonly users: UserRepo;
  readonly pdls: PdlRepo;
  readonly tokens: TokenStore;
  readonly oneTimeTokens: OneTimeTokenStore;
  /** The cached days and documents, sealed per user. */
  readonly days: DayStore;
  readonly limiter: RateLimiter;
  /** The day's statistics, shared by every process with a shared store. */
  readonly counters: DailyCounters;
  /** The provider for ordinary accounts. */
  readonly provider: MeteringProvider;
  /** The provider for the demo account, whatever the configuration. */
  readonly demoProvider: MeteringProvider;
  /** RTE's public signals (Tempo), or MockRte. */
  readonly gridSignals: GridSignals;
  /** The offers catalogue (providers, offers and their prices over time). */
  readonly offers: OfferCatalogue;
  /** Each meter's off-peak hours and pricing option over time. */
  readonly tariffs: TariffHistory;
  /** The sealed ledgers Home Assistant statistics are summed from. */
  readonly ledgers: StatisticsLedgers;
  readonly clock: Clock;
  readonly keyring: Keyring;
  readonly passwords: PasswordHasher;
  readonly accessTokens: AccessTokens;
  readonly mailer: Mailer;
  readonly captcha: CaptchaVerifier;
  readonly telemetry: Telemetry;
  readonly settings: GatewaySettings;
  /** Look-ups remembered briefly; the users and meters above must be the ones that forget them on writes (lookupMemos). */
  readonly memos: Memos;
  /** The process's count of the day's statistics, flushed to `counters`. */
  readonly tally: StatTally;
}
