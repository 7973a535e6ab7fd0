import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MockRte } from '../../adapters/mock-rte/grid-signals.mock-rte.js';
import { RteGridSignals } from '../../adapters/rte/grid-signals.rte.js';
import type { LocalDate } from '../../domain/local-date.js';
import { ManualClock } from '../support/clock.js';
import { RTE_BASE, rteHandlers, type RteLog } from '../support/rte-double.js';
import { gridSignalsContract } from './grid-signals.contract.js';
import { LimiterUpstreamThrottle } from '../../adapters/limiter/upstream-throttle.limiter.js';
import { startGridRefresh } from '../../host/grid-refresh.js';
import type { Logger } from '../../host/logger.js';

const clock = new ManualClock('2026-01-20T08:00:00Z');
const log: RteLog = { tokens: 0, calendars: [], ecowatt: 0 };
const server = setupServer(...rteHandlers(clock, log));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rte = (id = 'rte-id') => new RteGridSignals({ clientId: id, clientSecret: 'rte-secret', baseUrl: RTE_BASE, timeoutMs: 2000 }, clock);
const at = (now: string) => {
  clock.set(new Date(now).toISOString());
};

gridSignalsContract('MockRte', {
  at: async (now) => {
    at(now);
    return new MockRte(clock);
  },
});
gridSignalsContract('RTE HTTP adapter on an msw double', {
  at: async (now) => {
    at(now);
    return rte();
  },
});

