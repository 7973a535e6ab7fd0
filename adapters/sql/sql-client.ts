import Knex from 'knex';
import type { Knex as KnexTypes } from 'knex';

export type SqlDialect = 'sqlite' | 'postgresql';

export interface SqlClientOptions {
  readonly dialect: SqlDialect;
  /** A file path (or ':memory:') for SQLite, a connection URL for PostgreSQL. */
  readonly connection: string;
  readonly debug?: boolean;
  readonly poolMax?: number;
  /** PostgreSQL only: the schema the gateway's tables live in (default: the server's search path). */
  readonly schema?: string;
  /** Where Knex's own warnings go (connection errors and the like); silent when absent. */
  readonly log?: (level: 'warn' | 'error' | 'debug', message: string) => void;
}

function knexLog(log: SqlClientOptions['log']) {
  const to = (level: 'warn' | 'error' | 'debug') => (message: unknown) => log?.(level, String(message));
  return { warn: to('warn'), error: to('error'), debug: to('debug'), deprecate: to('warn') };
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
      log: knexLog(options.log),
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
    log: knexLog(options.log),
    pool: { min: 0, max: options.poolMax ?? 10 },
    acquireConnectionTimeout: 3000,
    ...(options.schema ? { searchPath: [options.schema] } : {}),
  });
}
