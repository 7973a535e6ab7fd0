import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { api } from '../support/api.js';
import { consentInApp, consentOnEmulator } from '../support/consent.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { emptyRedisDatabase } from '../support/redis.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';

const HOUSEHOLD = '22516914714270';
const NEIGHBOUR = '11453290002823';
const NEVER_CONSENTED = '64975835695673';
const READS = (id: string) => [
  `/api/enedis/customer/${id}`,
  `/api/enedis/contact/${id}`,
  `/api/enedis/address/${id}`,
  `/api/enedis/contract/${id}`,
  `/api/enedis/consumption/daily/${id}?start=2026-01-01&end=2026-01-08`,
  `/api/enedis/consumption/detail/${id}?start=2026-01-01&end=2026-01-02`,
];

/** The registration answer without what differs between any two registrations (ids, instants, the one-time link). */
const comparable = (body: { data: Record<string, unknown> & { consent: Record<string, unknown> } }) => ({
  ...body.data,
  id: null,
  usage_point_id: null,
  created_at: null,
  updated_at: null,
  consent: { ...body.data.consent, authorize_url: typeof body.data.consent.authorize_url },
});

type Storage = () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>;
const embedded: Storage = async () => ({ env: {}, drop: async () => {} });
const postgresAndRedis: Storage = async () => {
  const database = await temporaryDatabase('med_consent');
  await emptyRedisDatabase(CONSENT_REDIS_URL);
  return { env: { DATABASE_URL: database.url, REDIS_URL: CONSENT_REDIS_URL }, drop: database.drop };
};
const CONSENT_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/10');

