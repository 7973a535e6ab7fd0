/** The pass-through adapters. */
export * from './captcha-verifier.pass-through.js';
