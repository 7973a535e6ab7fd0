/** The outbox adapters. */
export * from './mailer.outbox.js';
