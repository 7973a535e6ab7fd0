import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const MAIN = '12345678901234';
const APARTMENT = '98765432109876';

describe('metering data over HTTP', () => {
  let t: TestGateway;
  let auth: string;
  beforeAll(async () => {
    t = await startTestGateway();
    const user = await t.signUp();
    auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN, name: 'Main House' }).expect(201);
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: APARTMENT, name: 'Apartment' }).expect(201);
  });
  afterAll(() => t.close());

  it("when the seed's 2024 range is asked, then 365 days of 15-25 kWh in Wh, Enedis' structure, quota headers", async () => {
    const res = await api(t.app)
      .get(`/api/enedis/consumption/daily/${MAIN}?start=2024-01-01&end=2024-12-31&use_cache=true`)
      .set('Authorization', auth)
      .expect(200);
    const reading = res.body.data.meter_reading;
    expect(reading).toMatchObject({ usage_point_id: MAIN, start: '2024-01-01', end: '2024-12-31', reading_type: { unit: 'Wh', measurement_kind: 'energy' } });
    expect(reading.interval_reading).toHaveLength(365);
    expect(reading.interval_reading[0]).toEqual({ date: '2024-01-01', value: expect.any(Number), quality: 'CORRIGE' });
    expect(reading.interval_reading.every((r: { value: number }) => r.value >= 15_000 && r.value <= 25_000)).toBe(true);
    expect(res.headers['ratelimit-limit']).toBe('50');
    expect(res.headers['x-ratelimit-remaining']).toBeDefined();
    const again = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2024-01-01&end=2024-12-31`).set('Authorization', auth).expect(200);
    expect(again.body.data.cache).toEqual({ cached_days: 365, fetched_days: 0 });
    expect(again.headers['ratelimit-limit']).toBe('1000');
  });

  it.each([
    ['consumption/detail', 'W', 48],
    ['production/detail', 'W', 48],
    ['consumption/max_power', 'VA', 1],
    ['production/daily', 'Wh', 1],
  ])('when %s is asked for a day, then the unit is %s and there are %i readings', async (route, unit, count) => {
    const res = await api(t.app).get(`/api/enedis/${route}/${MAIN}?start=2025-06-10&end=2025-06-11`).set('Authorization', auth).expect(200);
    expect(res.body.data.meter_reading.reading_type.unit).toBe(unit);
    expect(res.body.data.meter_reading.interval_reading).toHaveLength(count);
  });

  it('when a fall-back day of load curve is asked, then 50 points with unambiguous offsets', async () => {
    const res = await api(t.app).get(`/api/enedis/consumption/detail/${MAIN}?start=2025-10-26&end=2025-10-27`).set('Authorization', auth).expect(200);
    const dates = res.body.data.meter_reading.interval_reading.map((r: { date: string }) => r.date);
    expect(dates).toHaveLength(50);
    expect(dates).toContain('2025-10-26T02:30:00+02:00');
    expect(dates).toContain('2025-10-26T02:30:00+01:00');
  });

  it.each(['contract', 'address', 'customer', 'contact'])('when the %s is asked, then it is shaped like Enedis and cached for the day', async (kind) => {
    const first = await api(t.app).get(`/api/enedis/${kind}/${MAIN}`).set('Authorization', auth).expect(200);
    // What both Enedis generations carry: the 2026 APIs send no customer id.
    expect(first.body.data.customer).toMatchObject({ customer_id: null });
    expect(Object.keys(first.body.data.customer)).toContain(
      kind === 'contract' || kind === 'address' ? 'usage_points' : kind === 'customer' ? 'identity' : 'contact_data',
    );
    const calls = t.provider.calls.length;
    const second = await api(t.app).get(`/api/enedis/${kind}/${MAIN}`).set('Authorization', auth).expect(200);
    expect(second.body).toEqual(first.body);
    expect(t.provider.calls.length).toBe(calls);
  });

  it('when the range lies partly in the future, then the answer names the days it lacks', async () => {
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2026-11-20&end=2026-11-25`).set('Authorization', auth).expect(200);
    expect(res.body.data.meter_reading.interval_reading).toHaveLength(3);
    expect(res.body.data.missing).toEqual([{ start: '2026-11-23', end: '2026-11-25', reason: 'not_yet_available', detail: 'data is published from J-1' }]);
  });

  it.each([
    [`/api/enedis/consumption/daily/${MAIN}?start=2024-12-31&end=2024-01-01`, 400, 'end', 'INVALID_DATE_RANGE'],
    [`/api/enedis/consumption/daily/${MAIN}?start=2024-13-01&end=2024-12-31`, 400, 'start', 'INVALID_DATE_FORMAT'],
    [`/api/enedis/consumption/daily/${MAIN}?start=01/01/2024&end=2024-12-31`, 400, 'start', 'INVALID_DATE_FORMAT'],
    [`/api/enedis/consumption/daily/${MAIN}?start=2024-02-30&end=2024-12-31`, 400, 'start', 'INVALID_DATE_FORMAT'],
    [`/api/enedis/consumption/daily/${MAIN}?end=2024-12-31`, 400, 'start', 'INVALID_DATE_FORMAT'],
    [`/api/enedis/consumption/daily/${MAIN}?start=2024-01-01&end=2024-12-31&cache=yes`, 400, 'cache', 'VALIDATION_ERROR'],
    [`/api/enedis/consumption/daily/${MAIN}?start=2024-01-01&end=2024-12-31&use_cache=perhaps`, 400, 'use_cache', 'VALIDATION_ERROR'],
    ['/api/enedis/consumption/daily/1234567890123?start=2024-01-01&end=2024-12-31', 400, 'usage_point_id', 'VALIDATION_ERROR'],
    ['/api/enedis/consumption/daily/12345678901234567?start=2024-01-01&end=2024-12-31', 400, 'usage_point_id', 'VALIDATION_ERROR'],
    ['/api/enedis/contract/ABCDEFGHIJKLMN', 400, 'usage_point_id', 'VALIDATION_ERROR'],
    [`/api/enedis/consumption/detail/${MAIN}?start=2020-01-01&end=2026-01-01`, 400, 'end', 'INVALID_DATE_RANGE'],
  ])('when %s is asked, then %i naming %s', async (url, status, field, code) => {
    const res = await api(t.app).get(url).set('Authorization', auth).expect(status);
    expect(res.body.error).toMatchObject({ field, code });
  });

  it('when start equals end, then the range is empty: 200 with no readings, no provider call, nothing charged to the uncached quota', async () => {
    const calls = t.provider.calls.length;
    const before = (await api(t.app).get('/api/accounts/usage').set('Authorization', auth).expect(200)).body.data;
    for (const route of ['consumption/daily', 'consumption/detail', 'consumption/max_power', 'production/daily', 'production/detail']) {
      const res = await api(t.app).get(`/api/enedis/${route}/${MAIN}?start=2026-03-01&end=2026-03-01`).set('Authorization', auth).expect(200);
      expect(res.body.data.meter_reading.interval_reading, route).toEqual([]);
      expect(res.body.data.missing).toEqual([]);
    }
    const after = (await api(t.app).get('/api/accounts/usage').set('Authorization', auth).expect(200)).body.data;
    expect(t.provider.calls.length).toBe(calls);
    expect(after.uncached.used).toBe(before.uncached.used);
  });

  it('when a meter is not mine or not registered, then 404 PDL_NOT_FOUND on every data route', async () => {
    const stranger = await t.signUp();
    for (const route of ['consumption/daily', 'consumption/detail', 'consumption/max_power', 'production/daily', 'production/detail']) {
      const res = await api(t.app)
        .get(`/api/enedis/${route}/${MAIN}?start=2025-01-01&end=2025-01-02`)
        .set('Authorization', `Bearer ${stranger.token}`)
        .expect(404);
      expect(res.body.error.code).toBe('PDL_NOT_FOUND');
    }
    for (const route of ['contract', 'address', 'customer', 'contact']) {
      await api(t.app).get(`/api/enedis/${route}/${MAIN}`).set('Authorization', `Bearer ${stranger.token}`).expect(404);
    }
    await api(t.app).delete(`/api/enedis/cache/${MAIN}`).set('Authorization', `Bearer ${stranger.token}`).expect(404);
  });

  it('when production is asked of a consumption-only meter, then 422 WRONG_DIRECTION', async () => {
    const res = await api(t.app).get(`/api/enedis/production/daily/${APARTMENT}?start=2025-01-01&end=2025-01-02`).set('Authorization', auth).expect(422);
    expect(res.body.error.code).toBe('WRONG_DIRECTION');
  });

  it('when the provider refuses for lack of consent, then 403 NO_CONSENT', async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '26584978546985' }).expect(201);
    const res = await api(t.app)
      .get('/api/enedis/consumption/daily/26584978546985?start=2025-01-01&end=2025-01-02')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(403);
    expect(res.body.error.code).toBe('NO_CONSENT');
  });

  it('when the load curve is not enabled on the meter, then 404 NO_DATA', async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '32320647321714' }).expect(201);
    const res = await api(t.app)
      .get('/api/enedis/consumption/detail/32320647321714?start=2025-01-01&end=2025-01-02')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(404);
    expect(res.body.error.code).toBe('NO_DATA');
  });

  it('when the cache of a meter is purged, then the next read goes to the provider', async () => {
    await api(t.app).get(`/api/enedis/consumption/daily/${APARTMENT}?start=2025-02-01&end=2025-02-08`).set('Authorization', auth).expect(200);
    const purged = await api(t.app).delete(`/api/enedis/cache/${APARTMENT}`).set('Authorization', auth).expect(200);
    expect(purged.body.data.deleted_cache_entries).toBeGreaterThanOrEqual(7);
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${APARTMENT}?start=2025-02-01&end=2025-02-08`).set('Authorization', auth).expect(200);
    expect(res.body.data.cache).toEqual({ cached_days: 0, fetched_days: 7 });
  });

  it('when a deactivated meter is read, then 403 ACCESS_DENIED', async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '10284856584123' }).expect(201);
    await api(t.app).patch('/api/pdl/10284856584123').set('Authorization', `Bearer ${user.token}`).send({ is_active: false }).expect(200);
    const res = await api(t.app)
      .get('/api/enedis/production/daily/10284856584123?start=2025-01-01&end=2025-01-02')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(403);
    expect(res.body.error.code).toBe('ACCESS_DENIED');
  });
});

describe('quotas over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '2' });
  });
  afterAll(() => t.close());

  it('when the uncached quota is spent, then 429 with Retry-After until Paris midnight and the limit headers', async () => {
    const user = await t.signUp();
    const auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN }).expect(201);
    for (const day of ['01', '02']) {
      await api(t.app)
        .get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-${day}&end=2025-01-1${day.slice(1)}`)
        .set('Authorization', auth)
        .expect(200);
    }
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-03-01&end=2025-03-05`).set('Authorization', auth).expect(429);
    expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(res.headers['retry-after']).toBe(String((Date.parse('2026-11-23T23:00:00Z') - Date.parse('2026-11-23T10:00:00Z')) / 1000));
    expect(res.headers['ratelimit-remaining']).toBe('0');
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-01-11`).set('Authorization', auth).expect(200);
  });
});

