import { BcryptPasswordHasher } from '../../adapters/bcrypt/password-hasher.bcrypt.js';
import { JoseAccessTokens } from '../../adapters/jose/access-tokens.jose.js';
import { InMemoryOneTimeTokenStore } from '../../adapters/memory/one-time-token-store.memory.js';
import { InMemoryDayCache } from '../../adapters/memory/day-cache.memory.js';
import { createMemoryDatabase } from '../../adapters/memory/memory-database.js';
import { InMemoryPdlRepo } from '../../adapters/memory/pdl-repo.memory.js';
import { InMemoryRateLimiter } from '../../adapters/memory/rate-limiter.memory.js';
import { InMemoryDailyCounters } from '../../adapters/memory/daily-counters.memory.js';
import { InMemoryTokenStore } from '../../adapters/memory/token-store.memory.js';
import { InMemoryUserRepo } from '../../adapters/memory/user-repo.memory.js';
import { SilentTelemetry } from '../../adapters/memory/telemetry.silent.js';
import { OutboxMailer } from '../../adapters/outbox/mailer.outbox.js';
import { PassThroughCaptchaVerifier } from '../../adapters/pass-through/captcha-verifier.pass-through.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { MockRte } from '../../adapters/mock-rte/grid-signals.mock-rte.js';
import { InMemoryOfferCatalogue } from '../../adapters/memory/offer-catalogue.memory.js';
import { InMemoryTariffHistory } from '../../adapters/memory/tariff-history.memory.js';
import { InMemoryStatisticsLedgers } from '../../adapters/memory/statistics-ledgers.memory.js';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { SealedDayStore } from '../../adapters/sealed/day-store.sealed.js';
import type { Principal } from '../../domain/principal.js';
import { lookupMemos } from '../../adapters/memory/memos.memory.js';
import { createUseCases, type Dependencies, type GatewaySettings } from '../../domain/use-cases/index.js';
import { StatTally } from '../../domain/use-cases/stat-tally.js';
import { ManualClock } from './clock.js';
import { CountingProvider } from './counting-provider.js';

export const DEFAULT_SETTINGS: GatewaySettings = {
  cacheTtlSeconds: 86_400,
  noDataTtlSeconds: 3_600,
  quota: { cached: 1000, uncached: 50 },
  adminEmails: ['admin@example.org'],
  requireEmailVerification: false,
  requireCaptcha: false,
  frontendUrl: 'http://front.test',
  loginLimits: { perAccount: 5, perAddress: 20, windowSeconds: 900 },
  maxPdlsPerUser: 20,
  signUpLimits: { perAddress: 10, windowSeconds: 3600 },
};

/** The use cases on in-memory adapters and MockEnedis behind a call counter, at a fixed instant. */
export function buildUseCases(settings: Partial<GatewaySettings> & { lookupMemoMs?: number } = {}, now = '2026-11-23T10:00:00Z') {
  const clock = new ManualClock(now);
  const db = createMemoryDatabase();
  const provider = new CountingProvider(new MockEnedisProvider(clock));
  const cache = new InMemoryDayCache(clock);
  const mailer = new OutboxMailer();
  const keyring = new NodeCryptoKeyring(new TextEncoder().encode('unit-test-server-key-0123456789abcdef'));
  const { lookupMemoMs = 0, ...overrides } = settings;
  const allSettings = { ...DEFAULT_SETTINGS, ...overrides };
  const counters = new InMemoryDailyCounters(clock);
  // The memos with the repositories that forget them: what tests arrange and read back through.
  const { memos, users, pdls } = lookupMemos(clock, lookupMemoMs, { users: new InMemoryUserRepo(db), pdls: new InMemoryPdlRepo(db) });
  const deps: Dependencies = {
    users,
    pdls,
    memos,
    tally: new StatTally({ clock, counters }),
    tokens: new InMemoryTokenStore(db),
    oneTimeTokens: new InMemoryOneTimeTokenStore(db),
    days: new SealedDayStore(cache, keyring, { clock, holdMs: lookupMemoMs, rollUpTtlSeconds: allSettings.cacheTtlSeconds }),
    limiter: new InMemoryRateLimiter(clock),
    counters,
    provider,
    demoProvider: provider,
    gridSignals: new MockRte(clock),
    offers: new InMemoryOfferCatalogue(),
    tariffs: new InMemoryTariffHistory(),
    ledgers: new InMemoryStatisticsLedgers(),
    clock,
    keyring,
    passwords: new BcryptPasswordHasher(4),
    accessTokens: new JoseAccessTokens({
      signingKey: new TextEncoder().encode('unit-test-jwt-key-0123456789abcdef012345'),
      issuer: 'test',
      audience: 'test',
      lifetimeSeconds: 3600,
      clock,
    }),
    mailer,
    captcha: new PassThroughCaptchaVerifier(),
    telemetry: new SilentTelemetry(),
    settings: allSettings,
  };
  const useCases = createUseCases(deps);
  let n = 0;

  /** A new account holding one meter; the principal authenticated with the client secret itself. */
  async function accountWithMeter(usagePointId = '12345678901234', email = `u${++n}@example.org`) {
    const signed = await useCases.signUp({ email, password: 'Correct-Horse9' });
    if (!signed.ok) throw new Error(signed.error.kind);
    // Confirmed, as an address must be for ADMIN_EMAILS to count.
    await deps.users.update(signed.value.user.id, { emailVerified: true });
    const auth = await useCases.authenticate(signed.value.clientSecret);
    if (!auth.ok) throw new Error(auth.error.kind);
    const principal: Principal = auth.value;
    const registered = await useCases.registerPdl(principal, { usagePointId });
    if (!registered.ok) throw new Error(registered.error.kind);
    provider.reset();
    return { principal, pdl: registered.value.pdl, clientSecret: signed.value.clientSecret, clientId: signed.value.clientId };
  }

  return { deps, useCases, clock, provider, cache, mailer, accountWithMeter };
}
