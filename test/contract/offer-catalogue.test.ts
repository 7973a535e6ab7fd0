import { randomBytes } from 'node:crypto';
import { InMemoryOfferCatalogue } from '../../adapters/memory/offer-catalogue.memory.js';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { SqlOfferCatalogue } from '../../adapters/sql/offer-catalogue.sql.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { describeWithServices, PG_URL } from '../support/services.js';
import { offerCatalogueContract } from './offer-catalogue.contract.js';

offerCatalogueContract('memory', async () => ({ catalogue: new InMemoryOfferCatalogue(), close: async () => {} }));

offerCatalogueContract('sqlite', async () => {
  const knex = createSqlClient({ dialect: 'sqlite', connection: ':memory:' });
  await migrateToLatest(knex);
  return { catalogue: new SqlOfferCatalogue(knex), close: () => knex.destroy() };
});

await describeWithServices('PostgreSQL offers catalogue', ['postgresql'], () => {
  offerCatalogueContract('postgresql', async () => {
    const schema = `offers_${randomBytes(6).toString('hex')}`;
    const admin = createSqlClient({ dialect: 'postgresql', connection: PG_URL, poolMax: 1 });
    await admin.raw(`create schema ${schema}`);
    await admin.destroy();
    const knex = createSqlClient({ dialect: 'postgresql', connection: PG_URL, schema, poolMax: 2 });
    await migrateToLatest(knex);
    return {
      catalogue: new SqlOfferCatalogue(knex),
      close: async () => {
        await knex.raw(`drop schema ${schema} cascade`);
        await knex.destroy();
      },
    };
  });
});
