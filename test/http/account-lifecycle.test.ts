import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import type { CaptchaVerifier } from '../../ports/captcha-verifier.js';
import type { Mailer } from '../../ports/mailer.js';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { LocalDate } from '../../domain/local-date.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { TOKENS } from '../../host/tokens.js';
import type { DayCache } from '../../ports/day-cache.js';

const tokenIn = (text: string | undefined, path: string) => {
  const match = new RegExp(`${path}\\?token=([\\w%-]+)`).exec(text ?? '');
  return match ? decodeURIComponent(match[1]!) : null;
};

describe('email verification', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ REQUIRE_EMAIL_VERIFICATION: 'true', FRONTEND_URL: 'https://front.test' });
  });
  afterAll(() => t.close());

  it('when a new account confirms its email from the mailed link, then it may use the data routes, and the link serves once', async () => {
    const email = 'verify-me@example.org';
    const signup = await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
    expect(signup.body.data.email_verification).toBe('sent');
    const login = await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
    const auth = `Bearer ${login.body.data.access_token}`;
    const blocked = await api(t.app).get('/api/pdl').set('Authorization', auth).expect(403);
    expect(blocked.body.error.code).toBe('EMAIL_NOT_VERIFIED');
    const me = await api(t.app).get('/api/accounts/me').set('Authorization', auth).expect(200);
    expect(me.body.data.email_verified).toBe(false);

    const mail = t.mailer.lastTo(email);
    expect(mail?.text).toContain('https://front.test/verify-email?token=');
    const token = tokenIn(mail?.text, 'verify-email')!;
    await api(t.app)
      .get(`/api/accounts/verify-email?token=${encodeURIComponent(token)}`)
      .expect(200);
    await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200);
    const reused = await api(t.app)
      .get(`/api/accounts/verify-email?token=${encodeURIComponent(token)}`)
      .expect(400);
    expect(reused.body.error).toMatchObject({ code: 'INVALID_TOKEN', field: 'token' });
  });

  it('when the link is older than a day, then it no longer works, and a new one can be asked for', async () => {
    const email = 'late@example.org';
    await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
    const old = tokenIn(t.mailer.lastTo(email)?.text, 'verify-email')!;
    t.clock.advance(25 * 3_600_000);
    try {
      await api(t.app)
        .get(`/api/accounts/verify-email?token=${encodeURIComponent(old)}`)
        .expect(400);
      await api(t.app).post('/api/accounts/resend-verification').send({ email }).expect(202);
      const fresh = tokenIn(t.mailer.lastTo(email)?.text, 'verify-email')!;
      expect(fresh).not.toBe(old);
      await api(t.app)
        .get(`/api/accounts/verify-email?token=${encodeURIComponent(fresh)}`)
        .expect(200);
    } finally {
      t.clock.advance(-25 * 3_600_000);
    }
  });

  it('when a link is resent for an unknown, a verified or an unverified address, then the answer is the same', async () => {
    await api(t.app).post('/api/accounts/signup').send({ email: 'pending@example.org', password: STRONG_PASSWORD }).expect(201);
    const before = t.mailer.messages.length;
    const answers = await Promise.all(
      ['nobody@example.org', 'verify-me@example.org', 'pending@example.org'].map((email) =>
        api(t.app).post('/api/accounts/resend-verification').send({ email }).expect(202),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(t.mailer.messages.length).toBe(before + 1);
  });

  it('when the mail server fails at sign-up, then the account exists and says the mail failed', async () => {
    const failing: Mailer = { send: async () => Promise.reject(new InfrastructureFailure('mailer', 'down')) };
    const g = await startTestGateway({ REQUIRE_EMAIL_VERIFICATION: 'true' }, { mailer: failing });
    try {
      const res = await api(g.app).post('/api/accounts/signup').send({ email: 'unmailed@example.org', password: STRONG_PASSWORD }).expect(201);
      expect(res.body.data.email_verification).toBe('failed');
      await api(g.app).post('/api/accounts/login').send({ email: 'unmailed@example.org', password: STRONG_PASSWORD }).expect(200);
    } finally {
      await g.close();
    }
  });
});

