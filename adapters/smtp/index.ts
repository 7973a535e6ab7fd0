/** The smtp adapters. */
export * from './mailer.smtp.js';
