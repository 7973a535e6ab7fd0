import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { parisDate } from '../../domain/paris-time.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { consentInApp, consentOnEmulator } from '../support/consent.js';
import type { Overrides } from '../../host/container.js';
import { pino } from 'pino';

const DAILY = /daily_consumption$|consommation_quotidienne$/;
const CURVE = /consumption_load_curve$|courbe_de_charge_consommation$/;

async function gatewayOn(generation: 'v5' | '2026', extra: Record<string, string> = {}, overrides: Overrides = {}) {
  const emulator = new EnedisEmulator({ clientId: 'gateway-app', clientSecret: 'emulated-secret', consentGeneration: generation });
  const base = await emulator.start();
  const t = await startTestGateway(
    {
      ENEDIS_CLIENT_ID: 'gateway-app',
      ENEDIS_CLIENT_SECRET: 'emulated-secret',
      ENEDIS_BASE_URL: base,
      ENEDIS_API_VERSION: generation,
      ENEDIS_AUTHORIZE_URL: `${base}/dataconnect/v1/oauth2/authorize`,
      ENEDIS_TIMEOUT_MS: '800',
      USER_DAILY_LIMIT_NO_CACHE: '1000',
      FRONTEND_URL: 'http://front.test',
      ...extra,
    },
    overrides,
    new Date().toISOString(),
    { realProvider: true },
  );
  const user = await t.signUp();
  return { emulator, t, auth: `Bearer ${user.token}`, user };
}

const today = () => parisDate(new Date());

