import { FallbackRateLimiter } from '../../adapters/fallback/rate-limiter.fallback.js';
import { FallbackUpstreamThrottle } from '../../adapters/fallback/upstream-throttle.fallback.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { InMemoryRateLimiter } from '../../adapters/memory/rate-limiter.memory.js';
import { InfrastructureFailure, type InfrastructureComponent } from '../../domain/infrastructure-failure.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';
import { ManualClock } from '../support/clock.js';
import { FallbackDailyCounters } from '../../adapters/fallback/daily-counters.fallback.js';
import { InMemoryDailyCounters } from '../../adapters/memory/daily-counters.memory.js';
import type { DailyCounters } from '../../ports/daily-counters.js';
import { dailyCountersContract } from './daily-counters.contract.js';
import { rateLimiterContract } from './rate-limiter.contract.js';
import { upstreamThrottleContract } from './upstream-throttle.contract.js';

/** A store that is away: every operation fails as an unreachable Redis does. */
function away<T extends object>(component: InfrastructureComponent): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new InfrastructureFailure(component, 'connection refused')),
  });
}

const ignore = () => {};

rateLimiterContract('fallback, primary away', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const limiter = new FallbackRateLimiter(away<RateLimiter>('rate_limiter'), new InMemoryRateLimiter(clock), ignore);
  return { limiter, elapse: async (ms) => clock.advance(ms), close: async () => {} };
});

rateLimiterContract('fallback, primary up', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const limiter = new FallbackRateLimiter(new InMemoryRateLimiter(clock), new InMemoryRateLimiter(clock), ignore);
  return { limiter, elapse: async (ms) => clock.advance(ms), close: async () => {} };
});

upstreamThrottleContract('fallback, primary away', async (rates) => ({
  throttle: new FallbackUpstreamThrottle(away<UpstreamThrottle>('rate_limiter'), new LimiterUpstreamThrottle(rates), ignore),
  close: async () => {},
}));

dailyCountersContract('fallback, primary away', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const counters = new FallbackDailyCounters(away<DailyCounters>('rate_limiter'), new InMemoryDailyCounters(clock), ignore);
  return { counters, elapse: async (s) => clock.advance(s * 1000), close: async () => {} };
});
