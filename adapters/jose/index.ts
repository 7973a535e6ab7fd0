/** The jose adapters. */
export * from './access-tokens.jose.js';
