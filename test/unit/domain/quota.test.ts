import { describe, expect, it } from 'vitest';
import { buildUseCases } from '../../support/use-cases.js';

const MAIN = '12345678901234';

describe('daily quotas', () => {
  it('when a user makes more uncached requests than allowed, then the next is refused until Paris midnight', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ quota: { cached: 1000, uncached: 3 } }, '2026-11-23T21:30:00Z');
    const { principal } = await accountWithMeter();
    const read = (day: number) =>
      useCases.readMeterData(principal, {
        kind: 'consumption:daily',
        usagePointId: MAIN,
        start: `2025-01-${String(day).padStart(2, '0')}`,
        end: `2025-01-${String(day + 1).padStart(2, '0')}`,
        useCache: true,
      });
    const answers = [await read(1), await read(2), await read(3)];
    expect(answers.map((a) => a.ok && a.value.quota?.remaining)).toEqual([2, 1, 0]);
    const refused = await read(4);
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'QuotaExceeded', bucket: 'uncached', limit: 3, resetAt: new Date('2026-11-23T23:00:00Z') },
    });
  });

  it('when the uncached quota is spent, then cached days are still served from the cached quota', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ quota: { cached: 1000, uncached: 1 } });
    const { principal } = await accountWithMeter();
    const request = { kind: 'consumption:daily' as const, usagePointId: MAIN, start: '2025-01-01', end: '2025-02-01', useCache: true };
    expect((await useCases.readMeterData(principal, request)).ok).toBe(true);
    const again = await useCases.readMeterData(principal, request);
    expect(again.ok && again.value.quota).toMatchObject({ limit: 1000, used: 1 });
    const other = await useCases.readMeterData(principal, { ...request, start: '2025-03-01', end: '2025-03-02' });
    expect(other.ok ? null : other.error.kind).toBe('QuotaExceeded');
  });

  it('when Paris midnight passes, then the quota starts again', async () => {
    const { useCases, clock, accountWithMeter } = buildUseCases({ quota: { cached: 1000, uncached: 1 } }, '2026-07-01T21:00:00Z');
    const { principal } = await accountWithMeter();
    const read = (start: string, end: string) =>
      useCases.readMeterData(principal, { kind: 'consumption:daily', usagePointId: MAIN, start, end, useCache: true });
    expect((await read('2025-01-01', '2025-01-02')).ok).toBe(true);
    expect((await read('2025-01-02', '2025-01-03')).ok).toBe(false);
    clock.set('2026-07-01T22:00:01Z');
    expect((await read('2025-01-02', '2025-01-03')).ok).toBe(true);
  });

  it('when the account is an admin by ADMIN_EMAILS, then nothing is counted', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ quota: { cached: 1, uncached: 1 } });
    const { principal } = await accountWithMeter(MAIN, 'admin@example.org');
    expect(principal.role).toBe('admin');
    for (let day = 1; day <= 3; day++) {
      const answer = await useCases.readMeterData(principal, {
        kind: 'consumption:daily',
        usagePointId: MAIN,
        start: `2025-01-0${day}`,
        end: `2025-01-0${day + 1}`,
        useCache: true,
      });
      expect(answer.ok && answer.value.quota).toBeNull();
    }
    expect((await useCases.usageStatus(principal)).unlimited).toBe(true);
  });

  it('when many requests race, then exactly the limit is let through', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ quota: { cached: 1000, uncached: 10 } });
    const { principal } = await accountWithMeter();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        useCases.readMeterData(principal, {
          kind: 'consumption:daily',
          usagePointId: MAIN,
          start: `2024-0${1 + (i % 9)}-${String(1 + Math.floor(i / 9)).padStart(2, '0')}`,
          end: `2024-0${1 + (i % 9)}-${String(2 + Math.floor(i / 9)).padStart(2, '0')}`,
          useCache: true,
        }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    const status = await useCases.usageStatus(principal);
    expect(status.uncached).toMatchObject({ used: 10, remaining: 0, limit: 10 });
  });

  it('when requests are counted in the statistics, then the shared counters are told at most once a second, and a read sees every count', async () => {
    const { deps, useCases, clock, accountWithMeter } = buildUseCases({ adminEmails: ['stats@example.org'] });
    const { principal: admin } = await accountWithMeter(MAIN, 'stats@example.org');
    const { principal } = await accountWithMeter('98765432109876');
    const adds: string[][] = [];
    const add = deps.counters.add.bind(deps.counters);
    (deps.counters as { add: typeof add }).add = (day, counts, ttl) => {
      adds.push([...counts.keys()].sort());
      return add(day, counts, ttl);
    };
    const request = { kind: 'consumption:daily' as const, usagePointId: '98765432109876', start: '2025-01-01', end: '2025-01-08', useCache: true };
    for (let i = 0; i < 5; i++) expect((await useCases.readMeterData(principal, request)).ok).toBe(true);
    // The stats of the first requests were in the tally while the clock had not moved: none told yet.
    expect(adds).toEqual([]);
    clock.advance(1000);
    expect((await useCases.readMeterData(principal, request)).ok).toBe(true);
    // One flush, one round trip, for the three counters of the day.
    expect(adds).toEqual([['requests_cached', 'requests_uncached', 'upstream_calls']]);
    const stats = await useCases.admin.stats(admin);
    expect(stats.ok && { requests: stats.value.requestsToday, upstream: stats.value.upstreamCallsToday }).toEqual({
      requests: { cached: 5, uncached: 1 },
      upstream: 1,
    });
  });
});
