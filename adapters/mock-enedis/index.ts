/** The mock-enedis adapters. */
export * from './enedis-emulator.js';
export * from './metering-provider.mock-enedis.js';
