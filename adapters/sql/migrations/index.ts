import type { Knex } from 'knex';
import * as accountsMetersTokens from './001-accounts-meters-tokens.js';
import * as consentStates from './002-consent-states.js';
import * as oneTimeTokens from './003-one-time-tokens.js';
import * as tokenVersion from './004-token-version.js';
import * as consentBoundMeters from './005-consent-bound-meters.js';
import * as productionActivation from './006-production-activation.js';
import * as meterTariffSettings from './007-meter-tariff-settings.js';
import * as offersCatalogue from './008-offers-catalogue.js';
import * as tariffHistory from './009-tariff-history.js';
import * as statisticsLedgers from './010-statistics-ledgers.js';

type Migration = { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> };

/** Migrations in order; names are what the knex_migrations table records. Never rename one. */
const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['001-accounts-meters-tokens', accountsMetersTokens],
  ['002-consent-states', consentStates],
  ['003-one-time-tokens', oneTimeTokens],
  ['004-token-version', tokenVersion],
  ['005-consent-bound-meters', consentBoundMeters],
  ['006-production-activation', productionActivation],
  ['007-meter-tariff-settings', meterTariffSettings],
  ['008-offers-catalogue', offersCatalogue],
  ['009-tariff-history', tariffHistory],
  ['010-statistics-ledgers', statisticsLedgers],
];

/** Bundled with the code rather than read from a folder, so the built package migrates too. */
const source: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};

/**
 * Brings the schema up to date. On PostgreSQL, processes starting together on an empty database
 * would race to create Knex's own bookkeeping tables (its lock table comes after them), so the
 * whole run holds an advisory lock of this schema, taken in a transaction that lasts as long as the
 * run: the others wait, then find the schema migrated. SQLite serves one process per file.
 */
export async function migrateToLatest(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') {
    await knex.migrate.latest({ migrationSource: source });
    return;
  }
  await knex.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtext('myelectricaldata:migrations:' || current_schema()))");
    await knex.migrate.latest({ migrationSource: source });
  });
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource: source }, true);
}
