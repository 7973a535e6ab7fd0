import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { temporaryDatabase } from '../support/postgres.js';
import { emptyRedisDatabase } from '../support/redis.js';
import { startGatewaysInTurn, type GatewayProcess } from '../support/process.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { drive, histogram, percentile } from './load-driver.js';
import { PROFILE, record } from './record.js';

const LOAD_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/9');
const USERS = 20;
const CONNECTIONS = 200;
const DURATION_MS = PROFILE === 'short' ? 15_000 : 60_000;
const QUOTA = 50;
const PASSWORD = 'Correct-Horse9';
const json = { 'Content-Type': 'application/json' };

async function rssOf(base: string): Promise<number> {
  const text = await (await fetch(`${base.replace('127.0.0.1', 'localhost')}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0);
}

await describeWithServices('sustained load', ['postgresql', 'redis'], () => {
  describe(`two gateway processes, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s of mixed work`, () => {
    let database: Awaited<ReturnType<typeof temporaryDatabase>>;
    const gateways: GatewayProcess[] = [];
    const bases: string[] = [];
    const users: Array<{ email: string; auth: string; pdl: string; meterId: string }> = [];

    beforeAll(async () => {
      database = await temporaryDatabase('med_load');
      await emptyRedisDatabase(LOAD_REDIS_URL);
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: LOAD_REDIS_URL,
        SECRET_KEY: 'load-test-server-key-0123456789abcdef0123456789',
        DEMO_ACCOUNT: 'false',
        BCRYPT_COST: '4',
        LOG_LEVEL: 'warn',
        USER_DAILY_LIMIT_NO_CACHE: String(QUOTA),
        USER_DAILY_LIMIT_WITH_CACHE: '1000000',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
        SIGNUP_MAX_PER_ADDRESS: '1000000',
      };
      bases.push(...(await startGatewaysInTurn(2, env, gateways, { direct: true })));
      for (let i = 0; i < USERS; i++) {
        const email = `load-${i}@example.org`;
        const base = bases[i % 2]!;
        await fetch(`${base}/api/accounts/signup`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: PASSWORD }) });
        const login = (await (
          await fetch(`${base}/api/accounts/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: PASSWORD }) })
        ).json()) as { data: { access_token: string } };
        const auth = `Bearer ${login.data.access_token}`;
        const pdl = String(50_000_000_000_000 + i);
        const meter = (await (
          await fetch(`${base}/api/pdl`, { method: 'POST', headers: { ...json, Authorization: auth }, body: JSON.stringify({ usage_point_id: pdl }) })
        ).json()) as { data: { id: string } };
        const warm = await fetch(`${base}/api/enedis/consumption/daily/${pdl}?start=2025-01-01&end=2025-12-31`, { headers: { Authorization: auth } });
        expect(warm.status).toBe(200);
        users.push({ email, auth, pdl, meterId: meter.data.id });
      }
    }, 180_000);

    afterAll(async () => {
      await Promise.all(gateways.map((g) => g.stop()));
      await database?.drop();
    });

    it(
      'when the load runs, then no 5xx and no error but the intended 429s, quotas are exact, and memory stays flat',
      async () => {
        const rssStart = await Promise.all(bases.map(rssOf));
        const rssSamples: number[][] = [];
        const sampler = setInterval(() => void Promise.all(bases.map(rssOf)).then((s) => rssSamples.push(s)), 2000);
        const coldDays = new Array<number>(USERS).fill(0);
        const started = Date.now();
        const outcomes = await drive(CONNECTIONS, DURATION_MS, (loop, i) => {
          const u = loop % USERS;
          const user = users[u]!;
          const base = bases[(loop + i) % 2]!;
          const headers = { Authorization: user.auth };
          const pick = (loop * 7 + i) % 20;
          if (pick < 11) return { kind: 'cached', url: `${base}/api/enedis/consumption/daily/${user.pdl}?start=2025-03-01&end=2025-04-01`, init: { headers } };
          if (pick < 14) {
            const day = addDays('2024-01-01' as LocalDate, coldDays[u]!++);
            return { kind: `cold:${u}`, url: `${base}/api/enedis/consumption/daily/${user.pdl}?start=${day}&end=${addDays(day, 1)}`, init: { headers } };
          }
          if (pick < 16)
            return {
              kind: 'login',
              url: `${base}/api/accounts/login`,
              init: { method: 'POST', headers: json, body: JSON.stringify({ email: user.email, password: PASSWORD }) },
            };
          if (pick < 18) return { kind: 'me', url: `${base}/api/accounts/me`, init: { headers } };
          return {
            kind: 'write',
            url: `${base}/api/pdl/${user.meterId}`,
            init: { method: 'PATCH', headers: { ...headers, ...json }, body: JSON.stringify({ name: `Meter ${i}` }) },
          };
        });
        clearInterval(sampler);
        const seconds = (Date.now() - started) / 1000;
        const rssEnd = await Promise.all(bases.map(rssOf));

        const errors = outcomes.filter((o) => o.status !== 200 && !(o.status === 429 && o.kind.startsWith('cold') && o.code === 'RATE_LIMIT_EXCEEDED'));
        const quotaProblems: string[] = [];
        for (let u = 0; u < USERS; u++) {
          const mine = outcomes.filter((o) => o.kind === `cold:${u}`);
          const counted = mine.filter((o) => o.status === 200 && o.headers.get('ratelimit-limit') === String(QUOTA)).length;
          const refused = mine.filter((o) => o.status === 429).length;
          const usage = (await (await fetch(`${bases[0]}/api/accounts/usage`, { headers: { Authorization: users[u]!.auth } })).json()) as {
            data: { uncached: { used: number } };
          };
          // The warm-up of a year counted one uncached request per user.
          if (usage.data.uncached.used !== counted + 1 || counted + 1 > QUOTA || (refused > 0 && counted + 1 !== QUOTA)) {
            quotaProblems.push(`user ${u}: counted ${counted + 1}, gateway says ${usage.data.uncached.used}, refused ${refused}`);
          }
        }
        const peak = rssSamples.length > 0 ? Math.max(...rssSamples.flat(), ...rssEnd) : Math.max(...rssEnd);
        const half = rssSamples[Math.floor(rssSamples.length / 2)] ?? rssStart;
        const growth = Math.max(...rssEnd.map((end, i) => end - half[i]!));
        const ms = outcomes.map((o) => o.ms);
        const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
        const summary = `${outcomes.length} requests in ${seconds.toFixed(0)} s (${Math.round(outcomes.length / seconds)}/s), p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms; ${histogram(outcomes.map((o) => ({ ...o, kind: o.kind.replace(/:\d+$/, '') })))}; RSS ${rssStart.map(mb).join('/')} at start, ${rssEnd.map(mb).join('/')} at end, second half ${growth >= 0 ? '+' : ''}${mb(growth)}, peak ${mb(peak)}`;
        console.info(`sustained load: ${summary}`);
        record('load', [
          {
            part: `sustained load (${CONNECTIONS} connections, 2 processes)`,
            tried: outcomes.length,
            outcome:
              errors.length + quotaProblems.length === 0 && growth < 64 * 1048576
                ? 'pass'
                : `${errors.length} errors, ${quotaProblems.length} quota problems, +${mb(growth)}`,
            detail: summary,
          },
        ]);
        if (quotaProblems.length > 0) {
          // What the gateways said meanwhile (warnings and errors only) is what explains a miscount.
          for (const [i, gateway] of gateways.entries()) console.info(`gateway ${i}:\n${gateway.output().split('\n').slice(-40).join('\n')}`);
        }
        expect(errors.map((o) => `${o.kind} ${o.status} ${o.code}`).slice(0, 10)).toEqual([]);
        expect(quotaProblems).toEqual([]);
        expect(growth).toBeLessThan(64 * 1048576);
      },
      DURATION_MS + 120_000,
    );
  });
});
