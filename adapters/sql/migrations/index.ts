import type { Knex } from 'knex';
import * as accountsMetersTokens from './001-accounts-meters-tokens.js';
import * as consentStates from './002-consent-states.js';
import * as oneTimeTokens from './003-one-time-tokens.js';
import * as tokenVersion from './004-token-version.js';

type Migration = { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> };

/** Migrations in order; names are what the knex_migrations table records. Never rename one. */
const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['001-accounts-meters-tokens', accountsMetersTokens],
  ['002-consent-states', consentStates],
  ['003-one-time-tokens', oneTimeTokens],
  ['004-token-version', tokenVersion],
];

/** Bundled with the code rather than read from a folder, so the built package migrates too. */
const source: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};

export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource: source });
}

export async function rollbackAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ migrationSource: source }, true);
}
