import { afterAll, beforeAll, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { callGateway as call, householdOverHttp } from '../support/http-client.js';
import { temporaryDatabase } from '../support/postgres.js';
import { startGatewaysInTurn, type GatewayProcess } from '../support/process.js';
import { emptyRedisDatabase } from '../support/redis.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';

const BUDGET_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/9');
const PDL = '22516914714270';
const HOUR_MS = 3_600_000;
const PER_HOUR = 8;
const apiOf = (path: string) => path.split('/').filter(Boolean)[0]!;

await describeWithServices('per-API Enedis budgets shared by two processes', ['postgresql', 'redis'], () => {
  let emulator: EnedisEmulator;
  let database: Awaited<ReturnType<typeof temporaryDatabase>>;
  const gateways: GatewayProcess[] = [];
  const bases: string[] = [];
  let auth: string;

  beforeAll(async () => {
    // The budgets count per clock hour: start well inside one, so that this test sees one hour only.
    const left = HOUR_MS - (Date.now() % HOUR_MS);
    if (left < 90_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    emulator = new EnedisEmulator({ clientId: 'budget-app', clientSecret: 'budget-secret', consentGeneration: '2026' });
    const enedis = await emulator.start();
    database = await temporaryDatabase('med_budget');
    await emptyRedisDatabase(BUDGET_REDIS_URL);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: BUDGET_REDIS_URL,
      SECRET_KEY: 'budget-test-key-0123456789abcdef0123456789ab',
      ENEDIS_CLIENT_ID: 'budget-app',
      ENEDIS_CLIENT_SECRET: 'budget-secret',
      ENEDIS_BASE_URL: enedis,
      ENEDIS_API_VERSION: '2026',
      ENEDIS_RATE_PER_HOUR: String(PER_HOUR),
      DEMO_ACCOUNT: 'false',
      LOG_LEVEL: 'warn',
      BCRYPT_COST: '4',
    };
    bases.push(...(await startGatewaysInTurn(2, env, gateways, { direct: true })));
    const email = `budget-${Date.now()}@example.org`;
    ({ bearer: auth } = await householdOverHttp(emulator, PDL, email, { signUp: bases[0]!, logIn: bases[1]!, register: bases[0]!, consent: bases[1]! }));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await emulator?.stop();
    await database?.drop();
  });

  it('when both processes ask for more than an hourly budget allows, then no API goes over it, and the refusals say when calls pass again', async () => {
    const answers = await Promise.all(
      Array.from({ length: 14 }, async (_, i) => {
        const day = addDays('2026-03-02' as LocalDate, i * 3);
        const res = await call(bases[i % 2]!, `/api/enedis/consumption/daily/${PDL}?start=${day}&end=${addDays(day, 1)}`, { headers: { Authorization: auth } });
        return { ...res, at: Date.now() };
      }),
    );
    const perApiHour = new Map<string, number>();
    for (const c of emulator.calls) {
      const key = `${apiOf(c.path)}@${Math.floor(c.at / HOUR_MS)}`;
      perApiHour.set(key, (perApiHour.get(key) ?? 0) + 1);
    }
    console.info(`budgets: ${[...perApiHour].map(([k, n]) => `${k.split('@')[0]} ${n}`).join(', ')}; answers ${answers.map((a) => a.status).join(' ')}`);
    expect([...perApiHour.values()].every((n) => n <= PER_HOUR)).toBe(true);
    expect(perApiHour.get(`mesure_synchrone_auto@${Math.floor(Date.now() / HOUR_MS)}`)).toBe(PER_HOUR);
    const served = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(served.length + refused.length).toBe(answers.length);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.body.error.code).toBe('ENEDIS_THROTTLED');
      const nextHour = Math.ceil((HOUR_MS - (r.at % HOUR_MS)) / 1000);
      expect(Math.abs(Number(r.headers.get('retry-after')) - nextHour)).toBeLessThanOrEqual(3);
    }
  }, 60_000);

  it('when a budget is spent, then /api/health says which and until when, and /metrics shows what each API has left', async () => {
    for (const base of bases) {
      const health = await call(base, '/api/health');
      expect(health.body.status).toBe('degraded');
      expect(health.body.checks.enedis_budget).toMatchObject({
        status: 'down',
        detail: expect.stringMatching(/mesure_synchrone_auto has spent its 8 calls of this hour; calls pass again at \d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z/),
      });
      const metrics = await call(base, '/metrics');
      expect(metrics.body).toMatch(/gateway_upstream_budget_remaining\{api="mesure_synchrone_auto"\} 0/);
      expect(metrics.body).toMatch(/gateway_upstream_budget_remaining\{api="synth_contrat_auto"\} 7/);
    }
  });
});
