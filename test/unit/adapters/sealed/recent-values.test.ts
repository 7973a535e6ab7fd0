import { describe, expect, it } from 'vitest';
import { InMemoryDayCache } from '../../../../adapters/memory/day-cache.memory.js';
import { NodeCryptoKeyring } from '../../../../adapters/node-crypto/keyring.node-crypto.js';
import { textOf, utf8 } from '../../../../adapters/sealed/json-bytes.js';
import { OpenedValues } from '../../../../adapters/sealed/opened-values.js';
import type { UserKey } from '../../../../ports/keyring.js';
import { ManualClock } from '../../../support/clock.js';
import type { LocalDate } from '../../../../domain/local-date.js';
import { RecentValues } from '../../../../adapters/sealed/recent-values.js';
import type { UsagePointId } from '../../../../domain/usage-point-id.js';
import { buildUseCases } from '../../../support/use-cases.js';

describe('values just read', () => {
  it('when a value is held, then it is offered only to the same key, for the time allowed, each use making it last longer', () => {
    let now = 0;
    const recent = new RecentValues<object>(1000, 64, () => now);
    const [alice, bob] = [{}, {}];
    const v1 = utf8('v1');
    recent.remember('k', alice, v1, utf8('[1]'));
    const held = recent.held('k', alice);
    expect(held?.version).toBe(v1);
    expect(held?.plaintext).toEqual(utf8('[1]'));
    expect(recent.held('k', bob)).toBeNull();
    now = 999;
    expect(recent.held('k', alice)).toBe(held);
    recent.used('k', held!);
    now = 1500;
    expect(recent.held('k', alice)?.version).toBe(v1);
    now = 2000;
    expect(recent.held('k', alice)).toBeNull();
  });

  it('when more than the byte budget is remembered, then the oldest go first', () => {
    const recent = new RecentValues<object>(1000, 40, () => 0);
    const key = {};
    for (const name of ['a', 'b', 'c']) recent.remember(name, key, utf8(name), new Uint8Array(15));
    expect(recent.held('a', key)).toBeNull();
    expect(recent.held('b', key)).not.toBeNull();
    expect(recent.held('c', key)).not.toBeNull();
  });
});

describe('reading a cached year again', () => {
  it('when the cache still holds what was read, then it is neither sent again nor decrypted again, and the answer is the same', async () => {
    const { deps, useCases, accountWithMeter } = buildUseCases({ lookupMemoMs: 1000 });
    const { principal } = await accountWithMeter();
    const request = { kind: 'consumption:daily' as const, usagePointId: '12345678901234', start: '2025-01-01', end: '2026-01-01', useCache: true };
    const cold = await useCases.readMeterData(principal, request);
    const warm = await useCases.readMeterData(principal, request);
    let opens = 0;
    const open = deps.keyring.open.bind(deps.keyring);
    (deps.keyring as { open: typeof open }).open = (...args) => {
      opens++;
      return open(...args);
    };
    const again = await useCases.readMeterData(principal, request);
    expect(opens).toBe(0);
    expect(again.ok && again.value.stored.json()).toBe(cold.ok && cold.value.stored.json());
    expect(again.ok && again.value.cachedDays).toBe(365);
    expect(warm.ok && warm.value.stored.json()).toBe(cold.ok && cold.value.stored.json());
  });

  it('when the value was written again meanwhile, then the new one is read and opened', async () => {
    const { deps, useCases, cache, accountWithMeter } = buildUseCases({ lookupMemoMs: 1000 });
    const { principal } = await accountWithMeter();
    const request = { kind: 'consumption:daily' as const, usagePointId: '12345678901234', start: '2025-01-01', end: '2025-01-11', useCache: true };
    await useCases.readMeterData(principal, request);
    await useCases.readMeterData(principal, request);
    // Another process re-seals the year's roll-up with different readings.
    const key = { kind: 'consumption:daily' as const, usagePointId: '12345678901234' as UsagePointId, date: '2025' as LocalDate };
    const userKey = deps.keyring.userKey(principal.clientSecret!, principal.user.id);
    const readings = Array.from({ length: 10 }, (_, i) => ({ date: `2025-01-${String(i + 1).padStart(2, '0')}`, value: 7, quality: 'CORRIGE' }));
    await cache.putMany([{ key, value: deps.keyring.seal(userKey, utf8(JSON.stringify(readings)), 'consumption:daily:12345678901234:2025'), ttlSeconds: 60 }]);
    const after = await useCases.readMeterData(principal, request);
    expect(after.ok && after.value.readings.map((r) => r.value)).toEqual(Array(10).fill(7));
  });

  it('when what the process held is forgotten while the cache answers "unchanged", then the value is still served', async () => {
    const clock = new ManualClock('2026-11-23T10:00:00Z');
    const cache = new InMemoryDayCache(clock);
    const keyring = new NodeCryptoKeyring(utf8('unit-test-server-key-0123456789abcdef'));
    const recent = new RecentValues<UserKey>(1000, 1024, () => clock.now().getTime());
    const values = new OpenedValues(cache, keyring, recent);
    const userKey = keyring.userKey('secret', 'user-1');
    const key = { kind: 'consumption:detail' as const, usagePointId: '12345678901234' as UsagePointId, date: '2025-03-03' as LocalDate };
    await cache.putMany([values.entry(key, userKey, utf8('[{"date":"2025-03-03T00:00:00+01:00","value":1}]'), 60)]);
    const first = await values.read([key], userKey);
    const getManyUnlessKnown = cache.getManyUnlessKnown.bind(cache);
    let unchanged = 0;
    cache.getManyUnlessKnown = async (keys, prefixes) => {
      // Forgotten (expired, evicted, cleared) while this read is on its way.
      recent.clear();
      const answers = await getManyUnlessKnown(keys, prefixes);
      unchanged += answers.filter((a) => a === 'unchanged').length;
      return answers;
    };
    const again = await values.read([key], userKey);
    expect(unchanged).toBe(1);
    expect(textOf(again[0]!)).toBe(textOf(first[0]!));
  });
});
