import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

describe('meters over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when a meter is registered, then its contract and directions come from the provider', async () => {
    const user = await t.signUp();
    const res = await api(t.app)
      .post('/api/pdl/')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ usage_point_id: '12345678901234', name: 'Maison' })
      .expect(201);
    expect(res.body.data).toMatchObject({
      usage_point_id: '12345678901234',
      name: 'Maison',
      has_consumption: true,
      has_production: true,
      subscribed_power: 9,
      offpeak_hours: ['22:00-06:00', '12:00-14:00'],
      activation_date: '2015-03-02',
      sync: { status: 'ok', error: null },
    });
  });

  it('when the provider refuses the contract, then the meter is kept and says why', async () => {
    const user = await t.signUp();
    const res = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '26584978546985' }).expect(201);
    expect(res.body.data.sync).toMatchObject({ status: 'failed', error: expect.stringContaining('NoConsent') });
    await api(t.app).get('/api/pdl/26584978546985').set('Authorization', `Bearer ${user.token}`).expect(200);
  });

  it('when meters are listed, renamed, reordered and deactivated, then the list follows', async () => {
    const user = await t.signUp();
    const auth = `Bearer ${user.token}`;
    const a = await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '22516914714270', name: 'A' }).expect(201);
    const b = await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '11453290002823', name: 'B' }).expect(201);
    await api(t.app).patch(`/api/pdl/${b.body.data.id}`).set('Authorization', auth).send({ display_order: 0, name: 'Bee' }).expect(200);
    const patched = await api(t.app).patch('/api/pdl/22516914714270').set('Authorization', auth).send({ display_order: 1, is_active: false }).expect(200);
    expect(patched.body.data).toMatchObject({ display_order: 1, is_active: false, name: 'A' });
    const list = await api(t.app).get('/api/pdl/').set('Authorization', auth).expect(200);
    expect(list.body.data.map((p: { name: string }) => p.name)).toEqual(['Bee', 'A']);
    const one = await api(t.app).get(`/api/pdl/${a.body.data.id}`).set('Authorization', auth).expect(200);
    expect(one.body.data.usage_point_id).toBe('22516914714270');
  });

  it('when a meter is deleted, then it is gone and its data cache with it', async () => {
    const user = await t.signUp();
    const auth = `Bearer ${user.token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '64975835695673' }).expect(201);
    await api(t.app).get('/api/enedis/consumption/daily/64975835695673?start=2025-01-01&end=2025-01-08').set('Authorization', auth).expect(200);
    const deleted = await api(t.app).delete('/api/pdl/64975835695673').set('Authorization', auth).expect(200);
    // Seven days and their month's roll-up.
    expect(deleted.body.data.deleted_cache_entries).toBe(8);
    await api(t.app).get('/api/pdl/64975835695673').set('Authorization', auth).expect(404);
  });

  it('when another account names my meter, then it answers exactly as a missing one', async () => {
    const owner = await t.signUp();
    const stranger = await t.signUp();
    const created = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${owner.token}`).send({ usage_point_id: '63695879465986' }).expect(201);
    const missing = await api(t.app).get('/api/pdl/00000000000001').set('Authorization', `Bearer ${stranger.token}`).expect(404);
    for (const id of ['63695879465986', created.body.data.id]) {
      const res = await api(t.app).get(`/api/pdl/${id}`).set('Authorization', `Bearer ${stranger.token}`).expect(404);
      expect(res.body).toEqual(missing.body);
      await api(t.app).patch(`/api/pdl/${id}`).set('Authorization', `Bearer ${stranger.token}`).send({ name: 'mine now' }).expect(404);
      await api(t.app).delete(`/api/pdl/${id}`).set('Authorization', `Bearer ${stranger.token}`).expect(404);
      await api(t.app).post(`/api/pdl/${id}/sync`).set('Authorization', `Bearer ${stranger.token}`).expect(404);
    }
    const still = await api(t.app).get('/api/pdl/63695879465986').set('Authorization', `Bearer ${owner.token}`).expect(200);
    expect(still.body.data.name).toBeNull();
  });

  it('when I register a usage point I already hold, then 409 PDL_EXISTS; another account holding it changes nothing of my answer', async () => {
    const owner = await t.signUp();
    const other = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${owner.token}`).send({ usage_point_id: '22315546958763' }).expect(201);
    const again = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${owner.token}`).send({ usage_point_id: '22315546958763' }).expect(409);
    expect(again.body.error).toMatchObject({ code: 'PDL_EXISTS', field: 'usage_point_id' });
    const held = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${other.token}`).send({ usage_point_id: '22315546958763' }).expect(201);
    const free = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${other.token}`).send({ usage_point_id: '64975835695673' }).expect(201);
    // MockEnedis data is no household's: both are readable at once, whoever else holds them.
    expect(held.body.data.consent).toEqual({ status: 'not_required', granted_at: null, expires_at: null });
    expect(free.body.data.consent).toEqual(held.body.data.consent);
    await api(t.app).get('/api/enedis/contract/22315546958763').set('Authorization', `Bearer ${other.token}`).expect(200);
  });

  it.each([
    ['/api/pdl/1234567890123', 'pdl_id'],
    ['/api/pdl/123456789012345', 'pdl_id'],
    ['/api/pdl/not-a-uuid', 'pdl_id'],
  ])('when the id is malformed (%s), then 400 naming %s', async (path, field) => {
    const user = await t.signUp();
    const res = await api(t.app).get(path).set('Authorization', `Bearer ${user.token}`).expect(400);
    expect(res.body.error.field).toBe(field);
  });

  it.each([
    [{ usage_point_id: '1234' }, 'usage_point_id'],
    [{ usage_point_id: '12345678901234', owner: 'me' }, 'owner'],
    [{ name: 'no id' }, 'usage_point_id'],
    [{ usage_point_id: '12345678901234', name: '' }, 'name'],
  ])('when the body is %j, then 400 naming %s', async (body, field) => {
    const user = await t.signUp();
    const res = await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send(body).expect(400);
    expect(res.body.error.field).toBe(field);
  });

  it('when an update is empty or has an unknown field, then 400', async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '12655648759651' }).expect(201);
    await api(t.app).patch('/api/pdl/12655648759651').set('Authorization', `Bearer ${user.token}`).send({}).expect(400);
    const res = await api(t.app).patch('/api/pdl/12655648759651').set('Authorization', `Bearer ${user.token}`).send({ user_id: 'x' }).expect(400);
    expect(res.body.error.field).toBe('user_id');
  });

  it('when a meter is synced again, then the answer carries the refreshed sync state', async () => {
    const user = await t.signUp();
    await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '24880057139941' }).expect(201);
    const res = await api(t.app).post('/api/pdl/24880057139941/sync').set('Authorization', `Bearer ${user.token}`).expect(200);
    // A meter that only produces has no customer data (as in Enedis' sandbox): the contract fails, the directions are known.
    expect(res.body.data).toMatchObject({ has_consumption: false, has_production: true, sync: { status: 'failed', error: expect.stringContaining('NoData') } });
  });
});

describe('meters per account', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ MAX_PDLS_PER_USER: '2', FRONTEND_URL: 'http://front.test' });
  });
  afterAll(() => t.close());

  it('when an account holds as many meters as it may, then another registration is 409 PDL_LIMIT_REACHED and a consent registers none past it', async () => {
    const user = await t.signUp();
    const auth = `Bearer ${user.token}`;
    for (const id of ['22516914714270', '11453290002823'])
      await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: id }).expect(201);
    const refused = await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '32320647321714' }).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'PDL_LIMIT_REACHED', field: 'usage_point_id' });
    const state = (await api(t.app).get('/api/oauth/authorize').set('Authorization', auth).expect(200)).body.data.state as string;
    const back = await api(t.app).get(`/api/oauth/callback?state=${state}&usage_point_id=22516914714270;32320647321714;42900589957123`).expect(302);
    const target = new URL(back.headers.location as string);
    expect(Object.fromEntries(target.searchParams)).toEqual({
      consent_success: 'true',
      pdl_count: '1',
      created_count: '0',
      pdl_limit_reached: '32320647321714;42900589957123',
    });
    expect((await api(t.app).get('/api/pdl').set('Authorization', auth).expect(200)).body.data).toHaveLength(2);
  });
});
