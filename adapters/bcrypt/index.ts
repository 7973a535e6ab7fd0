/** The bcrypt adapters. */
export * from './password-hasher.bcrypt.js';