describe.each(['v5', '2026'] as const)('the gateway on the Enedis emulator, %s API', (generation) => {
  let emulator: EnedisEmulator;
  let t: TestGateway;
  let auth: string;
  const register = (usagePointId: string) => api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: usagePointId }).expect(201);

  beforeAll(async () => {
    ({ emulator, t, auth } = await gatewayOn(generation));
    const meters = ['22516914714270', '24880057139941', '42900589957123', '32320647321714', '26584978546985'];
    for (const id of meters) await register(id);
    const consented = await consentOnEmulator(emulator, meters, consentInApp(t.app, auth));
    expect(consented.searchParams.get('pdl_count')).toBe('5');
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.stop();
  });

  it('when sandbox meters are registered, then their contract and directions come from Enedis', async () => {
    const list = await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200);
    const byId = Object.fromEntries(list.body.data.map((p: { usage_point_id: string }) => [p.usage_point_id, p]));
    expect(byId['22516914714270']).toMatchObject({
      has_consumption: true,
      has_production: false,
      subscribed_power: 6,
      activation_date: '2015-03-02',
      offpeak_hours: ['22:00-06:00'],
      sync: { status: 'ok' },
    });
    expect(byId['24880057139941']).toMatchObject({
      has_consumption: false,
      has_production: true,
      sync: { status: 'failed', error: expect.stringContaining('NoData') },
    });
    expect(byId['26584978546985']).toMatchObject({ sync: { status: 'failed', error: expect.stringContaining('NoConsent') } });
  });

  it('when a cold year of daily consumption is read, then Enedis gets one call; a repeat gets none', async () => {
    emulator.reset();
    const end = today();
    const start = addDays(end, -365);
    const first = await api(t.app).get(`/api/enedis/consumption/daily/22516914714270?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    expect(first.body.data.meter_reading.interval_reading).toHaveLength(365);
    expect(emulator.count(DAILY)).toBe(1);
    const again = await api(t.app).get(`/api/enedis/consumption/daily/22516914714270?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    expect(again.body.data.cache.cached_days).toBe(365);
    expect(emulator.count(DAILY)).toBe(1);
    expect(again.body.data.meter_reading.interval_reading).toEqual(first.body.data.meter_reading.interval_reading);
  });

  it('when thirty days of load curve are read cold, then Enedis gets one call per seven days', async () => {
    emulator.reset();
    const end = addDays(today(), -40);
    const res = await api(t.app)
      .get(`/api/enedis/consumption/detail/22516914714270?start=${addDays(end, -30)}&end=${end}`)
      .set('Authorization', auth)
      .expect(200);
    expect(emulator.count(CURVE)).toBe(5);
    expect(res.body.data.missing).toEqual([]);
    expect(res.body.data.meter_reading.interval_reading.length).toBeGreaterThanOrEqual(30 * 48 - 2);
  });

  it('when the DST days of 2025 are read, then they have 46 and 50 points with distinct timestamps', async () => {
    for (const [day, points] of [
      ['2025-03-30', 46],
      ['2025-10-26', 50],
    ] as const) {
      const res = await api(t.app)
        .get(`/api/enedis/consumption/detail/22516914714270?start=${day}&end=${addDays(day as LocalDate, 1)}`)
        .set('Authorization', auth)
        .expect(200);
      const dates = res.body.data.meter_reading.interval_reading.map((r: { date: string }) => r.date);
      expect(dates).toHaveLength(points);
      expect(new Set(dates).size).toBe(points);
    }
  });

  it('when every data route is read for a consuming meter, then each answers with the values MockEnedis holds', async () => {
    const truth = new MockEnedisProvider({ now: () => new Date() });
    const start = addDays(today(), -10);
    const end = addDays(today(), -3);
    for (const [route, kind] of [
      ['consumption/daily', 'consumption:daily'],
      ['consumption/detail', 'consumption:detail'],
      ['consumption/max_power', 'consumption:max_power'],
    ] as const) {
      const res = await api(t.app).get(`/api/enedis/${route}/22516914714270?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
      const expected = await truth.readings(kind, '22516914714270' as UsagePointId, { start, end });
      expect(res.body.data.meter_reading.interval_reading.map((r: { date: string; value: number }) => [r.date, r.value])).toEqual(
        expected.ok ? expected.value.map((r) => [r.date, r.value]) : null,
      );
    }
    for (const route of ['contract', 'address', 'customer', 'contact'] as const) {
      const res = await api(t.app).get(`/api/enedis/${route}/22516914714270`).set('Authorization', auth).expect(200);
      const expected = await truth.customerData(route, '22516914714270' as UsagePointId);
      expect(res.body.data, route).toEqual(expected.ok ? expected.value : null);
    }
    const contract = await api(t.app).get('/api/enedis/contract/22516914714270').set('Authorization', auth).expect(200);
    expect(contract.body.data.customer.usage_points[0].contracts.subscribed_power).toBe('6 kVA');
  });

  it('when the production-only meter is read, then production is served and consumption is refused', async () => {
    await api(t.app)
      .get(`/api/enedis/production/daily/24880057139941?start=${addDays(today(), -7)}&end=${today()}`)
      .set('Authorization', auth)
      .expect(200);
    await api(t.app)
      .get(`/api/enedis/production/detail/24880057139941?start=${addDays(today(), -3)}&end=${today()}`)
      .set('Authorization', auth)
      .expect(200);
    const res = await api(t.app)
      .get(`/api/enedis/consumption/daily/24880057139941?start=${addDays(today(), -7)}&end=${today()}`)
      .set('Authorization', auth)
      .expect(422);
    expect(res.body.error.code).toBe('WRONG_DIRECTION');
  });

  it('when the meter with holes is read, then Tuesdays and Wednesdays are reported missing', async () => {
    const res = await api(t.app).get('/api/enedis/consumption/daily/42900589957123?start=2026-01-05&end=2026-01-12').set('Authorization', auth).expect(200);
    expect(res.body.data.meter_reading.interval_reading.map((r: { date: string }) => r.date)).toEqual([
      '2026-01-05',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
    expect(res.body.data.missing).toEqual([{ start: '2026-01-06', end: '2026-01-08', reason: 'no_data', detail: null }]);
  });

  it('when the meter without load curve is read, then 404 NO_DATA; the revoked one, 403 NO_CONSENT', async () => {
    const curve = await api(t.app)
      .get(`/api/enedis/consumption/detail/32320647321714?start=${addDays(today(), -3)}&end=${today()}`)
      .set('Authorization', auth)
      .expect(404);
    expect(curve.body.error.code).toBe('NO_DATA');
    const revoked = await api(t.app)
      .get(`/api/enedis/consumption/daily/26584978546985?start=${addDays(today(), -3)}&end=${today()}`)
      .set('Authorization', auth)
      .expect(403);
    expect(revoked.body.error.code).toBe('NO_CONSENT');
  });

  it.each([
    ['later', '11453290002831'],
    ['earlier', '11453290002849'],
  ])(
    'when "before activation" comes for a meter whose contract names a %s day than its data starts, then the first day with data is found and the rest served',
    async (_case, id) => {
      await consentOnEmulator(emulator, [id], consentInApp(t.app, auth));
      emulator.reset();
      const res = await api(t.app).get(`/api/enedis/consumption/daily/${id}?start=2025-08-01&end=2025-10-01`).set('Authorization', auth).expect(200);
      const days = res.body.data.meter_reading.interval_reading.map((r: { date: string }) => r.date);
      expect(days[0]).toBe('2025-08-27');
      expect(days).toHaveLength(35);
      expect(res.body.data.missing).toEqual([{ start: '2025-08-01', end: '2025-08-27', reason: 'before_activation', detail: null }]);
      // The refusal, the contract's three APIs at most, a handful of probes, then the data.
      expect(emulator.count(DAILY)).toBeLessThanOrEqual(9);
      const meter = await api(t.app).get(`/api/pdl/${id}`).set('Authorization', auth).expect(200);
      expect(meter.body.data.oldest_available_data_date).toBe('2025-08-27');
      emulator.reset();
      await api(t.app).get(`/api/enedis/consumption/daily/${id}?start=2025-08-01&end=2025-10-02`).set('Authorization', auth).expect(200);
      expect(emulator.count(DAILY)).toBe(1);
    },
  );

  it('when a user consents on the (emulated) Enedis page, then the meters granted are registered and the front end told', async () => {
    // The sandbox client (chosen by the state's last character) may hold meters registered above: free them.
    const mine = await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200);
    for (const pdl of mine.body.data) await api(t.app).delete(`/api/pdl/${pdl.id}`).set('Authorization', auth).expect(200);
    const user = await t.signUp();
    const start = await api(t.app).get('/api/oauth/authorize').set('Authorization', `Bearer ${user.token}`).expect(200);
    const consentPage = await fetch(start.body.data.authorize_url, { redirect: 'manual' });
    expect(consentPage.status).toBe(302);
    const callback = new URL(consentPage.headers.get('location')!);
    expect(callback.pathname).toBe('/api/oauth/callback');
    const done = await request(t.app)
      .get(callback.pathname + callback.search)
      .expect(302);
    const front = new URL(done.headers.location!);
    expect(front.origin + front.pathname).toBe('http://front.test/dashboard');
    expect(front.searchParams.get('consent_success')).toBe('true');
    const meters = await api(t.app).get('/api/pdl').set('Authorization', `Bearer ${user.token}`).expect(200);
    expect(meters.body.data.length).toBe(Number(front.searchParams.get('created_count')));
    expect(meters.body.data.length).toBeGreaterThan(0);
    const reused = await request(t.app)
      .get(callback.pathname + callback.search)
      .expect(302);
    expect(new URL(reused.headers.location!).searchParams.get('consent_error')).toBe('invalid_state');
  });
});

describe('consent through the v2 page', () => {
  it('when the gateway sends users to the v2 page, then its autorisation_id is resolved, and a v1 redirect is still taken', async () => {
    const emulator = new EnedisEmulator({ clientId: 'gateway-app', clientSecret: 'emulated-secret', redirectUri: 'http://localhost:8000/api/oauth/callback' });
    const base = await emulator.start();
    const t = await startTestGateway(
      {
        ENEDIS_CLIENT_ID: 'gateway-app',
        ENEDIS_CLIENT_SECRET: 'emulated-secret',
        ENEDIS_BASE_URL: base,
        ENEDIS_API_VERSION: '2026',
        ENEDIS_AUTHORIZE_VERSION: 'v2',
        FRONTEND_URL: 'http://front.test',
      },
      {},
      new Date().toISOString(),
      { realProvider: true },
    );
    try {
      const user = await t.signUp();
      const auth = `Bearer ${user.token}`;
      const link = new URL((await api(t.app).get('/api/oauth/authorize').set('Authorization', auth).expect(200)).body.data.authorize_url);
      expect(link.pathname).toBe('/dataconnect/v2/oauth2/authorize');
      expect([...link.searchParams.keys()].sort()).toEqual(['client_id', 'duration', 'response_type', 'state']);
      const done = await consentOnEmulator(emulator, ['22516914714270'], consentInApp(t.app, auth));
      expect(done.searchParams.get('consent_success')).toBe('true');
      expect(emulator.count(/subscribed_services/)).toBe(1);
      const state = (await api(t.app).get('/api/oauth/authorize').set('Authorization', auth).expect(200)).body.data.state as string;
      const v1 = await request(t.app).get(`/api/oauth/callback?state=${state}&code=abc&usage_point_id=11453290002823`).expect(302);
      expect(new URL(v1.headers.location!).searchParams.get('consent_success')).toBe('true');
      const meters = await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200);
      expect(meters.body.data.map((m: { usage_point_id: string; consent: { status: string } }) => [m.usage_point_id, m.consent.status]).sort()).toEqual([
        ['11453290002823', 'granted'],
        ['22516914714270', 'granted'],
      ]);
    } finally {
      await t.close();
      await emulator.stop();
    }
  });
});

describe('a fault storm at the emulator', () => {
  let emulator: EnedisEmulator;
  let t: TestGateway;
  let auth: string;
  const truth = new MockEnedisProvider({ now: () => new Date() });

  beforeAll(async () => {
    ({ emulator, t, auth } = await gatewayOn('v5'));
    await consentOnEmulator(emulator, ['22516914714270'], consentInApp(t.app, auth));
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.stop();
  });

  it('when 429s of every format, 5xx and a timeout hit the calls, then retries bring the right data and only it is cached', async () => {
    emulator.reset();
    for (const kind of ['429-legacy', '429-wso2', '429-next-access', '500', '503', 'timeout'] as const) {
      emulator.inject({ kind, count: 1, path: 'consumption_load_curve', retryAfterSeconds: 1 });
    }
    const start = addDays(today(), -60);
    const end = addDays(today(), -46);
    const res = await api(t.app).get(`/api/enedis/consumption/detail/22516914714270?start=${start}&end=${end}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    const halves = await Promise.all([
      truth.readings('consumption:detail', '22516914714270' as UsagePointId, { start, end: addDays(start, 7) }),
      truth.readings('consumption:detail', '22516914714270' as UsagePointId, { start: addDays(start, 7), end }),
    ]);
    const expected = halves.flatMap((half) => (half.ok ? half.value : []));
    const served = res.body.data.meter_reading.interval_reading as Array<{ date: string; value: number }>;
    const complete = res.body.data.missing.length === 0;
    if (complete) expect(served.map((r) => [r.date, r.value])).toEqual(expected.map((r) => [r.date, r.value]));
    const cached = await api(t.app).get(`/api/enedis/consumption/detail/22516914714270?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    expect(cached.body.data.meter_reading.interval_reading.map((r: { date: string; value: number }) => [r.date, r.value])).toEqual(
      expected.map((r) => [r.date, r.value]),
    );
    expect(emulator.calls.filter((c) => c.status >= 400 || c.status === 0).length).toBeGreaterThanOrEqual(5);
  }, 30_000);

  it('when Enedis keeps failing, then a clear 503 comes back fast and nothing is cached', async () => {
    emulator.reset();
    emulator.inject({ kind: '500', count: 20, path: 'daily_consumption_max_power' });
    const range = `start=${addDays(today(), -30)}&end=${addDays(today(), -20)}`;
    const started = Date.now();
    const failed = await api(t.app).get(`/api/enedis/consumption/max_power/22516914714270?${range}`).set('Authorization', auth).expect(503);
    expect(failed.body.error.code).toBe('ENEDIS_UNAVAILABLE');
    expect(failed.headers['retry-after']).toBeDefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    emulator.reset();
    const later = await api(t.app).get(`/api/enedis/consumption/max_power/22516914714270?${range}`).set('Authorization', auth).expect(200);
    expect(later.body.data.cache.cached_days).toBe(0);
    expect(later.body.data.meter_reading.interval_reading).toHaveLength(10);
  });

  it('when Enedis throttles for longer than a request may wait, then 503 ENEDIS_THROTTLED with Retry-After', async () => {
    emulator.reset();
    emulator.inject({ kind: '429-next-access', count: 1, path: 'daily_consumption$', retryAfterSeconds: 120 });
    const res = await api(t.app).get(`/api/enedis/consumption/daily/22516914714270?start=2025-06-01&end=2025-06-05`).set('Authorization', auth).expect(503);
    expect(res.body.error.code).toBe('ENEDIS_THROTTLED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(100);
  });
});

describe('refusals that are not about the meter', () => {
  let emulator: EnedisEmulator;
  let t: TestGateway;
  let auth: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    ({ emulator, t, auth } = await gatewayOn('2026', {}, { logger }));
    await consentOnEmulator(emulator, ['22516914714270'], consentInApp(t.app, auth));
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.stop();
  });

  it("when an API is not subscribed by the gateway's application, then users get 502 naming it, and the operator is told once", async () => {
    emulator.inject({ kind: 'not-subscribed', count: 3, path: 'puissance_conso_max_quotidienne' });
    for (let i = 0; i < 3; i++) {
      const res = await api(t.app)
        .get(`/api/enedis/consumption/max_power/22516914714270?start=${addDays(today(), -20 - i)}&end=${addDays(today(), -19 - i)}`)
        .set('Authorization', auth)
        .expect(502);
      expect(res.body.error).toMatchObject({ code: 'ENEDIS_API_NOT_SUBSCRIBED', message: expect.stringContaining('mesure_synchrone_auto') });
    }
    const told = lines.filter((l) => l.api === 'mesure_synchrone_auto' && String(l.msg).includes('DataHub'));
    expect(told).toHaveLength(1);
  });

  it('when a firewall answers with its own HTML page, then the user gets 503 ENEDIS_UNAVAILABLE, and none of the page', async () => {
    emulator.inject({ kind: 'waf-403', count: 1, path: 'consommation_quotidienne' });
    const res = await api(t.app)
      .get(`/api/enedis/consumption/daily/22516914714270?start=${addDays(today(), -30)}&end=${addDays(today(), -29)}`)
      .set('Authorization', auth)
      .expect(503);
    expect(res.body.error.code).toBe('ENEDIS_UNAVAILABLE');
    expect(res.body.error.message).toContain('not JSON');
    expect(res.body.error.message).not.toMatch(/Cloudflare|<|blocked/);
  });
});
