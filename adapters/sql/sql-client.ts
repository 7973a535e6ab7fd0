import Knex from 'knex';
import type { Knex as KnexTypes } from 'knex';

export type SqlDialect = 'sqlite' | 'postgresql';

export interface SqlClientOptions {
  readonly dialect: SqlDialect;
  /** A file path (or ':memory:') for SQLite, a connection URL for PostgreSQL. */
  readonly connection: string;
  readonly debug?: boolean;
  readonly poolMax?: number;
}

/**
 * A Knex client for the SQL adapters. SQLite gets foreign keys enforced and WAL journaling on every
 * connection; its single connection serialises writes, which is what SQLite wants.
 */
export function createSqlClient(options: SqlClientOptions): KnexTypes {
  if (options.dialect === 'sqlite') {
    return Knex.knex({
      client: 'better-sqlite3',
      connection: { filename: options.connection },
      useNullAsDefault: true,
      debug: options.debug ?? false,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) => {
          conn.pragma('foreign_keys = ON');
          conn.pragma('journal_mode = WAL');
          conn.pragma('busy_timeout = 5000');
          done(null, conn);
        },
      },
    });
  }
  return Knex.knex({
    client: 'pg',
    connection: { connectionString: options.connection, connectionTimeoutMillis: 5000 },
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    acquireConnectionTimeout: 5000,
  });
}
