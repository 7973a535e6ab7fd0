import { InMemoryStatisticsLedgers } from '../../adapters/memory/statistics-ledgers.memory.js';
import { statisticsLedgersContract } from './statistics-ledgers.contract.js';
import { InMemoryOneTimeTokenStore } from '../../adapters/memory/one-time-token-store.memory.js';
import { InMemoryDayCache } from '../../adapters/memory/day-cache.memory.js';
import { FallbackDayCache } from '../../adapters/fallback/day-cache.fallback.js';
import { createMemoryDatabase } from '../../adapters/memory/memory-database.js';
import { InMemoryPdlRepo } from '../../adapters/memory/pdl-repo.memory.js';
import { InMemoryRateLimiter } from '../../adapters/memory/rate-limiter.memory.js';
import { InMemoryTokenStore } from '../../adapters/memory/token-store.memory.js';
import { InMemoryUserRepo } from '../../adapters/memory/user-repo.memory.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { createMemos } from '../../adapters/memory/memos.memory.js';
import { ManualClock } from '../support/clock.js';
import { memosContract } from './memos.contract.js';
import { InMemoryDailyCounters } from '../../adapters/memory/daily-counters.memory.js';
import { dailyCountersContract } from './daily-counters.contract.js';
import { upstreamThrottleContract } from './upstream-throttle.contract.js';
import { dayCacheContract } from './day-cache.contract.js';
import { oneTimeTokenStoreContract } from './one-time-token-store.contract.js';
import { pdlRepoContract } from './pdl-repo.contract.js';
import { rateLimiterContract } from './rate-limiter.contract.js';
import { tokenStoreContract } from './token-store.contract.js';
import { userRepoContract } from './user-repo.contract.js';
import { InMemoryTariffHistory } from '../../adapters/memory/tariff-history.memory.js';
import { tariffHistoryContract } from './tariff-history.contract.js';

const relational = async () => {
  const db = createMemoryDatabase();
  return {
    users: new InMemoryUserRepo(db),
    pdls: new InMemoryPdlRepo(db),
    tokens: new InMemoryTokenStore(db),
    oneTimeTokens: new InMemoryOneTimeTokenStore(db),
    ledgers: new InMemoryStatisticsLedgers(),
    tariffs: new InMemoryTariffHistory(),
    close: async () => {},
  };
};

userRepoContract('memory', relational);
pdlRepoContract('memory', relational);
tokenStoreContract('memory', relational);
oneTimeTokenStoreContract('memory', relational);
tariffHistoryContract('memory', relational);
statisticsLedgersContract('memory', relational);

dayCacheContract('memory', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return { cache: new InMemoryDayCache(clock), elapse: async (s) => clock.advance(s * 1000), close: async () => {} };
});

// The degraded-mode decorator with its store up behaves as the store.
dayCacheContract('fallback over memory, store up', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return { cache: new FallbackDayCache(new InMemoryDayCache(clock), () => {}), elapse: async (s) => clock.advance(s * 1000), close: async () => {} };
});

rateLimiterContract('memory', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return { limiter: new InMemoryRateLimiter(clock), elapse: async (ms) => clock.advance(ms), close: async () => {} };
});

upstreamThrottleContract('limiter (in-process)', async (rates) => ({ throttle: new LimiterUpstreamThrottle(rates), close: async () => {} }));

dailyCountersContract('memory', async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return { counters: new InMemoryDailyCounters(clock), elapse: async (s) => clock.advance(s * 1000), close: async () => {} };
});

memosContract('memory', () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return { memos: (ttlMs) => createMemos(clock, ttlMs), elapse: (ms) => clock.advance(ms) };
});