describe('password reset and change', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ FRONTEND_URL: 'https://front.test' });
  });
  afterAll(() => t.close());

  it('when a reset is asked for an unknown or a known address, then the answer is the same; only the known one gets a mail', async () => {
    const user = await t.signUp('forgetful@example.org');
    const before = t.mailer.messages.length;
    const unknown = await api(t.app).post('/api/accounts/forgot-password').send({ email: 'ghost@example.org' }).expect(202);
    const known = await api(t.app).post('/api/accounts/forgot-password').send({ email: user.email }).expect(202);
    expect(known.body).toEqual(unknown.body);
    expect(t.mailer.messages.length).toBe(before + 1);
    expect(t.mailer.lastTo(user.email)?.text).toContain('https://front.test/reset-password?token=');
  });

  it('when the reset link is used with a new password, then old tokens stop, the new password works, and the link serves once', async () => {
    const user = await t.signUp('resetting@example.org');
    await api(t.app).post('/api/accounts/forgot-password').send({ email: user.email }).expect(202);
    const token = tokenIn(t.mailer.lastTo(user.email)?.text, 'reset-password')!;
    const weak = await api(t.app).post('/api/accounts/reset-password').send({ token, new_password: 'weak' }).expect(422);
    expect(weak.body.error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'new_password' });
    t.clock.advance(2000);
    await api(t.app).post('/api/accounts/reset-password').send({ token, new_password: 'Brand-New-Pass1' }).expect(200);
    const revoked = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(401);
    expect(revoked.body.error.code).toBe('TOKEN_REVOKED');
    await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(401);
    await api(t.app).post('/api/accounts/login').send({ email: user.email, password: 'Brand-New-Pass1' }).expect(200);
    await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.clientSecret}`).expect(200);
    const again = await api(t.app).post('/api/accounts/reset-password').send({ token, new_password: 'Another-Pass2' }).expect(400);
    expect(again.body.error.code).toBe('INVALID_TOKEN');
  });

  it('when the reset link is over an hour old, or superseded by a newer one, then it is refused', async () => {
    const user = await t.signUp('slow@example.org');
    await api(t.app).post('/api/accounts/forgot-password').send({ email: user.email }).expect(202);
    const first = tokenIn(t.mailer.lastTo(user.email)?.text, 'reset-password')!;
    await api(t.app).post('/api/accounts/forgot-password').send({ email: user.email }).expect(202);
    const second = tokenIn(t.mailer.lastTo(user.email)?.text, 'reset-password')!;
    await api(t.app).post('/api/accounts/reset-password').send({ token: first, new_password: 'Brand-New-Pass1' }).expect(400);
    t.clock.advance(61 * 60_000);
    await api(t.app).post('/api/accounts/reset-password').send({ token: second, new_password: 'Brand-New-Pass1' }).expect(400);
  });

  it('when the password is changed, then the current one is needed, the policy applies, and a fresh token comes back', async () => {
    const user = await t.signUp('changing@example.org');
    const auth = `Bearer ${user.token}`;
    await api(t.app)
      .post('/api/accounts/change-password')
      .set('Authorization', auth)
      .send({ current_password: 'Wrong-Pass1', new_password: 'Brand-New-Pass1' })
      .expect(401);
    const weak = await api(t.app)
      .post('/api/accounts/change-password')
      .set('Authorization', auth)
      .send({ current_password: STRONG_PASSWORD, new_password: 'short' })
      .expect(422);
    expect(weak.body.error.field).toBe('new_password');
    t.clock.advance(2000);
    const changed = await api(t.app)
      .post('/api/accounts/change-password')
      .set('Authorization', auth)
      .send({ current_password: STRONG_PASSWORD, new_password: 'Brand-New-Pass1' })
      .expect(200);
    await api(t.app).get('/api/accounts/me').set('Authorization', auth).expect(401);
    await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${changed.body.data.access_token}`).expect(200);
  });
});

describe('log-in attempts', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6', LOGIN_FAILURE_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  it('when an account fails too often, then even the right password waits, with Retry-After, until the window ends', async () => {
    const user = await t.signUp('target@example.org');
    for (let i = 0; i < 3; i++) await api(t.app).post('/api/accounts/login').send({ email: user.email, password: 'Guess-Word1' }).expect(401);
    const blocked = await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
    t.clock.advance(601_000);
    await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(200);
  });

  it('when one address fails across many accounts, then that address is held back too', async () => {
    const users = await Promise.all(['a', 'b', 'c'].map((n) => t.signUp(`spray-${n}@example.org`)));
    const fresh = await t.signUp('innocent@example.org');
    for (const user of users) {
      for (let i = 0; i < 2; i++) await api(t.app).post('/api/accounts/login').send({ email: user.email, password: 'Guess-Word1' }).expect(401);
    }
    await api(t.app).post('/api/accounts/login').send({ email: fresh.email, password: STRONG_PASSWORD }).expect(429);
  });
});

