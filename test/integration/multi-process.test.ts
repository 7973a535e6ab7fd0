import { afterAll, beforeAll, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { temporaryDatabase } from '../support/postgres.js';
import { emptyRedisDatabase } from '../support/redis.js';
import { startGatewaysInTurn, type GatewayProcess } from '../support/process.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { callGateway as call, householdOverHttp } from '../support/http-client.js';

const MULTI_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/13');
const PDL = '22516914714270';
const DATA = /metering_data|mesure_synchrone/;

await describeWithServices('two gateway processes sharing PostgreSQL, Redis and the Enedis quota', ['postgresql', 'redis'], () => {
  let emulator: EnedisEmulator;
  let database: Awaited<ReturnType<typeof temporaryDatabase>>;
  const gateways: GatewayProcess[] = [];
  const bases: string[] = [];
  let auth: Record<string, string>;
  let outcomes: Array<{ day: LocalDate; process: number; status: number }> = [];

  beforeAll(async () => {
    emulator = new EnedisEmulator({ clientId: 'shared-app', clientSecret: 'shared-secret' });
    const enedis = await emulator.start();
    database = await temporaryDatabase('med_multi');
    await emptyRedisDatabase(MULTI_REDIS_URL);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: MULTI_REDIS_URL,
      SECRET_KEY: 'multi-process-test-key-0123456789abcdef012345',
      ENEDIS_CLIENT_ID: 'shared-app',
      ENEDIS_CLIENT_SECRET: 'shared-secret',
      ENEDIS_BASE_URL: enedis,
      ENEDIS_API_VERSION: 'v5',
      DEMO_ACCOUNT: 'false',
      LOG_LEVEL: 'warn',
      BCRYPT_COST: '4',
    };
    // One after the other: the first creates the schema, the second finds it migrated.
    bases.push(...(await startGatewaysInTurn(2, env, gateways)));
    const email = `multi-${Date.now()}@example.org`;
    const household = await householdOverHttp(emulator, PDL, email, { signUp: bases[0]!, logIn: bases[1]!, register: bases[1]!, consent: bases[0]! });
    auth = { Authorization: household.bearer };
    expect(household.consented.searchParams.get('consent_success')).toBe('true');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await emulator?.stop();
    await database?.drop();
  });

  it('when 80 uncached requests race over both processes, then exactly 50 pass, and Enedis never sees more than 5 calls in a second', async () => {
    emulator.reset();
    const started = Date.now();
    outcomes = await Promise.all(
      Array.from({ length: 80 }, async (_, i) => {
        const day = addDays('2025-02-01' as LocalDate, i);
        const res = await call(bases[i % 2]!, `/api/enedis/consumption/daily/${PDL}?start=${day}&end=${addDays(day, 1)}`, { headers: auth });
        return { day, process: i % 2, status: res.status };
      }),
    );
    const statuses = outcomes.map((o) => o.status);
    const seconds = (Date.now() - started) / 1000;
    const ok = statuses.filter((s) => s === 200).length;
    const refused = statuses.filter((s) => s === 429).length;
    const calls = emulator.count(DATA);
    const busiest = emulator.maxPerWindow(1000, DATA);
    console.info(
      `multi-process: ${ok} let through, ${refused} refused (429), ${calls} Enedis data calls in ${seconds.toFixed(1)} s, busiest second ${busiest} calls`,
    );
    expect(ok).toBe(50);
    expect(refused).toBe(30);
    expect(calls).toBe(50);
    expect(busiest).toBeLessThanOrEqual(5);
    expect(emulator.maxPerWindow(1000)).toBeLessThanOrEqual(5);
  }, 60_000);

  it('when a day was cached through one process, then the other serves it from the cache', async () => {
    const viaFirst = outcomes.filter((o) => o.process === 0 && o.status === 200).slice(0, 5);
    expect(viaFirst.length).toBeGreaterThan(0);
    emulator.reset();
    for (const { day } of viaFirst) {
      const res = await call(bases[1]!, `/api/enedis/consumption/daily/${PDL}?start=${day}&end=${addDays(day, 1)}`, { headers: auth });
      expect(res.status).toBe(200);
      expect(res.body.data.cache).toEqual({ cached_days: 1, fetched_days: 0 });
    }
    expect(emulator.count(DATA)).toBe(0);
    const fresh = await call(bases[0]!, `/api/enedis/consumption/daily/${PDL}?start=2025-08-01&end=2025-08-02`, { headers: auth });
    expect(fresh.status).toBe(429);
    expect(fresh.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
  });
});
