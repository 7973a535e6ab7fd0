import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { temporaryDatabase } from '../support/postgres.js';
import { freePort, startGatewayProcess } from '../support/process.js';
import { describeWithServices } from '../support/services.js';

await describeWithServices('gateways starting together on an empty PostgreSQL database', ['postgresql'], () => {
  let database: Awaited<ReturnType<typeof temporaryDatabase>>;
  beforeAll(async () => {
    database = await temporaryDatabase('med_concurrent');
  });
  afterAll(() => database?.drop());

  it('when four clients migrate one empty schema at once, twenty times over, then every one succeeds and the schema is whole', async () => {
    const admin = createSqlClient({ dialect: 'postgresql', connection: database.url, poolMax: 1 });
    for (let round = 0; round < 20; round++) {
      const schema = `round_${round}`;
      await admin.raw(`create schema ${schema}`);
      const clients = Array.from({ length: 4 }, () => createSqlClient({ dialect: 'postgresql', connection: database.url, schema }));
      const outcomes = await Promise.allSettled(clients.map((knex) => migrateToLatest(knex)));
      await Promise.all(clients.map((knex) => knex.destroy()));
      expect(
        outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
        `round ${round}`,
      ).toEqual([]);
      const applied = await admin.raw(`select count(*)::int as n from ${schema}.knex_migrations`);
      expect(applied.rows[0].n).toBeGreaterThan(0);
    }
    await admin.destroy();
  }, 120_000);

  it('when three gateway processes start at once on a fresh database, three times over, then all of them come up', async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = await temporaryDatabase('med_start');
      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      const env = {
        DATABASE_URL: fresh.url,
        SECRET_KEY: 'concurrent-start-key-0123456789abcdef0123',
        DEMO_ACCOUNT: 'true',
        LOG_LEVEL: 'warn',
        BCRYPT_COST: '4',
      };
      const started = await Promise.allSettled(
        ports.map((port) => startGatewayProcess({ ...env, PORT: String(port), DATA_DIR: `/tmp/med-concurrent-${port}` }, { direct: true })),
      );
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
      await fresh.drop();
      expect(
        started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason).slice(0, 400)),
        `round ${round}`,
      ).toEqual([]);
    }
  }, 240_000);
});
