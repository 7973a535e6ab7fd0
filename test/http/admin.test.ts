import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

const MAIN = '12345678901234';
const ROUTES = (id: string) =>
  [
    ['get', '/api/admin/users'],
    ['get', `/api/admin/users/${id}`],
    ['patch', `/api/admin/users/${id}`, { is_active: false }],
    ['patch', `/api/admin/users/${id}`, { role: 'admin' }],
    ['post', `/api/admin/users/${id}/reset-quota`],
    ['delete', `/api/admin/users/${id}/cache`],
    ['get', '/api/admin/stats'],
  ] as const;

describe('administration', () => {
  let t: TestGateway;
  let admin: string;
  let member: { token: string; secret: string; email: string; id: string };
  beforeAll(async () => {
    t = await startTestGateway({ ADMIN_EMAILS: 'root@example.org', USER_DAILY_LIMIT_NO_CACHE: '2' });
    admin = `Bearer ${(await t.signUpVerified('root@example.org')).token}`;
    const signed = await t.signUp('member@example.org');
    const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${signed.token}`).expect(200);
    member = { token: `Bearer ${signed.token}`, secret: `Bearer ${signed.clientSecret}`, email: signed.email, id: me.body.data.id };
    await api(t.app).post('/api/pdl').set('Authorization', member.token).send({ usage_point_id: MAIN }).expect(201);
  });
  afterAll(() => t.close());

  it('when a visitor calls any admin route, then 403 FORBIDDEN naming the permission', async () => {
    const visitor = await t.signUp('visitor@example.org');
    for (const [method, path, body] of ROUTES(member.id)) {
      const client = api(t.app);
      const res = await client[method](path)
        .set('Authorization', `Bearer ${visitor.token}`)
        .send(body ?? {});
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.body.error.message).toMatch(/users\.|quota\.|cache\.|stats\./);
    }
  });

  it('when nobody is authenticated, then every admin route answers 401', async () => {
    for (const [method, path, body] of ROUTES(member.id)) {
      const client = api(t.app);
      await client[method](path)
        .send(body ?? {})
        .expect(401);
    }
  });

  it('when an admin searches accounts, then the page, its size and the total follow', async () => {
    for (const n of [1, 2, 3]) await t.signUp(`search-${n}@example.org`);
    const page = await api(t.app).get('/api/admin/users?search=SEARCH-&page=1&per_page=2').set('Authorization', admin).expect(200);
    expect(page.body.data).toMatchObject({ page: 1, per_page: 2, total: 3 });
    expect(page.body.data.items.map((u: { email: string }) => u.email)).toEqual(['search-3@example.org', 'search-2@example.org']);
    const next = await api(t.app).get('/api/admin/users?search=search-&page=2&per_page=2').set('Authorization', admin).expect(200);
    expect(next.body.data.items.map((u: { email: string }) => u.email)).toEqual(['search-1@example.org']);
    const all = await api(t.app).get('/api/admin/users').set('Authorization', admin).expect(200);
    expect(all.body.data.items.find((u: { email: string }) => u.email === 'root@example.org')).toMatchObject({
      role: { id: 'admin', name: 'admin' },
      is_admin: true,
    });
    const wild = await api(t.app).get('/api/admin/users?search=%25').set('Authorization', admin).expect(200);
    expect(wild.body.data.total).toBe(0);
  });

  it("when an admin views an account, then its meters and today's usage come with it", async () => {
    const res = await api(t.app).get(`/api/admin/users/${member.id}`).set('Authorization', admin).expect(200);
    expect(res.body.data.account.email).toBe(member.email);
    expect(res.body.data.meters.map((m: { usage_point_id: string }) => m.usage_point_id)).toEqual([MAIN]);
    expect(res.body.data.usage).toMatchObject({ unlimited: false, uncached: { limit: 2 } });
    await api(t.app).get('/api/admin/users/00000000-0000-0000-0000-000000000000').set('Authorization', admin).expect(404);
    await api(t.app).get('/api/admin/users/not-a-uuid').set('Authorization', admin).expect(400);
  });

  it('when an admin deactivates an account, then it is locked out until reactivated, and its earlier sessions end', async () => {
    await api(t.app).patch(`/api/admin/users/${member.id}`).set('Authorization', admin).send({ is_active: false }).expect(200);
    const locked = await api(t.app).get('/api/pdl').set('Authorization', member.secret).expect(403);
    expect(locked.body.error.code).toBe('USER_INACTIVE');
    const ended = await api(t.app).get('/api/pdl').set('Authorization', member.token).expect(401);
    expect(ended.body.error.code).toBe('TOKEN_REVOKED');
    await api(t.app).patch(`/api/admin/users/${member.id}`).set('Authorization', admin).send({ is_active: true }).expect(200);
    await api(t.app).get('/api/pdl').set('Authorization', member.secret).expect(200);
    const login = await api(t.app).post('/api/accounts/login').send({ email: member.email, password: STRONG_PASSWORD }).expect(200);
    member.token = `Bearer ${login.body.data.access_token as string}`;
    await api(t.app).get('/api/pdl').set('Authorization', member.token).expect(200);
  });

  it('when an admin makes someone moderator, then that person can read but not manage', async () => {
    const mod = await t.signUp('mod@example.org');
    const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${mod.token}`).expect(200);
    await api(t.app).patch(`/api/admin/users/${me.body.data.id}`).set('Authorization', admin).send({ role: 'moderator' }).expect(200);
    await api(t.app).get('/api/admin/users').set('Authorization', `Bearer ${mod.token}`).expect(401);
    const login = await api(t.app).post('/api/accounts/login').send({ email: mod.email, password: STRONG_PASSWORD }).expect(200);
    const auth = `Bearer ${login.body.data.access_token as string}`;
    await api(t.app).get('/api/admin/users').set('Authorization', auth).expect(200);
    await api(t.app).get('/api/admin/stats').set('Authorization', auth).expect(200);
    await api(t.app).patch(`/api/admin/users/${member.id}`).set('Authorization', auth).send({ is_active: false }).expect(403);
    await api(t.app).patch(`/api/admin/users/${member.id}`).set('Authorization', auth).send({ role: 'admin' }).expect(403);
  });

  it('when an admin would deactivate or demote themselves, then 409; the demo account cannot be changed', async () => {
    const me = await api(t.app).get('/api/accounts/me').set('Authorization', admin).expect(200);
    const res = await api(t.app).patch(`/api/admin/users/${me.body.data.id}`).set('Authorization', admin).send({ is_active: false }).expect(409);
    expect(res.body.error.code).toBe('CANNOT_MODIFY_SELF');
    const demo = await t.gateway.useCases.ensureDemoAccount();
    const denied = await api(t.app).patch(`/api/admin/users/${demo.user.id}`).set('Authorization', admin).send({ is_active: false }).expect(403);
    expect(denied.body.error.code).toBe('DEMO_READ_ONLY');
  });

  it("when an admin resets a user's quota, then the user can call again at once", async () => {
    for (const day of ['01', '02']) {
      await api(t.app)
        .get(`/api/enedis/consumption/daily/${MAIN}?start=2025-03-${day}&end=2025-03-1${day.slice(1)}`)
        .set('Authorization', member.token)
        .expect(200);
    }
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-05-01&end=2025-05-02`).set('Authorization', member.token).expect(429);
    const reset = await api(t.app).post(`/api/admin/users/${member.id}/reset-quota`).set('Authorization', admin).expect(200);
    expect(reset.body.data.uncached).toMatchObject({ used: 0, remaining: 2 });
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-05-01&end=2025-05-02`).set('Authorization', member.token).expect(200);
  });

  it("when an admin purges a user's cache, then the next read goes to the provider", async () => {
    const purged = await api(t.app).delete(`/api/admin/users/${member.id}/cache`).set('Authorization', admin).expect(200);
    expect(purged.body.data.deleted_cache_entries).toBeGreaterThan(0);
    await api(t.app).post(`/api/admin/users/${member.id}/reset-quota`).set('Authorization', admin).expect(200);
    const res = await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-05-01&end=2025-05-02`).set('Authorization', member.token).expect(200);
    expect(res.body.data.cache.cached_days).toBe(0);
  });

  it("when an admin asks for statistics, then today's requests and upstream calls are counted", async () => {
    await api(t.app).post(`/api/admin/users/${member.id}/reset-quota`).set('Authorization', admin).expect(200);
    const before = (await api(t.app).get('/api/admin/stats').set('Authorization', admin).expect(200)).body.data;
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-05-01&end=2025-05-02`).set('Authorization', member.token).expect(200);
    await api(t.app).get(`/api/enedis/consumption/daily/${MAIN}?start=2025-07-01&end=2025-07-02`).set('Authorization', member.token).expect(200);
    const after = (await api(t.app).get('/api/admin/stats').set('Authorization', admin).expect(200)).body.data;
    expect(after.requests_today).toEqual({ cached: before.requests_today.cached + 1, uncached: before.requests_today.uncached + 1 });
    expect(after.upstream_calls_today).toBe(before.upstream_calls_today + 1);
    expect(after.users).toMatchObject({ admins: 1, moderators: 1 });
    expect(after.users.total).toBeGreaterThanOrEqual(8);
    // The member's meter and the demo account's two (one of the same usage point: accounts do not exclude each other).
    expect(after.meters).toEqual({ total: 3, active: 3 });
  });
});
