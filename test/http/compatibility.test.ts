import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

const MAIN = '12345678901234';
const APARTMENT = '98765432109876';
const SOLAR = '10284856584123';

describe('the upstream gateway routes the MyElectricalData clients call', () => {
  let t: TestGateway;
  let auth: string;
  let user: Awaited<ReturnType<TestGateway['signUp']>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestGateway();
    user = await t.signUp();
    auth = `Bearer ${user.token}`;
    for (const usagePointId of [MAIN, APARTMENT, SOLAR]) {
      const created = await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: usagePointId }).expect(201);
      ids[usagePointId] = created.body.data.id as string;
    }
  });
  afterAll(() => t.close());

  it('when /api/ is asked, then it says what the API is, unwrapped', async () => {
    const res = await api(t.app).get('/api/').expect(200);
    expect(res.body).toMatchObject({ name: expect.stringContaining('MyElectricalData'), version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.body.documentation).toBe(`${t.config.backendUrl}/docs`);
  });

  it('when credentials and usage stats are asked, then they come in upstream names, agreeing with /accounts/usage', async () => {
    const credentials = await api(t.app).get('/api/accounts/credentials').set('Authorization', auth).expect(200);
    expect(credentials.body.data).toEqual({ client_id: user.clientId });
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-01-03`).set('Authorization', auth).expect(200);
    const stats = (await api(t.app).get('/api/accounts/usage-stats').set('Authorization', auth).expect(200)).body.data;
    const usage = (await api(t.app).get('/api/accounts/usage').set('Authorization', auth).expect(200)).body.data;
    expect(stats).toEqual({
      cached_requests: usage.cached.used,
      no_cache_requests: usage.uncached.used,
      cached_limit: usage.cached.limit,
      no_cache_limit: usage.uncached.limit,
      date: usage.date,
    });
    expect(stats.no_cache_requests).toBeGreaterThan(0);
  });

  it('when a meter is changed field group by field group, then each answers the meter as it now is', async () => {
    const at = (suffix: string) => `/api/pdl/${APARTMENT}/${suffix}`;
    expect((await api(t.app).patch(at('name')).set('Authorization', auth).send({ name: 'Flat' }).expect(200)).body.data.name).toBe('Flat');
    expect((await api(t.app).patch(at('active')).set('Authorization', auth).send({ is_active: false }).expect(200)).body.data.is_active).toBe(false);
    await api(t.app).patch(at('active')).set('Authorization', auth).send({ is_active: true }).expect(200);
    const typed = await api(t.app).patch(at('type')).set('Authorization', auth).send({ has_consumption: true, has_production: true }).expect(200);
    expect(typed.body.data).toMatchObject({ has_consumption: true, has_production: true });
    await api(t.app).patch(at('type')).set('Authorization', auth).send({ has_consumption: true, has_production: false }).expect(200);
    const contract = await api(t.app)
      .patch(at('contract'))
      .set('Authorization', auth)
      .send({ subscribed_power: 12, offpeak_hours: { mon: '23:00-07:00' } })
      .expect(200);
    expect(contract.body.data).toMatchObject({ subscribed_power: 12, offpeak_hours: ['23:00-07:00'] });
    const priced = await api(t.app).patch(at('pricing-option')).set('Authorization', auth).send({ pricing_option: 'TEMPO' }).expect(200);
    expect(priced.body.data.pricing_option).toBe('TEMPO');
    const offer = await api(t.app).patch(at('selected-offer')).set('Authorization', auth).send({ selected_offer_id: 'edf-tempo:12' }).expect(200);
    expect(offer.body.data).toMatchObject({ selected_offer_id: 'edf-tempo:12', pricing_option: 'TEMPO' });
    const bad = await api(t.app).patch(at('pricing-option')).set('Authorization', auth).send({ pricing_option: 'CHEAP' }).expect(400);
    expect(bad.body.error.field).toBe('pricing_option');
    // Our own route takes the same fields.
    const ours = await api(t.app)
      .patch(`/api/pdl/${APARTMENT}`)
      .set('Authorization', auth)
      .send({ pricing_option: 'HC_HP', selected_offer_id: null })
      .expect(200);
    expect(ours.body.data).toMatchObject({ pricing_option: 'HC_HP', selected_offer_id: null, name: 'Flat', subscribed_power: 12 });
  });

  it('when a production meter is linked, then only another meter of mine that produces will do, and deleting it unlinks', async () => {
    const link = (target: string | null) =>
      api(t.app).patch(`/api/pdl/${APARTMENT}/link-production`).set('Authorization', auth).send({ linked_production_pdl_id: target });
    expect((await link(SOLAR).expect(200)).body.data.linked_production_pdl_id).toBe(ids[SOLAR]);
    expect((await link(APARTMENT).expect(400)).body.error.field).toBe('linked_production_pdl_id');
    await api(t.app).patch(`/api/pdl/${MAIN}/type`).set('Authorization', auth).send({ has_consumption: true, has_production: false }).expect(200);
    expect((await link(MAIN).expect(400)).body.error.message).toMatch(/production/);
    const stranger = await t.signUp();
    const theirs = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${stranger.token}`).send({ usage_point_id: '24880057139941' }).expect(201);
    expect((await link(theirs.body.data.id as string).expect(400)).body.error.message).toMatch(/no meter of yours/);
    await api(t.app).delete(`/api/pdl/${SOLAR}`).set('Authorization', auth).expect(200);
    expect((await api(t.app).get(`/api/pdl/${APARTMENT}`).set('Authorization', auth).expect(200)).body.data.linked_production_pdl_id).toBeNull();
    const again = await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: SOLAR }).expect(201);
    ids[SOLAR] = again.body.data.id as string;
  });

  it('when meters are reordered, then each takes its place; an unknown one changes nothing', async () => {
    const res = await api(t.app)
      .patch('/api/pdl/reorder')
      .set('Authorization', auth)
      .send({
        pdl_orders: [
          { id: ids[SOLAR], order: 0 },
          { id: MAIN, order: 1 },
          { id: ids[APARTMENT], order: 2 },
        ],
      })
      .expect(200);
    expect(res.body.data.reordered).toBe(3);
    const list = (await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200)).body.data as Array<{
      usage_point_id: string;
      display_order: number;
    }>;
    expect(list.map((p) => [p.usage_point_id, p.display_order])).toEqual([
      [SOLAR, 0],
      [MAIN, 1],
      [APARTMENT, 2],
    ]);
    await api(t.app)
      .patch('/api/pdl/reorder')
      .set('Authorization', auth)
      .send({
        pdl_orders: [
          { id: MAIN, order: 5 },
          { id: '00000000-0000-0000-0000-000000000000', order: 6 },
        ],
      })
      .expect(404);
    const after = (await api(t.app).get(`/api/pdl/${MAIN}`).set('Authorization', auth).expect(200)).body.data;
    expect(after.display_order).toBe(1);
  });

  it('when the contract is fetched again, then the meter comes back synchronised', async () => {
    const res = await api(t.app).post(`/api/pdl/${MAIN}/fetch-contract`).set('Authorization', auth).expect(200);
    expect(res.body.data.sync.status).toBe('ok');
  });

  it('when the password is updated in upstream names, then old tokens stop and the new one is in the body and the cookie', async () => {
    const someone = await t.signUp();
    const res = await api(t.app)
      .post('/api/accounts/update-password')
      .set('Authorization', `Bearer ${someone.token}`)
      .send({ old_password: STRONG_PASSWORD, new_password: 'Another-Horse7' })
      .expect(200);
    await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${someone.token}`).expect(401);
    const cookie = [res.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('access_token='))!
      .split(';')[0]!;
    expect(cookie).toBe(`access_token=${res.body.data.access_token}`);
    await api(t.app).get('/api/accounts/me').set('Cookie', cookie).expect(200);
    const wrong = await api(t.app)
      .post('/api/accounts/update-password')
      .set('Authorization', `Bearer ${res.body.data.access_token}`)
      .send({ old_password: 'not it', new_password: 'Third-Horse5' })
      .expect(401);
    expect(wrong.body.error.code).toBeDefined();
  });

  it('when max power is asked at /enedis/power, then the answer is that of /consumption/max_power', async () => {
    const query = `${MAIN}?start=2025-03-01&end=2025-03-08`;
    const power = await api(t.app).get(`/api/enedis/power/${query}`).set('Authorization', auth).expect(200);
    const ours = await api(t.app).get(`/api/enedis/consumption/max_power/${query}`).set('Authorization', auth).expect(200);
    expect(power.body.data.meter_reading).toEqual(ours.body.data.meter_reading);
    expect(power.body.data.meter_reading.interval_reading).toHaveLength(7);
  });

  it('when a batch curve is asked, then end is included and the range is clamped to 24 months and J-1', async () => {
    const oneDay = await api(t.app).get(`/api/enedis/consumption/detail/batch/${MAIN}?start=2025-03-03&end=2025-03-03`).set('Authorization', auth).expect(200);
    expect(oneDay.body.data.meter_reading).toMatchObject({ start: '2025-03-03', end: '2025-03-04' });
    expect(oneDay.body.data.meter_reading.interval_reading).toHaveLength(48);
    expect(oneDay.body.error).toBeUndefined();
    const wide = await api(t.app).get(`/api/enedis/production/detail/batch/${MAIN}?start=2023-01-01&end=2026-12-31`).set('Authorization', auth).expect(200);
    expect(wide.body.data.meter_reading).toMatchObject({ start: '2024-11-23', end: '2026-11-23' });
    const outside = await api(t.app).get(`/api/enedis/consumption/detail/batch/${MAIN}?start=2020-01-01&end=2020-01-31`).set('Authorization', auth).expect(200);
    expect(outside.body.data.meter_reading.interval_reading).toEqual([]);
    await api(t.app).get(`/api/enedis/consumption/detail/batch/${MAIN}?start=2025-03-05&end=2025-03-03`).set('Authorization', auth).expect(400);
  });

  it('when some days of a batch fail upstream, then the answer is still 200, with what came, missing days and PARTIAL_DATA', async () => {
    t.provider.failFrom('2025-04-08');
    try {
      const res = await request(t.app)
        .get(`/api/enedis/consumption/detail/batch/${APARTMENT}?start=2025-04-01&end=2025-04-14`)
        .set('Authorization', auth)
        .expect(200);
      expect(res.body.error).toMatchObject({ code: 'PARTIAL_DATA' });
      expect(res.body.data.missing).toContainEqual(expect.objectContaining({ start: '2025-04-08', reason: 'upstream_error' }));
      expect(res.body.data.meter_reading.interval_reading.length).toBe(7 * 48);
    } finally {
      t.provider.answer = null;
    }
  });
});