describe('metering answers sent as spliced text (VALIDATE_RESPONSES=false)', () => {
  it('when the same data is asked with response validation on and off, then the bodies are identical and conform', async () => {
    const on = await startTestGateway();
    const off = await startTestGateway({ VALIDATE_RESPONSES: 'false' });
    try {
      const bodies: string[] = [];
      for (const g of [on, off]) {
        const user = await g.signUp('same@example.org');
        await api(g.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: MAIN }).expect(201);
        for (const pass of [1, 2]) {
          const res = await api(g.app)
            .get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-20&end=2025-04-10`)
            .set('Authorization', `Bearer ${user.token}`)
            .expect(200);
          if (pass === 2) bodies.push(JSON.stringify({ ...res.body, data: { ...res.body.data } }));
        }
        const curve = await api(g.app)
          .get(`/api/enedis/consumption/detail/${MAIN}?start=2025-10-25&end=2025-10-28`)
          .set('Authorization', `Bearer ${user.token}`)
          .expect(200);
        bodies.push(JSON.stringify(curve.body));
      }
      expect(bodies[2]).toBe(bodies[0]);
      expect(bodies[3]).toBe(bodies[1]);
      expect(JSON.parse(bodies[2]!).data.meter_reading.interval_reading).toHaveLength(80);
    } finally {
      await on.close();
      await off.close();
    }
  });
});
