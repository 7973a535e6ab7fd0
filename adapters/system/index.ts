/** The system adapters. */
export * from './clock.system.js';
