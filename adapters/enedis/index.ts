/** The enedis adapters. */
export * from './enedis-errors.js';
export * from './enedis-http-client.js';
export * from './metering-provider.enedis.js';
export * from './wire-2026.js';
export * from './wire-2026-customer.js';
export * from './wire-readings.js';
export * from './wire-v5.js';
