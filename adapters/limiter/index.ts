/** The limiter adapters. */
export * from './upstream-throttle.limiter.js';
