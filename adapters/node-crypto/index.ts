/** The node-crypto adapters. */
export * from './keyring.node-crypto.js';
