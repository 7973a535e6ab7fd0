import { describe, expect, it } from 'vitest';
import { dayKeyString } from '../../../domain/cache-key.js';
import { textOf } from '../../../adapters/sealed/json-bytes.js';
import { err, ok } from '../../../domain/result.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { UsagePointId } from '../../../domain/usage-point-id.js';
import { rangeLength } from '../../../domain/date-range.js';
import { buildUseCases } from '../../support/use-cases.js';
import type { IntervalReading } from '../../../domain/metering.js';

const MAIN = '12345678901234';
const APARTMENT = '98765432109876';

/** A cached read of daily consumption over [start, end) of a meter. */
const daily = (start: string, end: string, usagePointId = MAIN) => ({ kind: 'consumption:daily' as const, usagePointId, start, end, useCache: true });

describe('reading metering data through the day cache', () => {
  it('when a year of daily consumption is read cold, then one provider call serves it, and a repeat none', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = daily('2025-01-01', '2026-01-01');

    const cold = await useCases.readMeterData(principal, request);
    expect(cold.ok && cold.value.readings).toHaveLength(365);
    expect(provider.calls).toHaveLength(1);
    expect(cold.ok && cold.value.quota?.limit).toBe(50);

    const warm = await useCases.readMeterData(principal, request);
    expect(provider.calls).toHaveLength(1);
    expect(warm.ok && warm.value.cachedDays).toBe(365);
    expect(warm.ok && warm.value.quota?.limit).toBe(1000);
    expect(warm.ok && warm.value.readings).toEqual(cold.ok && cold.value.readings);
  });

  it('when part of a range is cached, then only the missing runs are asked for, one call each', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const read = (start: string, end: string) => useCases.readMeterData(principal, daily(start, end));
    await read('2025-01-10', '2025-01-20');
    provider.reset();

    const answer = await read('2025-01-01', '2025-02-01');
    expect(provider.calls.map((c) => c.range)).toEqual([
      { start: '2025-01-01', end: '2025-01-10' },
      { start: '2025-01-20', end: '2025-02-01' },
    ]);
    expect(answer.ok && answer.value.readings.map((r) => r.date)).toHaveLength(31);
    expect(answer.ok && answer.value.cachedDays).toBe(10);
  });

  it('when thirty days of load curve are read cold, then calls are split at seven days and DST days keep their 46 or 50 points', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const answer = await useCases.readMeterData(principal, {
      kind: 'consumption:detail',
      usagePointId: MAIN,
      start: '2025-10-01',
      end: '2025-10-31',
      useCache: true,
    });
    expect(provider.calls.map((c) => rangeLength(c.range!))).toEqual([7, 7, 7, 7, 2]);
    const points = answer.ok ? answer.value.readings : [];
    expect(points).toHaveLength(29 * 48 + 50);
    expect(points.filter((p) => p.date.startsWith('2025-10-26'))).toHaveLength(50);
    expect(answer.ok && answer.value.missing).toEqual([]);
  });

  it('when the range runs past yesterday and before the history limit, then those days are reported missing and never asked for', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const answer = await useCases.readMeterData(principal, {
      kind: 'consumption:detail',
      usagePointId: MAIN,
      start: '2024-11-20',
      end: '2026-11-26',
      useCache: true,
    });
    expect(answer.ok && answer.value.missing).toEqual([
      { start: '2024-11-20', end: '2024-11-23', reason: 'beyond_history', detail: null },
      { start: '2026-11-23', end: '2026-11-26', reason: 'not_yet_available', detail: 'data is published from J-1' },
    ]);
    expect(provider.calls.every((c) => c.range!.start >= '2024-11-23' && c.range!.end <= '2026-11-23')).toBe(true);
  });

  it("when Enedis has named the meter's first day, then earlier days are reported before_activation without a call for them", async () => {
    const { deps, useCases, provider, accountWithMeter } = buildUseCases();
    const { principal, pdl } = await accountWithMeter();
    await deps.pdls.update(pdl.id, { oldestAvailableDataDate: '2025-06-01' as LocalDate });
    const answer = await useCases.readMeterData(principal, daily('2025-05-01', '2025-07-01'));
    expect(answer.ok && answer.value.missing).toEqual([{ start: '2025-05-01', end: '2025-06-01', reason: 'before_activation', detail: null }]);
    expect(provider.calls.map((c) => c.range)).toEqual([{ start: '2025-06-01', end: '2025-07-01' }]);
  });

  it('when only the contract says the meter was activated inside the range, then Enedis is asked anyway: the contract is sometimes wrong', async () => {
    const { deps, useCases, provider, accountWithMeter } = buildUseCases();
    const { principal, pdl } = await accountWithMeter();
    await deps.pdls.update(pdl.id, { activationDate: '2025-06-01' as LocalDate });
    const answer = await useCases.readMeterData(principal, daily('2025-05-01', '2025-07-01'));
    expect(answer.ok && answer.value.readings).toHaveLength(61);
    expect(provider.calls.map((c) => c.range)).toEqual([{ start: '2025-05-01', end: '2025-07-01' }]);
  });

  it('when two identical cold reads run at once, then one provider call serves both', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    provider.delayMs = 50;
    const request = daily('2025-01-01', '2025-03-01');
    const [a, b] = await Promise.all([useCases.readMeterData(principal, request), useCases.readMeterData(principal, request)]);
    expect(provider.calls).toHaveLength(1);
    expect(a.ok && a.value.readings).toEqual(b.ok && b.value.readings);
  });

  it('when the provider returns an incomplete curve day, then it is served and flagged but not cached', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const real = await buildUseCases().deps.provider.readings('consumption:detail', MAIN as UsagePointId, {
      start: '2025-02-03' as LocalDate,
      end: '2025-02-04' as LocalDate,
    });
    provider.answer = () => (real.ok ? ok(real.value.slice(0, 40)) : undefined);
    const request = { kind: 'consumption:detail' as const, usagePointId: MAIN, start: '2025-02-03', end: '2025-02-04', useCache: true };
    const first = await useCases.readMeterData(principal, request);
    expect(first.ok && first.value.readings).toHaveLength(40);
    expect(first.ok && first.value.missing).toEqual([{ start: '2025-02-03', end: '2025-02-04', reason: 'incomplete', detail: null }]);
    await useCases.readMeterData(principal, request);
    expect(provider.calls).toHaveLength(2);
  });

  it('when the provider fails, then the failure is the answer and nothing is cached', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    provider.answer = () => err({ kind: 'UpstreamUnavailable', message: 'Enedis is down' });
    const request = daily('2025-02-01', '2025-02-10');
    const failed = await useCases.readMeterData(principal, request);
    expect(failed).toEqual({ ok: false, error: { kind: 'UpstreamUnavailable', message: 'Enedis is down' } });
    provider.answer = null;
    const retried = await useCases.readMeterData(principal, request);
    expect(retried.ok && retried.value.readings).toHaveLength(9);
    expect(provider.calls).toHaveLength(2);
  });

  it('when some calls fail and others succeed, then the answer has the data and names the failed days', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    provider.answer = (_kind, range) => (range.start === '2025-02-08' ? err({ kind: 'UpstreamUnavailable', message: 'timeout' }) : undefined);
    const answer = await useCases.readMeterData(principal, {
      kind: 'consumption:detail',
      usagePointId: MAIN,
      start: '2025-02-01',
      end: '2025-02-15',
      useCache: true,
    });
    expect(answer.ok && answer.value.readings).toHaveLength(7 * 48);
    expect(answer.ok && answer.value.missing).toEqual([
      { start: '2025-02-08', end: '2025-02-15', reason: 'upstream_error', detail: 'UpstreamUnavailable: timeout' },
    ]);
  });

  it('when a past day has no data, then it is remembered briefly; when yesterday has none, it is asked again', async () => {
    const { useCases, provider, accountWithMeter, clock } = buildUseCases();
    const { principal } = await accountWithMeter();
    provider.answer = () => ok([]);
    const read = (start: string, end: string) => useCases.readMeterData(principal, daily(start, end));
    const first = await read('2026-11-10', '2026-11-23');
    expect(first.ok && first.value.missing).toEqual([{ start: '2026-11-10', end: '2026-11-23', reason: 'no_data', detail: null }]);
    provider.reset();
    await read('2026-11-10', '2026-11-23');
    expect(provider.calls.map((c) => c.range)).toEqual([{ start: '2026-11-22', end: '2026-11-23' }]);
    clock.advance(3_601_000);
    provider.reset();
    await read('2026-11-10', '2026-11-22');
    expect(provider.calls.map((c) => c.range)).toEqual([{ start: '2026-11-10', end: '2026-11-22' }]);
  });

  it('when values are cached, then they are sealed: the stored text holds no reading and another key cannot open it', async () => {
    const { deps, useCases, cache, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const answer = await useCases.readMeterData(principal, daily('2025-03-01', '2025-03-02'));
    const value = answer.ok ? answer.value.readings[0]!.value : 0;
    const key = { kind: 'consumption:daily' as const, usagePointId: MAIN as UsagePointId, date: '2025-03-01' as LocalDate };
    const [stored] = await cache.getMany([key]);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(String(value));
    expect(deps.keyring.open(deps.keyring.userKey('another secret', principal.user.id), stored!, dayKeyString(key))).toBeNull();
  });

  it('when a JWT-authenticated request follows a secret-authenticated one, then both use the same cache', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = daily('2025-04-01', '2025-05-01');
    await useCases.readMeterData(principal, request);
    const viaJwt = await useCases.readMeterData({ ...principal, clientSecret: null }, request);
    expect(viaJwt.ok && viaJwt.value.cachedDays).toBe(30);
    expect(provider.calls).toHaveLength(1);
  });

  it('when the secret is regenerated, then the cache is purged and the next read goes to the provider', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = daily('2025-04-01', '2025-05-01');
    await useCases.readMeterData(principal, request);
    const renewed = await useCases.regenerateSecret(principal);
    const after = await useCases.authenticate(renewed.ok ? renewed.value.clientSecret : '');
    expect(await useCases.authenticate(principal.clientSecret)).toMatchObject({ ok: false });
    const reread = await useCases.readMeterData(after.ok ? after.value : principal, request);
    expect(reread.ok && reread.value.cachedDays).toBe(0);
    expect(provider.calls).toHaveLength(2);
  });

  it('when use_cache is false, then the provider is asked even for cached days', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = { kind: 'consumption:daily' as const, usagePointId: MAIN, start: '2025-04-01', end: '2025-04-08' };
    await useCases.readMeterData(principal, { ...request, useCache: true });
    const fresh = await useCases.readMeterData(principal, { ...request, useCache: false });
    expect(provider.calls).toHaveLength(2);
    expect(fresh.ok && fresh.value.quota?.limit).toBe(50);
  });

  it('when another account names my meter, then it is not found; when my meter is deactivated, access is denied', async () => {
    const { useCases, accountWithMeter } = buildUseCases();
    const mine = await accountWithMeter(MAIN);
    const theirs = await accountWithMeter(APARTMENT);
    const request = { kind: 'consumption:daily' as const, start: '2025-04-01', end: '2025-04-08', useCache: true };
    expect(await useCases.readMeterData(theirs.principal, { ...request, usagePointId: MAIN })).toEqual({ ok: false, error: { kind: 'PdlNotFound' } });
    await useCases.updatePdl(mine.principal, MAIN, { isActive: false });
    expect(await useCases.readMeterData(mine.principal, { ...request, usagePointId: MAIN })).toEqual({ ok: false, error: { kind: 'PdlInactive' } });
  });

  it('when production is asked of a meter that does not produce, then it is refused without a provider call', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases();
    const { principal, pdl } = await accountWithMeter(APARTMENT);
    expect(pdl.hasProduction).toBe(false);
    const answer = await useCases.readMeterData(principal, {
      kind: 'production:daily',
      usagePointId: APARTMENT,
      start: '2025-04-01',
      end: '2025-04-08',
      useCache: true,
    });
    expect(answer.ok ? null : answer.error.kind).toBe('WrongDirection');
    expect(provider.calls).toHaveLength(0);
  });

  it('when a range exceeds what one request may ask, then end is named', async () => {
    const { useCases, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const answer = await useCases.readMeterData(principal, {
      kind: 'consumption:detail',
      usagePointId: MAIN,
      start: '2020-01-01',
      end: '2026-01-01',
      useCache: true,
    });
    expect(answer.ok ? null : answer.error).toMatchObject({ kind: 'InvalidInput', field: 'end' });
  });

  it('when the provider says "before activation" and names the first day, then the meter remembers it and the rest is served', async () => {
    const { deps, useCases, provider, accountWithMeter } = buildUseCases({}, '2020-01-10T10:00:00Z');
    const { principal, pdl } = await accountWithMeter('11453290002823');
    await deps.pdls.update(pdl.id, { activationDate: null });
    const request = daily('2019-08-01', '2019-09-01', '11453290002823');
    const first = await useCases.readMeterData(principal, request);
    expect(first.ok && first.value.readings.map((r) => r.date)).toEqual(['2019-08-27', '2019-08-28', '2019-08-29', '2019-08-30', '2019-08-31']);
    expect(first.ok && first.value.missing).toEqual([{ start: '2019-08-01', end: '2019-08-27', reason: 'before_activation', detail: null }]);
    expect((await deps.pdls.findById(pdl.id))?.oldestAvailableDataDate).toBe('2019-08-27');
    provider.reset();
    const second = await useCases.readMeterData(principal, { ...request, start: '2019-07-01', end: '2019-08-30' });
    expect(provider.calls).toHaveLength(0);
    expect(second.ok && second.value.missing).toEqual([{ start: '2019-07-01', end: '2019-08-27', reason: 'before_activation', detail: null }]);
  });

  it('when a range was read once, then the next read, and reads inside it, take one cache round trip of one roll-up per year', async () => {
    const { useCases, cache, provider, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = daily('2025-01-01', '2025-05-20');
    const cold = await useCases.readMeterData(principal, request);
    let batches = 0;
    let keysAsked = 0;
    const getMany = cache.getMany.bind(cache);
    (cache as { getMany: typeof cache.getMany }).getMany = async (keys) => {
      batches++;
      keysAsked += keys.length;
      return getMany(keys);
    };
    const warm = await useCases.readMeterData(principal, request);
    expect(batches).toBe(1);
    expect(keysAsked).toBe(1);
    expect(provider.calls).toHaveLength(1);
    expect(warm.ok && warm.value.stored.json()).toBe(cold.ok && cold.value.stored.json());
    expect(warm.ok && warm.value.readings.map((r) => r.date)).toEqual(cold.ok ? rangeDaysOf('2025-01-01', '2025-05-20') : []);
    expect(warm.ok && warm.value.cachedDays).toBe(139);
    const inner = await useCases.readMeterData(principal, { ...request, start: '2025-02-10', end: '2025-03-05' });
    expect(inner.ok && inner.value.readings.map((r) => r.date)).toEqual(rangeDaysOf('2025-02-10', '2025-03-05'));
    expect(batches).toBe(2);
    expect(keysAsked).toBe(2);
  });

  it('when days have no data, then the roll-up stops before the first of them and the rest is read day by day', async () => {
    const { deps, useCases, cache, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter('42900589957123');
    const request = daily('2025-02-01', '2025-03-01', '42900589957123');
    const cold = await useCases.readMeterData(principal, request);
    const [rollUp] = await cache.getMany([{ kind: 'consumption:daily', usagePointId: '42900589957123' as UsagePointId, date: '2025' as LocalDate }]);
    const opened = JSON.parse(
      textOf(deps.keyring.open(deps.keyring.userKey(principal.clientSecret!, principal.user.id), rollUp!, 'consumption:daily:42900589957123:2025')!),
    );
    expect(opened.map((r: { date: string }) => r.date)).toEqual(['2025-02-01', '2025-02-02', '2025-02-03']);
    const again = await useCases.readMeterData(principal, request);
    expect(again.ok && again.value.missing.filter((m) => m.reason === 'no_data')).toHaveLength(4);
    expect(again.ok && again.value.stored.json()).toBe(cold.ok && cold.value.stored.json());
  });

  it('when recent days are read, then the roll-up stops at the day before yesterday, and yesterday is read on its own', async () => {
    const { deps, useCases, cache, accountWithMeter } = buildUseCases();
    const { principal } = await accountWithMeter();
    const request = daily('2026-10-01', '2026-11-23');
    const cold = await useCases.readMeterData(principal, request);
    const [year] = await cache.getMany([{ kind: 'consumption:daily' as const, usagePointId: MAIN as UsagePointId, date: '2026' as LocalDate }]);
    const opened = JSON.parse(
      textOf(deps.keyring.open(deps.keyring.userKey(principal.clientSecret!, principal.user.id), year!, 'consumption:daily:12345678901234:2026')!),
    );
    expect([opened[0].date, opened.at(-1).date]).toEqual(['2026-10-01', '2026-11-21']);
    const warm = await useCases.readMeterData(principal, request);
    expect(warm.ok && warm.value.stored.json()).toBe(cold.ok && cold.value.stored.json());
    expect(warm.ok && warm.value.cachedDays).toBe(53);
  });
});

function rangeDaysOf(start: string, end: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) < end; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}

