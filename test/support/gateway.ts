import type { Express } from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { OutboxMailer } from '../../adapters/outbox/mailer.outbox.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { loadConfig, type Config } from '../../host/config.js';
import { createGateway, type Gateway, type Overrides } from '../../host/container.js';
import { createApp } from '../../host/http/app.js';
import { ManualClock } from './clock.js';
import { CountingProvider } from './counting-provider.js';

export const TEST_SECRET_KEY = 'test-server-key-0123456789abcdef0123456789abcdef';
export const STRONG_PASSWORD = 'Correct-Horse9';

export interface TestGateway {
  readonly gateway: Gateway;
  readonly app: Express;
  readonly clock: ManualClock;
  readonly provider: CountingProvider;
  readonly mailer: OutboxMailer;
  readonly config: Config;
  close(): Promise<void>;
  /** Signs up a fresh account and returns its credentials and a JWT. */
  signUp(email?: string): Promise<{ email: string; clientId: string; clientSecret: string; token: string }>;
  /** signUp, then the address confirmed through the mailed link (what ADMIN_EMAILS needs). */
  signUpVerified(email?: string): Promise<{ email: string; clientId: string; clientSecret: string; token: string }>;
}

let counter = 0;

/**
 * A gateway on the embedded default (SQLite in memory, memory cache and limiter, MockEnedis behind
 * a call counter), with a manual clock, quiet logs and a cheap bcrypt cost. `realProvider` keeps the
 * provider the configuration chooses (the Enedis adapter when ENEDIS_* are set).
 */
export async function startTestGateway(
  env: Record<string, string> = {},
  overrides: Overrides = {},
  now = '2026-11-23T10:00:00Z',
  options: { realProvider?: boolean } = {},
): Promise<TestGateway> {
  const loaded = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
    DEMO_ACCOUNT: 'false',
    LOOKUP_MEMO_MS: '0',
    SIGNUP_MAX_PER_ADDRESS: '100000',
    ...env,
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const config = loaded.value;
  const clock = new ManualClock(now);
  const provider = new CountingProvider(new MockEnedisProvider(clock));
  const mailer = new OutboxMailer();
  const gateway = await createGateway(
    { ...config, secretKey: TEST_SECRET_KEY },
    { clock, mailer, ...(options.realProvider ? {} : { provider }), demoProvider: provider, logger: pino({ level: 'silent' }), ...overrides },
  );
  const app = createApp(gateway);
  const testGateway: TestGateway = {
    gateway,
    app,
    clock,
    provider,
    mailer,
    config,
    close: () => gateway.close(),
    signUp,
    async signUpVerified(email?: string) {
      const user = await signUp(email);
      await request(app).post('/api/accounts/resend-verification').send({ email: user.email }).expect(202);
      const link = /verify-email\?token=([\w%-]+)/.exec(mailer.lastTo(user.email)?.text ?? '');
      if (!link) throw new Error(`no verification mail for ${user.email}`);
      await request(app).get(`/api/accounts/verify-email?token=${link[1]}`).expect(200);
      return user;
    },
  };
  return testGateway;

  async function signUp(email = `user${++counter}-${Date.now()}@example.org`) {
    const created = await request(app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
    const login = await request(app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
    return {
      email,
      clientId: created.body.data.client_id as string,
      clientSecret: created.body.data.client_secret as string,
      token: login.body.data.access_token as string,
    };
  }
}