describe('RTE HTTP adapter beyond the contract', () => {
  const range = (start: string, end: string) => ({ start: start as LocalDate, end: end as LocalDate });

  it('when it gives Tempo days, then they are MockRte-identical in order, from one token, in spans of at most 366 days', async () => {
    at('2026-01-20T12:00:00+01:00');
    Object.assign(log, { tokens: 0, calendars: [], ecowatt: 0 });
    const adapter = rte();
    const span = range('2024-01-01', '2026-01-22');
    const answer = await adapter.tempoDays(span);
    expect(answer).toEqual(await new MockRte(clock).tempoDays(span));
    expect(log.tokens).toBe(1);
    expect(log.calendars.length).toBe(3);
    expect(log.calendars[0]).toEqual({ start: '2024-01-01T00:00:00+01:00', end: '2025-01-01T00:00:00+01:00' });
  });

  it('when days already given are asked again, then settled ones are not asked of RTE; recent ones are', async () => {
    at('2026-01-20T12:00:00+01:00');
    const adapter = rte();
    await adapter.tempoDays(range('2025-12-01', '2026-01-22'));
    Object.assign(log, { tokens: 0, calendars: [], ecowatt: 0 });
    const again = await adapter.tempoDays(range('2025-12-01', '2026-01-22'));
    expect(again.ok && again.value).toHaveLength(52);
    expect(log.calendars).toEqual([{ start: '2026-01-19T00:00:00+01:00', end: '2026-01-22T00:00:00+01:00' }]);
  });

  it('when RTE refuses, throttles, is down or answers nonsense, then a ProviderFailure comes back, never a throw', async () => {
    at('2026-01-20T12:00:00+01:00');
    expect(await rte('wrong-id').tempoDays(range('2026-01-01', '2026-01-02'))).toMatchObject({ ok: false, error: { kind: 'UpstreamUnavailable' } });
    const calendarUrl = `${RTE_BASE}/open_api/tempo_like_supply_contract/v1/tempo_like_calendars`;
    server.use(http.get(calendarUrl, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })));
    expect(await rte().tempoDays(range('2026-01-01', '2026-01-02'))).toMatchObject({ ok: false, error: { kind: 'UpstreamThrottled', retryAfterSeconds: 30 } });
    server.use(http.get(calendarUrl, () => HttpResponse.error()));
    expect(await rte().tempoDays(range('2026-01-01', '2026-01-02'))).toMatchObject({ ok: false, error: { kind: 'UpstreamUnavailable' } });
    server.use(
      http.get(calendarUrl, () => HttpResponse.json({ tempo_like_calendars: { values: [{ start_date: '2026-01-01T00:00:00+01:00', value: 'PURPLE' }] } })),
    );
    expect(await rte().tempoDays(range('2026-01-01', '2026-01-02'))).toMatchObject({ ok: false, error: { kind: 'BadUpstreamData' } });
    server.use(http.get(calendarUrl, () => new HttpResponse('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } })));
    expect(await rte().tempoDays(range('2026-01-01', '2026-01-02'))).toMatchObject({ ok: false, error: { kind: 'BadUpstreamData' } });
  });

  it('when EcoWatt is asked again and again, then RTE is called at most once every 15 minutes, and the days it gave stay', async () => {
    at('2026-01-20T09:00:00+01:00');
    const adapter = rte();
    log.ecowatt = 0;
    const first = await adapter.ecowattDays(range('2026-01-20', '2026-01-24'));
    await adapter.ecowattDays(range('2026-01-20', '2026-01-24'));
    expect(log.ecowatt).toBe(1);
    expect(first).toEqual(await new MockRte(clock).ecowattDays(range('2026-01-20', '2026-01-24')));
    at('2026-01-20T09:16:00+01:00');
    await adapter.ecowattDays(range('2026-01-20', '2026-01-24'));
    expect(log.ecowatt).toBe(2);
    at('2026-01-25T09:00:00+01:00');
    const history = await adapter.ecowattDays(range('2026-01-20', '2026-01-22'));
    expect(history.ok && history.value.map((d) => d.date)).toEqual(['2026-01-20', '2026-01-21']);
    expect(log.ecowatt).toBe(2);
    server.use(
      http.get(`${RTE_BASE}/open_api/ecowatt/v5/signals`, () =>
        HttpResponse.json({ signals: [{ jour: '2026-01-25T00:00:00+01:00', values: [{ pas: 30, hvalue: 9 }] }] }),
      ),
    );
    expect(await adapter.ecowattDays(range('2026-01-25', '2026-01-26'))).toMatchObject({ ok: false, error: { kind: 'BadUpstreamData' } });
  });

  it('when RTE answers national consumption it cannot read, then BadUpstreamData, never a throw', async () => {
    at('2026-01-20T12:00:00+01:00');
    server.use(http.get(`${RTE_BASE}/open_api/consumption/v1/short_term`, () => HttpResponse.json({ short_term: [{ type: 'TOMORROW', values: [] }] })));
    const now = Date.parse('2026-01-20T12:00:00+01:00');
    expect(await rte().nationalConsumption(['REALISED'], now - 3_600_000, now)).toMatchObject({ ok: false, error: { kind: 'BadUpstreamData' } });
  });

  it('when calls go through a shared budget, then a spent budget answers throttled without calling RTE, and a 429 holds that API back', async () => {
    at('2026-01-20T12:00:00+01:00');
    const now = Date.parse('2026-01-20T12:00:00+01:00');
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('/consumption/')) calls++;
      return fetch(input, init);
    };
    const budget = new LimiterUpstreamThrottle({ perSecond: 5, perHour: 2 });
    const adapter = new RteGridSignals({ clientId: 'rte-id', clientSecret: 'rte-secret', baseUrl: RTE_BASE, timeoutMs: 2000 }, clock, counting, budget);
    expect((await adapter.nationalConsumption(['REALISED'], now - 3_600_000, now)).ok).toBe(true);
    expect((await adapter.nationalConsumption(['REALISED'], now - 3_600_000, now)).ok).toBe(true);
    expect(await adapter.nationalConsumption(['REALISED'], now - 3_600_000, now)).toMatchObject({ ok: false, error: { kind: 'UpstreamThrottled' } });
    expect(calls).toBe(2);
    expect((await budget.budget('rte:consumption')).usedThisHour).toBe(2);
    // Another RTE API has a budget of its own; RTE's 429 pauses it.
    server.use(
      http.get(`${RTE_BASE}/open_api/generation_forecast/v2/forecasts`, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } })),
    );
    expect(await adapter.generationForecast(['SOLAR'], ['D-1'], now, now + 3_600_000)).toMatchObject({ ok: false, error: { kind: 'UpstreamThrottled' } });
    expect((await budget.budget('rte:generation_forecast')).pausedUntil?.getTime()).toBeGreaterThan(Date.now() + 100_000);
  });

  it('when the refresh runs a pass, then the Tempo year and EcoWatt are fetched, and a failing RTE is logged, never thrown', async () => {
    at('2026-01-20T12:00:00+01:00');
    const warnings: string[] = [];
    const logger = { debug: () => {}, warn: (_o: unknown, message: string) => warnings.push(message) } as unknown as Logger;
    const refresh = startGridRefresh(new MockRte(clock), clock, 0, logger);
    expect(await refresh.pass()).toEqual({ tempo: 143, ecowatt: 4 }); // 1 September to 21 January (published at 11:00); today and three days
    const failing = startGridRefresh(rte('wrong-id'), clock, 0, logger);
    expect(await failing.pass()).toEqual({ tempo: null, ecowatt: null });
    expect(warnings).toHaveLength(2);
  });
});