const consentScenarios = (generation: 'v5' | '2026', storage: Storage) => () => {
  let emulator: EnedisEmulator;
  let t: TestGateway;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    emulator = new EnedisEmulator({ clientId: 'consent-app', clientSecret: 'consent-secret', consentGeneration: generation });
    const base = await emulator.start();
    const store = await storage();
    drop = store.drop;
    t = await startTestGateway(
      {
        ...store.env,
        ENEDIS_CLIENT_ID: 'consent-app',
        ENEDIS_CLIENT_SECRET: 'consent-secret',
        ENEDIS_BASE_URL: base,
        ENEDIS_API_VERSION: generation,
        ENEDIS_AUTHORIZE_URL: `${base}/dataconnect/v1/oauth2/authorize`,
        USER_DAILY_LIMIT_NO_CACHE: '1000',
        FRONTEND_URL: 'http://front.test',
      },
      {},
      new Date().toISOString(),
      { realProvider: true },
    );
  });
  afterAll(async () => {
    await t?.close();
    await emulator?.stop();
    await drop?.();
  });

  const bearer = (token: string) => `Bearer ${token}`;
  const register = (auth: string, id: string) => api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: id });

  it('when a household that consented deletes its account, then another account registering its meter gets a waiting meter and none of its data', async () => {
    const household = bearer((await t.signUp()).token);
    const done = await consentOnEmulator(emulator, [HOUSEHOLD], consentInApp(t.app, household));
    expect(Object.fromEntries(done.searchParams)).toMatchObject({ consent_success: 'true', created_count: '1' });
    await api(t.app).get(`/api/enedis/customer/${HOUSEHOLD}`).set('Authorization', household).expect(200);
    await api(t.app).delete('/api/accounts/me').set('Authorization', household).expect(200);

    const attacker = bearer((await t.signUp()).token);
    emulator.reset();
    const registered = await register(attacker, HOUSEHOLD).expect(201);
    expect(registered.body.data.consent).toMatchObject({ status: 'pending', granted_at: null, authorize_url: expect.stringContaining('state=') });
    expect(registered.body.data).toMatchObject({ subscribed_power: null, activation_date: null, sync: { status: 'pending' } });
    for (const path of READS(HOUSEHOLD)) {
      const res = await api(t.app).get(path).set('Authorization', attacker).expect(403);
      expect(res.body.error.code, path).toBe('CONSENT_REQUIRED');
    }
    const sync = await api(t.app).post(`/api/pdl/${HOUSEHOLD}/sync`).set('Authorization', attacker).expect(403);
    expect(sync.body.error.code).toBe('CONSENT_REQUIRED');
    expect(emulator.calls.filter((call) => !call.path.includes('token'))).toEqual([]);
  });

  it('when a meter is registered, then the answer is the same whether it consented to the application, is held by another account, or neither', async () => {
    const holder = bearer((await t.signUp()).token);
    await consentOnEmulator(emulator, [NEIGHBOUR], consentInApp(t.app, holder));
    const prober = bearer((await t.signUp()).token);
    emulator.reset();
    const held = await register(prober, NEIGHBOUR).expect(201);
    const never = await register(prober, NEVER_CONSENTED).expect(201);
    expect(comparable(held.body)).toEqual(comparable(never.body));
    expect(emulator.calls).toEqual([]);
    await api(t.app).get(`/api/enedis/contract/${NEIGHBOUR}`).set('Authorization', holder).expect(200);
  });

  it('when the real holder consents for a meter another account registered or consented for, then the meter is theirs and the other account reads nothing more', async () => {
    const squatter = bearer((await t.signUp()).token);
    await register(squatter, NEVER_CONSENTED).expect(201);
    const previous = bearer((await t.signUp()).token);
    await consentOnEmulator(emulator, [NEVER_CONSENTED], consentInApp(t.app, previous));
    await api(t.app).get(`/api/enedis/consumption/daily/${NEVER_CONSENTED}?start=2026-01-01&end=2026-01-08`).set('Authorization', previous).expect(200);

    const holder = bearer((await t.signUp()).token);
    const done = await consentOnEmulator(emulator, [NEVER_CONSENTED], consentInApp(t.app, holder));
    expect(done.searchParams.get('consent_success')).toBe('true');
    const read = await api(t.app)
      .get(`/api/enedis/consumption/daily/${NEVER_CONSENTED}?start=2026-01-01&end=2026-01-08`)
      .set('Authorization', holder)
      .expect(200);
    expect(read.body.data.cache.cached_days).toBe(0);
    for (const other of [squatter, previous]) {
      const res = await api(t.app).get(`/api/enedis/contract/${NEVER_CONSENTED}`).set('Authorization', other).expect(403);
      expect(res.body.error.code).toBe('CONSENT_REQUIRED');
      const listed = await api(t.app).get(`/api/pdl/${NEVER_CONSENTED}`).set('Authorization', other).expect(200);
      expect(listed.body.data.consent.status).toBe('pending');
    }
    // A purge or a deletion through a waiting meter leaves the holder's cache alone.
    const purged = await api(t.app).delete(`/api/enedis/cache/${NEVER_CONSENTED}`).set('Authorization', squatter).expect(200);
    expect(purged.body.data.deleted_cache_entries).toBe(0);
    await api(t.app).delete(`/api/pdl/${NEVER_CONSENTED}`).set('Authorization', previous).expect(200);
    const again = await api(t.app)
      .get(`/api/enedis/consumption/daily/${NEVER_CONSENTED}?start=2026-01-01&end=2026-01-08`)
      .set('Authorization', holder)
      .expect(200);
    expect(again.body.data.cache.cached_days).toBe(7);
  });

  it('when the holder deletes the meter and registers it again, then it waits for a new consent', async () => {
    const holder = bearer((await t.signUp()).token);
    await consentOnEmulator(emulator, ['32320647321714'], consentInApp(t.app, holder));
    expect((await api(t.app).get('/api/pdl/32320647321714').set('Authorization', holder).expect(200)).body.data.consent).toMatchObject({ status: 'granted' });
    await api(t.app).delete('/api/pdl/32320647321714').set('Authorization', holder).expect(200);
    const back = await register(holder, '32320647321714').expect(201);
    expect(back.body.data.consent.status).toBe('pending');
    expect((await api(t.app).get('/api/enedis/contract/32320647321714').set('Authorization', holder).expect(403)).body.error.code).toBe('CONSENT_REQUIRED');
  });

  it('when a consent has run its 36 months, then the meter reads nothing until it is renewed', async () => {
    // The client secret, which outlives a 30-day token.
    const holder = bearer((await t.signUp()).clientSecret);
    await consentOnEmulator(emulator, ['42900589957123'], consentInApp(t.app, holder));
    const granted = (await api(t.app).get('/api/pdl/42900589957123').set('Authorization', holder).expect(200)).body.data.consent;
    expect(new Date(granted.expires_at).getTime() - new Date(granted.granted_at).getTime()).toBeGreaterThan(1090 * 86_400_000);
    const now = t.clock.now();
    t.clock.set(new Date(new Date(granted.expires_at).getTime() + 1000));
    try {
      const res = await api(t.app).get('/api/enedis/contract/42900589957123').set('Authorization', holder).expect(403);
      expect(res.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', message: expect.stringContaining('lapsed') });
      expect((await api(t.app).get('/api/pdl/42900589957123').set('Authorization', holder).expect(200)).body.data.consent.status).toBe('expired');
    } finally {
      t.clock.set(now);
    }
  });

  it('when the consent callback carries several meters separated raw or encoded by ; or ,, then all of them are registered', async () => {
    for (const separator of [';', ',', '%3B', '%2C']) {
      const user = bearer((await t.signUp()).token);
      const state = (await api(t.app).get('/api/oauth/authorize').set('Authorization', user).expect(200)).body.data.state as string;
      const ids = generation === 'v5' ? `&usage_point_id=64975835695673${separator}63695879465986` : '';
      const auth = generation === '2026' ? `&autorisation_id=none` : '';
      const res = await api(t.app)
        .get(`/api/oauth/callback?state=${encodeURIComponent(state)}&code=x${ids}${auth}`)
        .expect(302);
      const target = new URL(res.headers.location as string);
      expect(target.origin + target.pathname).toBe('http://front.test/dashboard');
      if (generation === 'v5') expect(Object.fromEntries(target.searchParams), separator).toMatchObject({ consent_success: 'true', pdl_count: '2' });
      else expect(target.searchParams.get('consent_error')).toBeTruthy();
    }
  });
};

