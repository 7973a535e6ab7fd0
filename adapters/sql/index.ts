/** The sql adapters. */
export * from './models.js';
export * from './one-time-token-store.sql.js';
export * from './pdl-repo.sql.js';
export * from './sql-client.js';
export * from './sql-errors.js';
export * from './token-store.sql.js';
export * from './user-repo.sql.js';
export * from './migrations/index.js';
export * from './offer-catalogue.sql.js';
export * from './tariff-history.sql.js';
export * from './statistics-ledgers.sql.js';
