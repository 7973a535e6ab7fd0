/** The turnstile adapters. */
export * from './captcha-verifier.turnstile.js';
