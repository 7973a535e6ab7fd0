import { EnedisEmulator } from '../../adapters/mock-enedis/enedis-emulator.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { EnedisHttpProvider } from '../../adapters/enedis/metering-provider.enedis.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { createMemoryDatabase } from '../../adapters/memory/memory-database.js';
import { InMemoryTokenStore } from '../../adapters/memory/token-store.memory.js';
import { SystemClock } from '../../adapters/system/clock.system.js';
import { meteringProviderContract } from './metering-provider.contract.js';

meteringProviderContract('MockEnedis', async () => ({ provider: new MockEnedisProvider(new SystemClock()), close: async () => {} }));

for (const generation of ['v5', '2026'] as const) {
  meteringProviderContract(`Enedis HTTP adapter on the emulator, ${generation}`, async () => {
    const emulator = new EnedisEmulator({ clientId: 'contract-app', clientSecret: 'contract-secret', consentGeneration: generation });
    const baseUrl = await emulator.start();
    const provider = new EnedisHttpProvider({
      generation,
      baseUrl,
      authorizeUrl: `${baseUrl}/dataconnect/v1/oauth2/authorize`,
      redirectUri: null,
      clientId: 'contract-app',
      clientSecret: 'contract-secret',
      tokens: new InMemoryTokenStore(createMemoryDatabase()),
      throttle: new LimiterUpstreamThrottle({ perSecond: 200, perHour: 1_000_000 }),
      clock: new SystemClock(),
      baseDelayMs: 1,
      maxDelayMs: 5,
    });
    return { provider, close: () => emulator.stop() };
  });
}
