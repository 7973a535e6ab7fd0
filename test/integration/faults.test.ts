import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { describeWithServices, PG_URL, REDIS_URL } from '../support/services.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const MAIN = '12345678901234';

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await describeWithServices('when Redis goes away and comes back', ['redis'], () => {
  const target = new URL(REDIS_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port) || 6379);
  let t: TestGateway;
  let auth: string;

  beforeAll(async () => {
    await proxy.start();
    t = await startTestGateway({ REDIS_URL: proxy.url(REDIS_URL), USER_DAILY_LIMIT_NO_CACHE: '5' });
    const user = await t.signUp();
    auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN }).expect(201);
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-02-01`).set('Authorization', auth).expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
  });

  it('then data is still served from the provider within the quota, health says degraded, and no request hangs', async () => {
    await proxy.stop();
    const started = Date.now();
    const health = await api(t.app).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'degraded', checks: { cache: { status: 'down' }, database: { status: 'ok' } } });
    const calls = t.provider.calls.length;
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-02-01`).set('Authorization', auth).expect(200);
    expect(res.body.data.meter_reading.interval_reading).toHaveLength(31);
    expect(res.body.data.cache.cached_days).toBe(0);
    expect(t.provider.calls.length).toBe(calls + 1);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await api(t.app)
            .get(`/api/enedis/consumption/daily/${MAIN}?start=2025-03-0${i + 1}&end=2025-03-0${i + 2}`)
            .set('Authorization', auth)
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const purge = await api(t.app).delete(`/api/enedis/cache/${MAIN}`).set('Authorization', auth).expect(503);
    expect(purge.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('cache') });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('then every route family still answers: accounts, log-in, token, meters, data, consent, health', async () => {
    // Still stopped by the test above.
    const email = `redis-down-${Date.now()}@example.org`;
    const signup = await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
    const login = await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
    const bearer = `Bearer ${login.body.data.access_token as string}`;
    await api(t.app).post('/api/accounts/login').send({ email, password: 'Wrong-Password1' }).expect(401);
    await api(t.app)
      .post('/api/accounts/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: signup.body.data.client_id, client_secret: signup.body.data.client_secret })
      .expect(200);
    await api(t.app).get('/api/accounts/me').set('Authorization', bearer).expect(200);
    await api(t.app).get('/api/accounts/usage').set('Authorization', bearer).expect(200);
    await api(t.app).post('/api/pdl').set('Authorization', bearer).send({ usage_point_id: '98765432109876' }).expect(201);
    await api(t.app).get('/api/pdl').set('Authorization', bearer).expect(200);
    await api(t.app).get('/api/enedis/contract/98765432109876').set('Authorization', bearer).expect(200);
    await api(t.app).get('/api/oauth/authorize').set('Authorization', bearer).expect(200);
    await api(t.app).get('/api/ping').expect(200);
  });

  it('then, once Redis is back, the gateway recovers on its own and serves from the cache again', async () => {
    await proxy.resume();
    const health = await until(
      () => api(t.app).get('/api/health'),
      (res) => res.body.status === 'ok',
    );
    expect(health.body.status).toBe('ok');
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-02-01`).set('Authorization', auth).expect(200);
    expect(res.body.data.cache.cached_days).toBe(31);
  });
});

await describeWithServices('when PostgreSQL goes away and comes back', ['postgresql'], () => {
  const target = new URL(PG_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port) || 5432);
  let database: Awaited<ReturnType<typeof temporaryDatabase>>;
  let t: TestGateway;
  let auth: string;

  beforeAll(async () => {
    database = await temporaryDatabase('med_faults');
    await proxy.start();
    t = await startTestGateway({ DATABASE_URL: proxy.url(database.url) });
    const user = await t.signUp();
    auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN, name: 'Kept' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await proxy.stop();
    await database?.drop();
  });

  it('then requests that need it answer 503 naming the database, readiness is false, and nothing hangs', async () => {
    await proxy.stop();
    const started = Date.now();
    const res = await api(t.app).get('/api/pdl').set('Authorization', auth).expect(503);
    expect(res.body.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('database') });
    const signup = await api(t.app).post('/api/accounts/signup').send({ email: 'during@example.org', password: 'Correct-Horse9' }).expect(503);
    expect(signup.body.error.code).toBe('SERVICE_UNAVAILABLE');
    const health = await api(t.app).get('/api/health').expect(503);
    expect(health.body).toMatchObject({ status: 'down', checks: { database: { status: 'down' } } });
    await api(t.app).get('/api/ping').expect(200);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('then, once PostgreSQL is back, what was stored is all there', async () => {
    await proxy.resume();
    const res = await until(
      () => api(t.app).get('/api/pdl').set('Authorization', auth),
      (r) => r.status === 200,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Kept']);
    await api(t.app).get('/api/health').expect(200);
  });
});
