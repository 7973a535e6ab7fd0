import { SqlStatisticsLedgers } from '../../adapters/sql/statistics-ledgers.sql.js';
import { statisticsLedgersContract } from './statistics-ledgers.contract.js';
import { randomBytes } from 'node:crypto';
import { SqlOneTimeTokenStore } from '../../adapters/sql/one-time-token-store.sql.js';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { SqlPdlRepo } from '../../adapters/sql/pdl-repo.sql.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { SqlTokenStore } from '../../adapters/sql/token-store.sql.js';
import { SqlUserRepo } from '../../adapters/sql/user-repo.sql.js';
import { describeWithServices, PG_URL } from '../support/services.js';
import { oneTimeTokenStoreContract } from './one-time-token-store.contract.js';
import { pdlRepoContract } from './pdl-repo.contract.js';
import { tokenStoreContract } from './token-store.contract.js';
import { userRepoContract } from './user-repo.contract.js';
import { SqlTariffHistory } from '../../adapters/sql/tariff-history.sql.js';
import { tariffHistoryContract } from './tariff-history.contract.js';

/** Each store gets a schema of its own, dropped afterwards. */
const relational = async () => {
  const schema = `contract_${randomBytes(6).toString('hex')}`;
  const admin = createSqlClient({ dialect: 'postgresql', connection: PG_URL, poolMax: 1 });
  await admin.raw(`create schema ${schema}`);
  await admin.destroy();
  const knex = createSqlClient({ dialect: 'postgresql', connection: PG_URL, schema, poolMax: 4 });
  await migrateToLatest(knex);
  return {
    users: new SqlUserRepo(knex),
    pdls: new SqlPdlRepo(knex),
    tokens: new SqlTokenStore(knex),
    oneTimeTokens: new SqlOneTimeTokenStore(knex),
    ledgers: new SqlStatisticsLedgers(knex),
    tariffs: new SqlTariffHistory(knex),
    close: async () => {
      await knex.raw(`drop schema ${schema} cascade`);
      await knex.destroy();
    },
  };
};

await describeWithServices('PostgreSQL adapters', ['postgresql'], () => {
  userRepoContract('postgresql', relational);
  pdlRepoContract('postgresql', relational);
  tokenStoreContract('postgresql', relational);
  oneTimeTokenStoreContract('postgresql', relational);
  tariffHistoryContract('postgresql', relational);
  statisticsLedgersContract('postgresql', relational);
});