for (const generation of ['v5', '2026'] as const) {
  describe(
    `meters bound to their holder's consent, real Enedis adapter on the emulator (${generation}, embedded storage)`,
    consentScenarios(generation, embedded),
  );
}
await describeWithServices(
  "meters bound to their holder's consent, real Enedis adapter on the emulator (2026, PostgreSQL and Redis)",
  ['postgresql', 'redis'],
  consentScenarios('2026', postgresAndRedis),
);

describe('the consent callback always ends on the front end', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ FRONTEND_URL: 'http://front.test' });
  });
  afterAll(() => t.close());

  it.each([
    ['no state at all', '/api/oauth/callback'],
    ['a state over 100 characters', `/api/oauth/callback?state=${'s'.repeat(150)}`],
    ['an unknown state', '/api/oauth/callback?state=unknown&usage_point_id=12345678901234'],
    ['a refused consent', '/api/oauth/callback?state=unknown&error=access_denied'],
    ['a malformed usage point', '/api/oauth/callback?state=unknown&usage_point_id=12;x'],
  ])('when it receives %s, then it redirects to the dashboard with consent_error', async (_case, path) => {
    const res = await api(t.app).get(path).expect(302);
    const target = new URL(res.headers.location as string);
    expect(target.origin + target.pathname).toBe('http://front.test/dashboard');
    expect(target.searchParams.get('consent_error')).toMatch(/^(invalid_request|invalid_state)$/);
  });
});