describe('captcha at sign-up', () => {
  const verdicts: Record<string, 'valid' | 'invalid' | 'unavailable'> = { good: 'valid', bad: 'invalid', down: 'unavailable' };
  const captcha: CaptchaVerifier = { verify: async (token) => verdicts[token] ?? 'invalid' };
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ REQUIRE_CAPTCHA: 'true', TURNSTILE_SECRET_KEY: 'test-secret' }, { captcha });
  });
  afterAll(() => t.close());

  it.each([
    [undefined, 400, 'CAPTCHA_REQUIRED'],
    ['bad', 403, 'CAPTCHA_FAILED'],
    ['down', 503, 'CAPTCHA_ERROR'],
  ])('when the captcha token is %j, then %i %s and no account', async (token, status, code) => {
    const email = `captcha-${code}@example.org`;
    const res = await api(t.app)
      .post('/api/accounts/signup')
      .send({ email, password: STRONG_PASSWORD, ...(token ? { captcha_token: token } : {}) })
      .expect(status);
    expect(res.body.error.code).toBe(code);
    await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(401);
  });

  it('when the captcha is solved, then the account is created', async () => {
    await api(t.app).post('/api/accounts/signup').send({ email: 'human@example.org', password: STRONG_PASSWORD, captcha_token: 'good' }).expect(201);
  });

  it('when the answer comes as turnstile_token, as the MyElectricalData web app sends it, then it counts the same', async () => {
    await api(t.app).post('/api/accounts/signup').send({ email: 'web-app@example.org', password: STRONG_PASSWORD, turnstile_token: 'good' }).expect(201);
    const refused = await api(t.app)
      .post('/api/accounts/signup')
      .send({ email: 'web-bot@example.org', password: STRONG_PASSWORD, turnstile_token: 'bad' })
      .expect(403);
    expect(refused.body.error.code).toBe('CAPTCHA_FAILED');
  });
});

describe('the demo account and account deletion', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when the demo account tries any write, then 403 DEMO_READ_ONLY, and its data still reads', async () => {
    const demo = await t.gateway.useCases.ensureDemoAccount();
    const auth = `Bearer ${demo.clientSecret}`;
    const writes: Array<[string, string, object?]> = [
      ['post', '/api/accounts/regenerate-secret'],
      ['delete', '/api/accounts/me'],
      ['post', '/api/accounts/change-password', { current_password: 'DemoPassword123!', new_password: 'Hijacked-Pass1' }],
      ['post', '/api/pdl', { usage_point_id: '22516914714270' }],
      ['patch', '/api/pdl/12345678901234', { name: 'Mine now' }],
      ['delete', '/api/pdl/12345678901234'],
      ['post', '/api/pdl/12345678901234/sync'],
      ['delete', '/api/enedis/cache/12345678901234'],
      ['get', '/api/oauth/authorize'],
    ];
    for (const [method, path, body] of writes) {
      const client = api(t.app);
      const res = await client[method as 'post'](path)
        .set('Authorization', auth)
        .send(body ?? {});
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('DEMO_READ_ONLY');
    }
    await api(t.app).post('/api/accounts/login').send({ email: 'demo@myelectricaldata.fr', password: 'DemoPassword123!' }).expect(200);
    await api(t.app).get('/api/enedis/consumption/daily/12345678901234?start=2025-01-01&end=2025-01-08').set('Authorization', auth).expect(200);
  });

  it('when an account is deleted, then its meters, tokens and every cached value of its meters are gone', async () => {
    const user = await t.signUp('leaving@example.org');
    const auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '22516914714270' }).expect(201);
    await api(t.app).get('/api/enedis/consumption/daily/22516914714270?start=2025-01-01&end=2025-01-08').set('Authorization', auth).expect(200);
    await api(t.app).get('/api/enedis/contract/22516914714270').set('Authorization', auth).expect(200);
    const deleted = await api(t.app).delete('/api/accounts/me').set('Authorization', auth).expect(200);
    // Seven days, their month's roll-up, and the contract.
    expect(deleted.body.data.deleted_cache_entries).toBe(9);
    const cache = t.gateway.container.get<DayCache>(TOKENS.DayCache);
    const left = await cache.getMany([{ kind: 'consumption:daily', usagePointId: '22516914714270' as UsagePointId, date: '2025-01-01' as LocalDate }]);
    expect(left).toEqual([null]);
    await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.clientSecret}`).expect(401);
  });
});
