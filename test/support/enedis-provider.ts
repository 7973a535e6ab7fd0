import { EnedisHttpProvider, type EnedisGeneration, type EnedisProviderOptions } from '../../adapters/enedis/metering-provider.enedis.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { createMemoryDatabase } from '../../adapters/memory/memory-database.js';
import { InMemoryTokenStore } from '../../adapters/memory/token-store.memory.js';
import { ManualClock } from './clock.js';

/**
 * The Enedis HTTP adapter for a test: its own token store, a throttle that never makes a test wait,
 * retries a millisecond apart, a fixed clock; anything else as given.
 */
export function testEnedisProvider(generation: EnedisGeneration, baseUrl: string, options: Partial<EnedisProviderOptions> = {}): EnedisHttpProvider {
  return new EnedisHttpProvider({
    generation,
    baseUrl,
    authorizeUrl: `${baseUrl}/dataconnect/v1/oauth2/authorize`,
    redirectUri: null,
    clientId: 'app',
    clientSecret: 'secret',
    tokens: new InMemoryTokenStore(createMemoryDatabase()),
    throttle: new LimiterUpstreamThrottle({ perSecond: 1000, perHour: 1_000_000 }),
    clock: new ManualClock('2026-11-23T10:00:00Z'),
    baseDelayMs: 1,
    maxDelayMs: 2,
    ...options,
  });
}
