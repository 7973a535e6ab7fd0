/** The redis adapters. */
export * from './day-cache.redis.js';
export * from './rate-limiter.redis.js';
export * from './redis-client.js';
export * from './upstream-throttle.redis.js';
export * from './daily-counters.redis.js';
