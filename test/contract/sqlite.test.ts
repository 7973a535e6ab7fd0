import { SqlStatisticsLedgers } from '../../adapters/sql/statistics-ledgers.sql.js';
import { statisticsLedgersContract } from './statistics-ledgers.contract.js';
import { SqlOneTimeTokenStore } from '../../adapters/sql/one-time-token-store.sql.js';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { SqlPdlRepo } from '../../adapters/sql/pdl-repo.sql.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { SqlTokenStore } from '../../adapters/sql/token-store.sql.js';
import { SqlUserRepo } from '../../adapters/sql/user-repo.sql.js';
import { oneTimeTokenStoreContract } from './one-time-token-store.contract.js';
import { pdlRepoContract } from './pdl-repo.contract.js';
import { tokenStoreContract } from './token-store.contract.js';
import { userRepoContract } from './user-repo.contract.js';
import { SqlTariffHistory } from '../../adapters/sql/tariff-history.sql.js';
import { tariffHistoryContract } from './tariff-history.contract.js';

const relational = async () => {
  const knex = createSqlClient({ dialect: 'sqlite', connection: ':memory:' });
  await migrateToLatest(knex);
  return {
    users: new SqlUserRepo(knex),
    pdls: new SqlPdlRepo(knex),
    tokens: new SqlTokenStore(knex),
    oneTimeTokens: new SqlOneTimeTokenStore(knex),
    ledgers: new SqlStatisticsLedgers(knex),
    tariffs: new SqlTariffHistory(knex),
    close: () => knex.destroy(),
  };
};

userRepoContract('sqlite', relational);
pdlRepoContract('sqlite', relational);
tokenStoreContract('sqlite', relational);
oneTimeTokenStoreContract('sqlite', relational);
tariffHistoryContract('sqlite', relational);
statisticsLedgersContract('sqlite', relational);