describe('readings whatever the order of their keys', () => {
  it('when a provider writes its readings as {value, date}, then cached years are counted and sliced as when date comes first', async () => {
    const { useCases, provider, accountWithMeter } = buildUseCases({}, '2026-11-23T10:00:00Z');
    const { principal } = await accountWithMeter();
    const inner = provider.answer;
    provider.answer = (kind, range) => {
      void inner;
      const days: IntervalReading[] = [];
      for (let d = new Date(`${range.start}T00:00:00Z`); d.toISOString().slice(0, 10) < range.end; d = new Date(d.getTime() + 86_400_000)) {
        // Keys in another order than the gateway's own readings.
        days.push({ value: 1000 + d.getUTCDate(), quality: 'BRUT', date: d.toISOString().slice(0, 10) } as unknown as IntervalReading);
      }
      return ok(days);
    };
    const year = daily('2025-01-01', '2026-01-01');
    const first = await useCases.readMeterData(principal, year);
    const calls = provider.calls.length;
    const again = await useCases.readMeterData(principal, year);
    expect(provider.calls.length).toBe(calls);
    expect(again.ok && again.value.cachedDays).toBe(365);
    expect(again.ok && again.value.missing).toEqual([]);
    expect(again.ok && again.value.readings).toEqual(first.ok && first.value.readings);
    expect(again.ok && again.value.readings).toHaveLength(365);
    const march = await useCases.readMeterData(principal, { ...year, start: '2025-03-01', end: '2025-04-01' });
    expect(march.ok && march.value.readings.map((r) => r.date)).toEqual(Array.from({ length: 31 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`));
    expect(march.ok && march.value.cachedDays).toBe(31);
    expect(march.ok && march.value.missing).toEqual([]);
  });
});
