/** The fallback adapters. */
export * from './day-cache.fallback.js';
export * from './rate-limiter.fallback.js';
export * from './upstream-throttle.fallback.js';
export * from './daily-counters.fallback.js';
export * from './failover.js';
