import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

describe('sign-ups per address', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SIGNUP_MAX_PER_ADDRESS: '3', SIGNUP_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  const signUp = (n: number, address: string) =>
    api(t.app)
      .post('/api/accounts/signup')
      .set('X-Forwarded-For', address)
      .send({ email: `burst${n}-${address}@example.org`, password: STRONG_PASSWORD });

  it('when one address signs up past its share, then 429 TOO_MANY_SIGNUPS with Retry-After; another address still may; the window ends', async () => {
    for (let n = 0; n < 3; n++) await signUp(n, '203.0.113.7').expect(201);
    const refused = await signUp(3, '203.0.113.7').expect(429);
    expect(refused.body.error.code).toBe('TOO_MANY_SIGNUPS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    await signUp(4, '203.0.113.8').expect(201);
    t.clock.advance(601_000);
    await signUp(5, '203.0.113.7').expect(201);
  });
});

describe('the demo account, whose credentials are public', () => {
  let t: TestGateway;
  let demo: string;
  beforeAll(async () => {
    t = await startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '1', USER_DAILY_LIMIT_WITH_CACHE: '2' });
    demo = `Bearer ${(await t.gateway.useCases.ensureDemoAccount()).clientSecret}`;
  });
  afterAll(() => t.close());

  const read = (address: string, day: string) =>
    request(t.app)
      .get(`/api/enedis/consumption/daily/12345678901234?start=2026-01-${day}&end=2026-01-${String(Number(day) + 1).padStart(2, '0')}`)
      .set('Authorization', demo)
      .set('X-Forwarded-For', address);

  it('when one visitor spends its quota, then the next visitor still has its own', async () => {
    expect((await read('198.51.100.1', '05')).status).toBe(200);
    const spent = await read('198.51.100.1', '06');
    expect(spent.status).toBe(429);
    expect(spent.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    const other = await read('198.51.100.2', '06');
    expect(other.status).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('0');
    const usage = await api(t.app).get('/api/accounts/usage').set('Authorization', demo).set('X-Forwarded-For', '198.51.100.3').expect(200);
    expect(usage.body.data.uncached).toMatchObject({ used: 0, limit: 1 });
  });
});
