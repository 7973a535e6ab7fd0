import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

/** A pino logger whose lines land in `lines`. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return pino({ level: 'info', redact: { paths: ['password', 'client_secret', 'access_token', '*.password'], censor: '[redacted]' } }, sink);
}

describe('documentation', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when /docs is opened, then Swagger UI is served from the package, on /api/openapi.yaml, with no CDN', async () => {
    await request(t.app).get('/docs').expect(301).expect('Location', '/docs/');
    const page = await request(t.app).get('/docs/').expect(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    const init = await request(t.app).get('/docs/swagger-initializer.js').expect(200);
    expect(init.text).toContain("'../api/openapi.yaml'");
    await request(t.app)
      .get('/docs/swagger-ui-bundle.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
  });

  it("when the document is read, then 'Authorize' offers the client-credentials flow on the token route", async () => {
    const res = await request(t.app).get('/api/openapi.yaml').expect(200);
    expect(res.text).toMatch(/clientCredentials:\s+tokenUrl: \/api\/accounts\/token/);
  });
});

describe('metrics', () => {
  let t: TestGateway;
  let auth: string;
  beforeAll(async () => {
    t = await startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '1' });
    auth = `Bearer ${(await t.signUp()).token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '12345678901234' }).expect(201);
  });
  afterAll(() => t.close());

  const scrape = async () => (await request(t.app).get('/metrics').expect(200)).text;
  const value = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);

  it('when requests are served, then durations, cache days, provider calls and quota refusals show in /metrics', async () => {
    const before = await scrape();
    const url = '/api/enedis/consumption/daily/12345678901234?start=2025-01-01&end=2025-01-08';
    await api(t.app).get(url).set('Authorization', auth).expect(200);
    await api(t.app).get(url).set('Authorization', auth).expect(200);
    await api(t.app).get('/api/enedis/consumption/daily/12345678901234?start=2025-02-01&end=2025-02-02').set('Authorization', auth).expect(429);
    await api(t.app).get('/api/enedis/consumption/daily/1234?start=2025-02-01&end=2025-02-02').set('Authorization', auth).expect(400);
    const after = await scrape();
    // A request refused by validation is counted under its operation's route, not as unmatched.
    const refused = /gateway_http_request_duration_seconds_count\{method="GET",route="\/enedis\/consumption\/daily\/\{usage_point_id\}",status="400"\} (\d+)/;
    expect(value(after, refused) - value(before, refused)).toBe(1);
    const route = /gateway_http_request_duration_seconds_count\{method="GET",route="\/enedis\/consumption\/daily\/\{usage_point_id\}",status="200"\} (\d+)/;
    expect(value(after, route) - value(before, route)).toBe(2);
    const hits = /gateway_cache_days_total\{kind="consumption:daily",result="hit"\} (\d+)/;
    const misses = /gateway_cache_days_total\{kind="consumption:daily",result="miss"\} (\d+)/;
    expect(value(after, hits) - value(before, hits)).toBe(7);
    expect(value(after, misses) - value(before, misses)).toBe(7 + 1);
    expect(value(after, /gateway_provider_calls_total\{kind="consumption:daily",outcome="ok"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(after, /gateway_quota_rejections_total\{bucket="uncached"\} (\d+)/)).toBe(1);
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('when a token is configured, then /metrics wants it', async () => {
    const g = await startTestGateway({ METRICS_TOKEN: 'scraper-token' });
    try {
      await request(g.app).get('/metrics').expect(401);
      await request(g.app).get('/metrics').set('Authorization', 'Bearer scraper-token').expect(200);
    } finally {
      await g.close();
    }
  });
});

describe('request logs', () => {
  const lines: string[] = [];
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { logger: capturingLogger(lines) });
  });
  afterAll(() => t.close());

  it('when requests come, then one JSON line each with method, route, status, duration, user and request id, and no credential', async () => {
    const user = await t.signUp('logged@example.org');
    await api(t.app).post('/api/accounts/token').auth(user.clientId, user.clientSecret).expect(200);
    await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).set('X-Request-Id', 'req-42').expect(200);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const me = entries.find((e) => e.request_id === 'req-42');
    expect(me).toMatchObject({ method: 'GET', route: '/accounts/me', status: 200, user_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(typeof me?.duration_ms).toBe('number');
    expect(entries.filter((e) => e.route === '/accounts/signup')).toHaveLength(1);
    const all = lines.join('\n');
    for (const secret of [STRONG_PASSWORD, user.clientSecret, user.token]) expect(all).not.toContain(secret);
  });

  it('when an account is in debug mode, then its requests are logged with their detail', async () => {
    const demo = await t.gateway.useCases.ensureDemoAccount();
    lines.length = 0;
    await api(t.app)
      .get('/api/enedis/consumption/daily/12345678901234?start=2025-01-01&end=2025-01-03')
      .set('Authorization', `Bearer ${demo.clientSecret}`)
      .expect(200);
    const entry = lines.map((line) => JSON.parse(line)).find((e) => e.msg === 'request (debug mode)');
    expect(entry).toMatchObject({
      user_id: demo.user.id,
      debug: { operation: 'getConsumptionDaily', query: { start: '2025-01-01', end: '2025-01-03' }, detail: { fetched_days: 2 } },
    });
    expect(lines.join('\n')).not.toContain(demo.clientSecret);
  });
});

describe('readiness', () => {
  it('when all is well, then the database, cache, limiter and metering provider each say ok, with the package version', async () => {
    const t = await startTestGateway();
    try {
      const res = await api(t.app).get('/api/health').expect(200);
      expect(Object.keys(res.body.checks).sort()).toEqual(['cache', 'database', 'limiter', 'metering_provider']);
      expect(Object.values(res.body.checks).every((c) => (c as { status: string }).status === 'ok')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
