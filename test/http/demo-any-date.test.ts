import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** The seed's example, as written: a year of 2024 for the demo's Main House. */
const SEED_CALL = '/api/enedis/consumption/daily/12345678901234?start=2024-01-01&end=2024-12-31&use_cache=true';

describe.each(['2027-01-02T09:00:00Z', '2029-07-14T12:00:00Z'])('the demo account on %s', (now) => {
  let t: TestGateway;
  let demo: string;
  beforeAll(async () => {
    // The demo provider the gateway builds itself (not the test's counting one).
    t = await startTestGateway({}, { demoProvider: undefined }, now);
    demo = `Bearer ${(await t.gateway.useCases.ensureDemoAccount()).clientSecret}`;
  });
  afterAll(() => t.close());

  it("when the seed's 2024 call is made, then it answers 365 days, although Enedis keeps 36 months", async () => {
    const res = await api(t.app).get(SEED_CALL).set('Authorization', demo).expect(200);
    const readings = res.body.data.meter_reading.interval_reading;
    expect(readings).toHaveLength(365);
    expect(readings[0].date).toBe('2024-01-01');
    expect(readings.every((r: { value: number }) => r.value >= 15_000 * 0.7 && r.value <= 25_000 * 1.3)).toBe(true);
    expect(res.body.data.missing).toEqual([]);
    const curve = await api(t.app).get('/api/enedis/consumption/detail/12345678901234?start=2024-06-03&end=2024-06-04').set('Authorization', demo).expect(200);
    expect(curve.body.data.meter_reading.interval_reading).toHaveLength(48);
  });

  it("when an ordinary account asks the same of its own meter, then Enedis' history limit holds", async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '22516914714270' }).expect(201);
    const res = await api(t.app)
      .get('/api/enedis/consumption/daily/22516914714270?start=2024-01-01&end=2024-12-31')
      .set('Authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(res.body.data.missing[0]).toMatchObject({ start: '2024-01-01', reason: 'beyond_history' });
  });
});
