import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../adapters/redis/redis-client.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { connectedRedis } from '../support/redis.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { record } from './record.js';

const SECRETS_REDIS_URL = REDIS_URL.replace(/\/\d+$/, '/11');

await describeWithServices('secrets at rest', ['postgresql', 'redis'], () => {
  describe('after a realistic session on PostgreSQL and Redis', () => {
    let database: Awaited<ReturnType<typeof temporaryDatabase>>;
    let redis: RedisClient;
    let t: TestGateway;
    const secrets = new Map<string, string>();
    const readings: string[] = [];

    beforeAll(async () => {
      database = await temporaryDatabase('med_secrets');
      redis = await connectedRedis(SECRETS_REDIS_URL);
      await redis.flushDb();
      t = await startTestGateway({ DATABASE_URL: database.url, REDIS_URL: SECRETS_REDIS_URL, REQUIRE_EMAIL_VERIFICATION: 'true' });

      const email = 'secretive@example.org';
      const signup = await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
      secrets.set('password', STRONG_PASSWORD);
      secrets.set('client secret', signup.body.data.client_secret);
      const verify = /verify-email\?token=([\w%-]+)/.exec(t.mailer.lastTo(email)!.text)![1]!;
      secrets.set('verification token', decodeURIComponent(verify));
      await api(t.app).get(`/api/accounts/verify-email?token=${verify}`).expect(200);
      await api(t.app).post('/api/accounts/login').set('X-Forwarded-For', '203.0.113.50').send({ email, password: 'Not-The-Password1' }).expect(401);
      const login = await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
      secrets.set('login token', login.body.data.access_token);
      const token = await api(t.app).post('/api/accounts/token').auth(signup.body.data.client_id, signup.body.data.client_secret).expect(200);
      secrets.set('client-credentials token', token.body.access_token);
      const auth = `Bearer ${login.body.data.access_token}`;

      await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '12345678901234', name: 'Home' }).expect(201);
      for (const route of ['consumption/daily', 'consumption/detail', 'consumption/max_power', 'production/daily']) {
        const res = await api(t.app).get(`/api/enedis/${route}/12345678901234?start=2025-03-01&end=2025-03-03`).set('Authorization', auth).expect(200);
        for (const r of res.body.data.meter_reading.interval_reading) readings.push(JSON.stringify({ date: r.date, value: r.value }).slice(1, -1));
      }
      const identity = await api(t.app).get('/api/enedis/customer/12345678901234').set('Authorization', auth).expect(200);
      secrets.set('holder surname', identity.body.data.customer.identity.natural_person.lastname);
      const contact = await api(t.app).get('/api/enedis/contact/12345678901234').set('Authorization', auth).expect(200);
      secrets.set('holder email', contact.body.data.customer.contact_data.email);
      const consent = await api(t.app).get('/api/oauth/authorize').set('Authorization', auth).expect(200);
      secrets.set('consent state', consent.body.data.state);

      await api(t.app).post('/api/accounts/forgot-password').send({ email }).expect(202);
      const reset = /reset-password\?token=([\w%-]+)/.exec(t.mailer.lastTo(email)!.text)![1]!;
      secrets.set('reset token', decodeURIComponent(reset));
      t.clock.advance(2000);
      await api(t.app)
        .post('/api/accounts/reset-password')
        .send({ token: decodeURIComponent(reset), new_password: 'Second-Secret-7' })
        .expect(200);
      secrets.set('new password', 'Second-Secret-7');
      const relog = await api(t.app).post('/api/accounts/login').send({ email, password: 'Second-Secret-7' }).expect(200);
      const rotated = await api(t.app).post('/api/accounts/regenerate-secret').set('Authorization', `Bearer ${relog.body.data.access_token}`).expect(200);
      secrets.set('new client secret', rotated.body.data.client_secret);
      const rotatedAuth = `Bearer ${rotated.body.data.client_secret}`;
      for (const route of ['consumption/daily', 'consumption/detail', 'consumption/max_power', 'production/daily', 'production/detail']) {
        const res = await api(t.app).get(`/api/enedis/${route}/12345678901234?start=2025-04-01&end=2025-04-08`).set('Authorization', rotatedAuth).expect(200);
        for (const r of res.body.data.meter_reading.interval_reading) readings.push(JSON.stringify({ date: r.date, value: r.value }).slice(1, -1));
      }
      for (const route of ['contract', 'address', 'customer', 'contact']) {
        await api(t.app).get(`/api/enedis/${route}/12345678901234`).set('Authorization', rotatedAuth).expect(200);
      }
    });

    afterAll(async () => {
      await t?.close();
      await redis?.close();
      await database?.drop();
    });

    it('when the Redis key names are listed, then none carries an e-mail address or a client address', async () => {
      const names: string[] = [];
      for await (const batch of redis.scanIterator({ COUNT: 500 })) names.push(...batch);
      // The failed log-in's address bucket (its account bucket was emptied by the log-in that followed) and the sign-up's.
      expect(names.filter((name) => name.startsWith('login_fail:address:')).length).toBe(1);
      expect(names.filter((name) => name.startsWith('signup:address:')).length).toBe(1);
      expect(names.filter((name) => /secretive|example\.org|203\.0\.113|@/.test(name))).toEqual([]);
    });

    it('when the raw database and the raw cache are read, then no password, secret, token, reading or holder detail is in clear', async () => {
      const knex = createSqlClient({ dialect: 'postgresql', connection: database.url, poolMax: 1 });
      const tables = (await knex.raw(`select tablename from pg_tables where schemaname = 'public'`)).rows.map((r: { tablename: string }) => r.tablename);
      const dump: string[] = [];
      let rows = 0;
      for (const table of tables) {
        const content = await knex(table).select('*');
        rows += content.length;
        dump.push(JSON.stringify(content));
      }
      await knex.destroy();
      let keys = 0;
      for await (const batch of redis.scanIterator({ COUNT: 500 })) {
        for (const key of batch) {
          keys++;
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'set'
                ? (await redis.sMembers(key)).join(' ')
                : type === 'zset'
                  ? (await redis.zRange(key, 0, -1)).join(' ')
                  : '';
          dump.push(`${key} ${value}`);
        }
      }
      const everything = dump.join('\n');
      const found = [...secrets.entries()].filter(([, secret]) => everything.includes(secret)).map(([name]) => name);
      const clearReadings = readings.filter((fragment) => everything.includes(fragment));
      expect(rows).toBeGreaterThan(3);
      expect(keys).toBeGreaterThan(5);
      expect(everything).toContain('consumption:daily:12345678901234:2025-04-01');
      console.info(
        `secrets at rest: ${rows} rows in ${tables.length} tables and ${keys} Redis keys searched for ${secrets.size} secrets and ${readings.length} readings: ${found.length + clearReadings.length} found`,
      );
      record('secrets', [
        {
          part: 'secrets at rest',
          tried: rows + keys,
          outcome: found.length + clearReadings.length === 0 ? 'pass' : `found: ${[...found, ...clearReadings.slice(0, 3)].join(', ')}`,
          detail: `${rows} database rows, ${keys} Redis keys; ${secrets.size} secrets, ${readings.length} readings looked for`,
        },
      ]);
      expect(found).toEqual([]);
      expect(clearReadings).toEqual([]);
    });
  });
});
