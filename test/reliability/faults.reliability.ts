import { consentOnEmulator, consentOverHttp } from '../support/consent.js';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { RESP_TYPES } from 'redis';
import { dayKeyString } from '../../domain/cache-key.js';
import { textOf } from '../../adapters/sealed/json-bytes.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import type { MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { TOKENS } from '../../host/tokens.js';
import type { Keyring } from '../../ports/keyring.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { connectedRedis, emptyRedisDatabase } from '../support/redis.js';
import { describeWithServices, PG_URL, REDIS_URL } from '../support/services.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { drive, histogram, REQUEST_TIMEOUT_MS, type Outcome } from './load-driver.js';
import { PROFILE, record } from './record.js';
import { setTimeout as sleep } from 'node:timers/promises';

const FAULT_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/10');
const WARM = { start: '2025-01-01', end: '2025-01-15' };
await describeWithServices('faults under load', ['postgresql', 'redis'], () => {
  describe('Redis and PostgreSQL cut mid-load, Enedis answering 429, 5xx, timeouts and garbage', () => {
    const pg = new URL(PG_URL);
    const rd = new URL(FAULT_REDIS_URL);
    const pgProxy = new TcpProxy(pg.hostname, Number(pg.port) || 5432);
    const redisProxy = new TcpProxy(rd.hostname, Number(rd.port) || 6379);
    let database: Awaited<ReturnType<typeof temporaryDatabase>>;
    let emulator: EnedisEmulator;
    let t: TestGateway;
    let server: Server;
    let base: string;
    const users: Array<{ email: string; id: string; secret: string; auth: string; pdl: string }> = [];

    beforeAll(async () => {
      database = await temporaryDatabase('med_faults_load');
      await emptyRedisDatabase(FAULT_REDIS_URL);
      await pgProxy.start();
      await redisProxy.start();
      emulator = new EnedisEmulator({ clientId: 'app', clientSecret: 'secret' });
      const enedis = await emulator.start();
      t = await startTestGateway(
        {
          DATABASE_URL: pgProxy.url(database.url),
          REDIS_URL: redisProxy.url(FAULT_REDIS_URL),
          ENEDIS_CLIENT_ID: 'app',
          ENEDIS_CLIENT_SECRET: 'secret',
          ENEDIS_BASE_URL: enedis,
          ENEDIS_API_VERSION: 'v5',
          ENEDIS_TIMEOUT_MS: '1000',
          USER_DAILY_LIMIT_NO_CACHE: '100000',
          USER_DAILY_LIMIT_WITH_CACHE: '100000',
        },
        {},
        new Date().toISOString(),
        { realProvider: true },
      );
      server = createServer(t.app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      for (let i = 0; i < 5; i++) {
        const user = await t.signUp(`fault-${i}@example.org`);
        const auth = `Bearer ${user.token}`;
        const me = (await (await fetch(`${base}/api/accounts/me`, { headers: { Authorization: auth } })).json()) as { data: { id: string } };
        const pdl = String(40_000_000_000_000 + i);
        const created = await fetch(`${base}/api/pdl`, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ usage_point_id: pdl }),
        });
        expect(created.status).toBe(201);
        await consentOnEmulator(emulator, [pdl], consentOverHttp(base, auth));
        const warm = await fetch(`${base}/api/enedis/consumption/daily/${pdl}?start=${WARM.start}&end=${WARM.end}`, { headers: { Authorization: auth } });
        expect(warm.status).toBe(200);
        users.push({ email: user.email, id: me.data.id, secret: user.clientSecret, auth, pdl });
      }
    }, 120_000);

    afterAll(async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await t?.close();
      await emulator?.stop();
      await pgProxy.stop();
      await redisProxy.stop();
      await database?.drop();
    });

    it('when the faults hit, then every answer is clear and quick, and afterwards every account, meter and cached day is intact and nothing wrong was cached', async () => {
      const phase = PROFILE === 'short' ? 1500 : 5000;
      for (const kind of ['429-legacy', '429-wso2', '429-next-access', '500', '503', 'timeout', 'garbage'] as const) {
        emulator.inject({ kind, count: 2, path: 'consumption_load_curve|daily_consumption_max_power', retryAfterSeconds: 1 });
      }
      let cold = 0;
      const faults = (async () => {
        await sleep(phase);
        await redisProxy.stop();
        await sleep(phase);
        await redisProxy.resume();
        await sleep(phase);
        await pgProxy.stop();
        await sleep(phase);
        await pgProxy.resume();
      })();
      const outcomes = await drive(16, phase * 6, (loop, i) => {
        const user = users[loop % users.length]!;
        const headers = { Authorization: user.auth };
        const pick = i % 5;
        if (pick === 0) return { kind: 'me', url: `${base}/api/accounts/me`, init: { headers } };
        if (pick === 1) return { kind: 'meters', url: `${base}/api/pdl`, init: { headers } };
        if (pick === 2) {
          const day = addDays('2025-06-01' as LocalDate, cold++ % 200);
          const kind = cold % 2 === 0 ? 'detail' : 'max_power';
          return { kind: `cold ${kind}`, url: `${base}/api/enedis/consumption/${kind}/${user.pdl}?start=${day}&end=${addDays(day, 1)}`, init: { headers } };
        }
        return { kind: 'cached', url: `${base}/api/enedis/consumption/daily/${user.pdl}?start=${WARM.start}&end=${WARM.end}`, init: { headers } };
      });
      await faults;

      const allowed = (o: Outcome) =>
        o.status === 200 ||
        (o.status === 503 && ['SERVICE_UNAVAILABLE', 'ENEDIS_UNAVAILABLE', 'ENEDIS_THROTTLED'].includes(o.code ?? '')) ||
        (o.status === 502 && o.code === 'ENEDIS_ERROR');
      const unclear = outcomes.filter((o) => !allowed(o));
      const slowest = Math.max(...outcomes.map((o) => o.ms));
      const slowestFive = [...outcomes]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((o) => `${o.kind} ${o.status} ${o.code ?? ''} ${Math.round(o.ms)} ms`);
      console.info(`faults: slowest answers: ${slowestFive.join('; ')}`);

      let health = 0;
      for (let i = 0; i < 50 && health !== 200; i++) {
        health = (await fetch(`${base}/api/health`)).status;
        if (health !== 200) await sleep(200);
      }
      let intact = 0;
      let wrongCached = 0;
      let cachedDays = 0;
      const keyring = t.gateway.container.get<Keyring>(TOKENS.Keyring);
      const truth = new MockEnedisProvider({ now: () => new Date() });
      const redis = await connectedRedis(FAULT_REDIS_URL);
      for (const user of users) {
        const login = await fetch(`${base}/api/accounts/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: STRONG_PASSWORD }),
        });
        const meters = (await (await fetch(`${base}/api/pdl`, { headers: { Authorization: user.auth } })).json()) as {
          data: Array<{ usage_point_id: string }>;
        };
        const warm = (await (
          await fetch(`${base}/api/enedis/consumption/daily/${user.pdl}?start=${WARM.start}&end=${WARM.end}`, { headers: { Authorization: user.auth } })
        ).json()) as {
          data: { cache: { cached_days: number } };
        };
        if (login.status === 200 && meters.data.map((m) => m.usage_point_id).join() === user.pdl && warm.data.cache.cached_days === 14) intact++;
        const key = keyring.userKey(user.secret, user.id);
        for await (const batch of redis.scanIterator({ MATCH: `consumption:*:${user.pdl}:*`, COUNT: 500 })) {
          for (const name of batch) {
            const [kindA, kindB, pdl, date] = name.split(':');
            const kind = `${kindA}:${kindB}` as MeteringKind;
            const sealed = await redis.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(name);
            const opened = sealed ? keyring.open(key, sealed, dayKeyString({ kind, usagePointId: pdl as UsagePointId, date: date as LocalDate })) : null;
            const readings = opened === null ? null : (JSON.parse(textOf(opened)) as Array<{ date: string; value: number }>);
            // A day's entry, or a year's roll-up (key `...:YYYY`) of consecutive days: compared day by day
            // with the source, every day from its first to its last, so a gap would show too.
            const days: string[] = [date!];
            if (date!.length === 4) {
              days.length = 0;
              const [first, last] = [readings?.[0]?.date.slice(0, 10), readings?.at(-1)?.date.slice(0, 10)];
              for (let day = first; day && last && day <= last; day = addDays(day as LocalDate, 1)) days.push(day);
            }
            const expected = [];
            for (const day of days) {
              const truthOfDay = await truth.readings(kind, pdl as UsagePointId, { start: day as LocalDate, end: addDays(day as LocalDate, 1) });
              expected.push(...(truthOfDay.ok ? truthOfDay.value : [{ date: 'unreadable', value: NaN }]));
            }
            cachedDays += days.length;
            const same = readings !== null && JSON.stringify(readings.map((r) => [r.date, r.value])) === JSON.stringify(expected.map((r) => [r.date, r.value]));
            if (!same) wrongCached++;
          }
        }
      }
      await redis.close();

      console.info(
        `faults: ${outcomes.length} requests during the faults: ${histogram(outcomes)}; slowest ${Math.round(slowest)} ms; ${emulator.calls.filter((c) => c.status !== 200).length} faulty Enedis answers; after: ${intact}/${users.length} accounts intact, ${cachedDays} cached days checked, ${wrongCached} wrong`,
      );
      record('faults', [
        {
          part: 'faults under load',
          tried: outcomes.length,
          outcome:
            unclear.length + wrongCached === 0 && intact === users.length && slowest < REQUEST_TIMEOUT_MS
              ? 'pass'
              : `${unclear.length} unclear, ${wrongCached} wrong cached, ${intact}/${users.length} intact`,
          detail: `Redis cut and back, PostgreSQL cut and back, Enedis 429×3 formats/500/503/timeout/garbage; ${histogram(outcomes)}; slowest ${Math.round(slowest)} ms; ${cachedDays} cached days verified against the source`,
        },
      ]);
      expect(unclear.map((o) => `${o.kind}: ${o.status} ${o.code}`)).toEqual([]);
      expect(slowest).toBeLessThan(REQUEST_TIMEOUT_MS);
      expect(health).toBe(200);
      expect(intact).toBe(users.length);
      expect(cachedDays).toBeGreaterThan(14 * users.length);
      expect(wrongCached).toBe(0);
    });
  });
});
