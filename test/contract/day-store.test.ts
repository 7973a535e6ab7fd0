import { FallbackDayCache } from '../../adapters/fallback/day-cache.fallback.js';
import { InMemoryDayCache } from '../../adapters/memory/day-cache.memory.js';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { RedisDayCache } from '../../adapters/redis/day-cache.redis.js';
import { SealedDayStore } from '../../adapters/sealed/day-store.sealed.js';
import { SystemClock } from '../../adapters/system/clock.system.js';
import type { Clock } from '../../ports/clock.js';
import type { DayCache } from '../../ports/day-cache.js';
import type { Keyring } from '../../ports/keyring.js';
import { ManualClock } from '../support/clock.js';
import { connectedRedis } from '../support/redis.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { dayStoreContract, type DayStoreHarness } from './day-store.contract.js';
import { pause } from './fixtures.js';

const keyring = new NodeCryptoKeyring(new TextEncoder().encode('contract-server-key-0123456789abcdef'));

/** Only what the DayCache and Keyring ports promise: no "unchanged" answers, no seal versions. */
const portOnlyCache = (cache: DayCache): DayCache => ({
  getMany: (keys) => cache.getMany(keys),
  putMany: (entries) => cache.putMany(entries),
  deleteUsagePoint: (id) => cache.deleteUsagePoint(id),
});
const portOnlyKeyring = (inner: Keyring): Keyring => ({
  newClientId: () => inner.newClientId(),
  newClientSecret: () => inner.newClientSecret(),
  newOneTimeToken: () => inner.newOneTimeToken(),
  oneTimeTokenHash: (t) => inner.oneTimeTokenHash(t),
  pseudonym: (v) => inner.pseudonym(v),
  clientSecretHash: (s) => inner.clientSecretHash(s),
  sameHash: (a, b) => inner.sameHash(a, b),
  sealSecret: (s) => inner.sealSecret(s),
  openSecret: (s) => inner.openSecret(s),
  userKey: (s, id) => inner.userKey(s, id),
  seal: (k, p, c) => inner.seal(k, p, c),
  open: (k, s, c) => inner.open(k, s, c),
});

function harness(cache: DayCache, clock: Clock, elapse: (s: number) => Promise<void>, close = async () => {}, ring: Keyring = keyring): DayStoreHarness {
  return {
    store: new SealedDayStore(cache, ring, { clock, holdMs: 1000, rollUpTtlSeconds: 3600 }),
    userKey: (userId) => ring.userKey(`secret-of-${userId}`, userId),
    elapse,
    close,
  };
}

const onMemory = (wrap: (cache: InMemoryDayCache) => DayCache, ring?: Keyring) => async () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  return harness(wrap(new InMemoryDayCache(clock)), clock, async (s) => clock.advance(s * 1000), undefined, ring);
};

dayStoreContract(
  'sealed, on the memory day cache',
  onMemory((cache) => cache),
);
dayStoreContract(
  'sealed, on the fallback decorator over memory, store up',
  onMemory((cache) => new FallbackDayCache(cache, () => {})),
);
dayStoreContract('sealed, on a day cache and keyring offering only their ports', onMemory(portOnlyCache, portOnlyKeyring(keyring)));

await describeWithServices('DayStore on Redis', ['redis'], () => {
  dayStoreContract('sealed, on the Redis day cache', async () => {
    const client = await connectedRedis(REDIS_URL);
    return harness(
      new RedisDayCache(client),
      new SystemClock(),
      (s) => pause(s * 1000),
      async () => void (await client.quit()),
    );
  });
});
