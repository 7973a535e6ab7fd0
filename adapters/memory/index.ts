/** The memory adapters. */
export * from './day-cache.memory.js';
export * from './memory-database.js';
export * from './one-time-token-store.memory.js';
export * from './pdl-repo.memory.js';
export * from './rate-limiter.memory.js';
export * from './telemetry.silent.js';
export * from './token-store.memory.js';
export * from './user-repo.memory.js';
export * from './daily-counters.memory.js';
export * from './memos.memory.js';
export * from './forgetting-repos.js';
export * from './short-memo.js';
export * from './offer-catalogue.memory.js';
export * from './tariff-history.memory.js';
export * from './statistics-ledgers.memory.js';
