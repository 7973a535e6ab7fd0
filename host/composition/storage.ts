import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Container } from 'inversify';
import type { Knex } from 'knex';
import { SealedTokenStore } from '../../adapters/sealed/token-store.sealed.js';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { SqlOneTimeTokenStore } from '../../adapters/sql/one-time-token-store.sql.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { SqlPdlRepo } from '../../adapters/sql/pdl-repo.sql.js';
import { SqlTokenStore } from '../../adapters/sql/token-store.sql.js';
import { SqlUserRepo } from '../../adapters/sql/user-repo.sql.js';
import { SqlOfferCatalogue } from '../../adapters/sql/offer-catalogue.sql.js';
import { InMemoryOfferCatalogue } from '../../adapters/memory/offer-catalogue.memory.js';
import { SqlTariffHistory } from '../../adapters/sql/tariff-history.sql.js';
import { InMemoryTariffHistory } from '../../adapters/memory/tariff-history.memory.js';
import { SqlStatisticsLedgers } from '../../adapters/sql/statistics-ledgers.sql.js';
import { InMemoryStatisticsLedgers } from '../../adapters/memory/statistics-ledgers.memory.js';
import type { ResolvedConfig, Overrides } from '../container.js';
import type { Logger } from '../logger.js';
import { TOKENS } from '../tokens.js';
import { bindValue } from './bind.js';

/** The SQL side: one Knex client (made on first use) and the repositories on it, unless all are overridden. */
export function bindStorage(container: Container, config: ResolvedConfig, overrides: Overrides) {
  const usesSql = !(overrides.users && overrides.pdls && overrides.tokens && overrides.oneTimeTokens);
  container.bind<Knex>(TOKENS.SqlClient).toResolvedValue(() => {
    const logger = container.get<Logger>(TOKENS.Logger);
    const log = (level: 'warn' | 'error' | 'debug', message: string) => logger[level]({ component: 'database' }, message);
    return config.database.dialect === 'sqlite'
      ? createSqlClient({ dialect: 'sqlite', connection: config.database.file, debug: config.debugSql, log })
      : createSqlClient({ dialect: 'postgresql', connection: config.database.url, debug: config.debugSql, log });
  });
  const sql = () => container.get<Knex>(TOKENS.SqlClient);
  bindValue(container, TOKENS.UserRepo, overrides.users, () => new SqlUserRepo(sql()));
  bindValue(container, TOKENS.PdlRepo, overrides.pdls, () => new SqlPdlRepo(sql()));
  bindValue(container, TOKENS.TokenStore, overrides.tokens, () => new SealedTokenStore(new SqlTokenStore(sql()), container.get(TOKENS.Keyring)));
  bindValue(container, TOKENS.OneTimeTokenStore, overrides.oneTimeTokens, () => new SqlOneTimeTokenStore(sql()));
  // With every account store in memory there is no schema to hold the catalogue: it stays in memory too.
  bindValue(container, TOKENS.OfferCatalogue, overrides.offers, () => (usesSql ? new SqlOfferCatalogue(sql()) : new InMemoryOfferCatalogue()));
  bindValue(container, TOKENS.TariffHistory, overrides.tariffs, () => (usesSql ? new SqlTariffHistory(sql()) : new InMemoryTariffHistory()));
  bindValue(container, TOKENS.StatisticsLedgers, overrides.ledgers, () => (usesSql ? new SqlStatisticsLedgers(sql()) : new InMemoryStatisticsLedgers()));
  return {
    usesSql,
    sql,
    /** The schema up to date (the SQLite file's folder made first). */
    migrate: async () => {
      if (!usesSql) return;
      if (config.database.dialect === 'sqlite' && config.database.file !== ':memory:') await mkdir(dirname(config.database.file), { recursive: true });
      await migrateToLatest(sql());
    },
    describe: () => (usesSql ? (config.database.dialect === 'sqlite' ? `sqlite (${config.database.file})` : 'postgresql') : 'overridden'),
  };
}
