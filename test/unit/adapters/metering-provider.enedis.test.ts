import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnedisHttpProvider, type EnedisGeneration } from '../../../adapters/enedis/metering-provider.enedis.js';
import { LimiterUpstreamThrottle } from '../../../adapters/limiter/upstream-throttle.limiter.js';
import { createMemoryDatabase } from '../../../adapters/memory/memory-database.js';
import { InMemoryTokenStore } from '../../../adapters/memory/token-store.memory.js';
import type { LocalDate } from '../../../domain/local-date.js';
import type { UsagePointId } from '../../../domain/usage-point-id.js';
import { ManualClock } from '../../support/clock.js';

const BASE = 'https://enedis.test';
const PDL = '22516914714270' as UsagePointId;
const fixture = (name: string): JsonBodyType => JSON.parse(readFileSync(new URL(`../../fixtures/enedis/${name}`, import.meta.url), 'utf8'));
const range = (start: string, end: string) => ({ start: start as LocalDate, end: end as LocalDate });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  tokenCalls: number;
  tokenRequests: Array<{ authorization: string | null; body: string; contentType: string | null }>;
  data: Array<{ path: string; query: Record<string, string>; authorization: string | null }>;
}

let seen: Seen;
let clock: ManualClock;
let tokens: InMemoryTokenStore;

function provider(generation: EnedisGeneration = 'v5', timeoutMs = 2000) {
  return new EnedisHttpProvider({
    generation,
    baseUrl: BASE,
    authorizeUrl: 'https://consent.test/dataconnect/v1/oauth2/authorize',
    redirectUri: 'https://gateway.test/api/oauth/callback',
    clientId: 'app-id',
    clientSecret: 'app-secret',
    tokens,
    throttle: new LimiterUpstreamThrottle({ perSecond: 1000, perHour: 1_000_000 }),
    clock,
    timeoutMs,
    baseDelayMs: 1,
    maxDelayMs: 5,
    maxWaitMs: 3000,
  });
}

/** The token endpoint: issues `t1`, `t2`, ... valid `lifetime` seconds. */
function tokenEndpoint(lifetime = 12_600) {
  return http.post(`${BASE}/oauth2/v3/token`, async ({ request }) => {
    seen.tokenCalls++;
    seen.tokenRequests.push({
      authorization: request.headers.get('authorization'),
      body: await request.text(),
      contentType: request.headers.get('content-type'),
    });
    return HttpResponse.json({ access_token: `t${seen.tokenCalls}`, token_type: 'Bearer', expires_in: lifetime, scope: 'am_application_scope default' });
  });
}

function record(request: Request) {
  const url = new URL(request.url);
  seen.data.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: request.headers.get('authorization') });
}

beforeEach(() => {
  seen = { tokenCalls: 0, tokenRequests: [], data: [] };
  clock = new ManualClock('2026-11-23T10:00:00Z');
  tokens = new InMemoryTokenStore(createMemoryDatabase());
});

describe('EnedisHttpProvider: the application token', () => {
  it('when data is read three times, then one client-credentials token (Basic, form) serves all three and is stored', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, ({ request }) => {
        record(request);
        return HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    const p = provider();
    for (let i = 0; i < 3; i++) expect((await p.readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'))).ok).toBe(true);
    expect(seen.tokenCalls).toBe(1);
    expect(seen.tokenRequests[0]).toEqual({
      authorization: `Basic ${Buffer.from('app-id:app-secret').toString('base64')}`,
      body: 'grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(seen.data.map((d) => d.authorization)).toEqual(['Bearer t1', 'Bearer t1', 'Bearer t1']);
    expect(seen.data[0]!.query).toEqual({ usage_point_id: PDL, start: '2025-01-01', end: '2025-01-08' });
    expect((await tokens.find({ kind: 'application' }))?.accessToken).toBe('t1');
  });

  it('when many calls start with no token, then a single token request serves them all', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => HttpResponse.json(fixture('v5-daily_consumption.json'))),
    );
    const p = provider();
    await Promise.all(Array.from({ length: 8 }, () => p.readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'))));
    expect(seen.tokenCalls).toBe(1);
  });

  it('when the token is about to lapse, then it is refreshed before use', async () => {
    server.use(
      tokenEndpoint(600),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, ({ request }) => {
        record(request);
        return HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    const p = provider();
    await p.readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    clock.advance(545_000);
    await p.readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(seen.data.map((d) => d.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('when Enedis answers 401 to a token it issued, then the token is renewed and the call made once more', async () => {
    let rejected = 0;
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, ({ request }) => {
        record(request);
        if (request.headers.get('authorization') === 'Bearer t1') {
          rejected++;
          return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
        }
        return HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    const answer = await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok && answer.value).toHaveLength(7);
    expect(rejected).toBe(1);
    expect(seen.tokenCalls).toBe(2);
  });

  it('when the token endpoint refuses the credentials, then the answer is "unavailable" with the reason', async () => {
    server.use(http.post(`${BASE}/oauth2/v3/token`, () => HttpResponse.json({ error: 'invalid_client' }, { status: 401 })));
    const answer = await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok ? null : answer.error).toMatchObject({ kind: 'UpstreamUnavailable', message: expect.stringContaining('invalid_client') });
  });
});

/** The nextAccessTime format of Enedis' gateway, `seconds` from now. */
function nextAccess(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000);
  const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${at.getUTCFullYear()}-${month}-${String(at.getUTCDate()).padStart(2, '0')} ${at.toISOString().slice(11, 19)}+0000 UTC`;
}

describe('EnedisHttpProvider: answers and errors', () => {
  it('when Enedis refuses a span as too long, then it is halved and asked again', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_clc/v5/consumption_load_curve`, ({ request }) => {
        record(request);
        const url = new URL(request.url);
        if (url.searchParams.get('start') === '2025-10-20' && url.searchParams.get('end') === '2025-10-27') {
          return HttpResponse.json(fixture('v5-error-ADAM-ERR0126-span.json'), { status: 400 });
        }
        return HttpResponse.json(
          url.searchParams.get('start')! <= '2025-10-26' && url.searchParams.get('end')! > '2025-10-26'
            ? fixture('v5-consumption_load_curve-fall-back.json')
            : { meter_reading: { interval_reading: [] } },
        );
      }),
    );
    const answer = await provider().readings('consumption:detail', PDL, range('2025-10-20', '2025-10-27'));
    expect(seen.data.map((d) => `${d.query.start}/${d.query.end}`)).toEqual(['2025-10-20/2025-10-27', '2025-10-20/2025-10-24', '2025-10-24/2025-10-27']);
    expect(answer.ok && answer.value).toHaveLength(50);
  });

  it.each([
    ['right', '2013-08-14', 3],
    ['wrong', '2013-08-02', 11],
  ])(
    'when Enedis says "before activation" and the contract date is %s, then the first day with data is found by asking, in few calls',
    async (_case, truth, calls) => {
      const starts: string[] = [];
      server.use(
        tokenEndpoint(),
        http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, ({ request }) => {
          const start = new URL(request.url).searchParams.get('start')!;
          starts.push(start);
          return start < truth
            ? HttpResponse.json(fixture('v5-error-ADAM-ERR0123-before-activation.json'), { status: 400 })
            : HttpResponse.json({ meter_reading: { reading_type: { unit: 'Wh' }, interval_reading: [] } });
        }),
        // The contract says 2013-08-14.
        http.get(`${BASE}/customers_upc/v5/usage_points/contracts`, () => HttpResponse.json(fixture('v5-contracts.json'))),
      );
      const answer = await provider().readings('consumption:daily', PDL, range('2013-01-01', '2013-12-01'));
      expect(answer.ok ? null : answer.error).toMatchObject({ kind: 'BeforeActivation', oldestAvailable: truth });
      expect(starts).toHaveLength(calls);
    },
  );

  it.each([
    ['v5-error-ADAM-DC-0008-no-consent.json', 403, 'NoConsent'],
    ['v5-error-ADAM-ERR0069-wrong-direction.json', 400, 'WrongDirection'],
  ])('when Enedis answers %s, then the failure is %s and nothing is retried', async (file, status, kind) => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dp/v5/daily_production`, ({ request }) => {
        record(request);
        return HttpResponse.json(fixture(file), { status });
      }),
    );
    const answer = await provider().readings('production:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok ? null : answer.error.kind).toBe(kind);
    expect(seen.data).toHaveLength(1);
  });

  it('when Enedis fails with 5xx twice, then the third try succeeds; when it always fails, four tries then "unavailable"', async () => {
    let calls = 0;
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => {
        calls++;
        return calls <= 2
          ? HttpResponse.json({ error: 'technical_error', error_description: 'Technical error. Please try later.' }, { status: 500 })
          : HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    expect((await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'))).ok).toBe(true);
    expect(calls).toBe(3);
    server.use(http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => new HttpResponse('<html>503</html>', { status: 503 })));
    calls = 0;
    const failed = await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(failed.ok ? null : failed.error).toMatchObject({ kind: 'UpstreamUnavailable', message: expect.stringContaining('after 4 tries') });
  });

  it('when Enedis does not answer in time, then the call is abandoned and tried again', async () => {
    let calls = 0;
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, async () => {
        calls++;
        if (calls === 1) await delay('infinite');
        return HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    const started = Date.now();
    const answer = await provider('v5', 200).readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok).toBe(true);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('when Enedis throttles with Retry-After, then the call waits that long and succeeds', async () => {
    let calls = 0;
    const times: number[] = [];
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => {
        times.push(Date.now());
        return ++calls === 1
          ? HttpResponse.json({ error: '429' }, { status: 429, headers: { 'Retry-After': '1' } })
          : HttpResponse.json(fixture('v5-daily_consumption.json'));
      }),
    );
    expect((await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'))).ok).toBe(true);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('when Enedis says to come back in an hour, then the answer is "throttled" at once with that wait', async () => {
    let calls = 0;
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => {
        calls++;
        return HttpResponse.json({ code: '900804', message: 'Message throttled out', nextAccessTime: nextAccess(3600) }, { status: 429 });
      }),
    );
    const answer = await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok ? null : answer.error).toMatchObject({ kind: 'UpstreamThrottled' });
    expect(answer.ok ? 0 : (answer.error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3590);
    expect(calls).toBe(1);
  });

  it('when the answer is not a meter reading, then it is bad upstream data', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/metering_data_dc/v5/daily_consumption`, () => HttpResponse.json({ hello: 'world' })),
    );
    const answer = await provider().readings('consumption:daily', PDL, range('2025-01-01', '2025-01-08'));
    expect(answer.ok ? null : answer.error.kind).toBe('BadUpstreamData');
  });
});

describe('EnedisHttpProvider: the 2026 API', () => {
  it('when daily consumption is read, then mesure_synchrone_auto/v2 is asked with pointId, dateDebut, dateFin', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${BASE}/mesure_synchrone_auto/v2/consommation_quotidienne`, ({ request }) => {
        record(request);
        return HttpResponse.json(fixture('v2026-consommation_quotidienne.json'));
      }),
    );
    const answer = await provider('2026').readings('consumption:daily', PDL, range('2025-01-01', '2025-01-04'));
    expect(seen.data[0]!.query).toEqual({ pointId: PDL, dateDebut: '2025-01-01', dateFin: '2025-01-04' });
    expect(answer.ok && answer.value.map((r) => r.value)).toEqual([15896, 18139, 22198]);
  });

  it('when a consent gives an autorisation_id, then subscribed_services resolves the active meters', async () => {
    let sent: unknown;
    server.use(
      tokenEndpoint(),
      http.post(`${BASE}/subscribed_services/v1`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({
          serviceSouscrit: [
            { pointId: '22516914714270', etatCode: 'ACTIF' },
            { pointId: '11453290002823', etatCode: 'DEMANDE' },
            { pointId: '32320647321714', etatCode: 'RESILIE' },
          ],
        });
      }),
    );
    const answer = await provider('2026').resolveConsent({ authorizationId: '123456789' });
    expect(sent).toEqual({ autorisationId: 123456789, comptage: false });
    expect(answer).toEqual({ ok: true, value: ['22516914714270', '11453290002823'] });
    // Not an integer: not one Enedis' consent page handed out, and Enedis is not asked.
    expect(await provider('2026').resolveConsent({ authorizationId: 'abc' })).toMatchObject({ ok: false, error: { kind: 'BadUpstreamData' } });
  });
});

describe('EnedisHttpProvider: consent', () => {
  it('when a consent URL is built, then every parameter is encoded and the duration is 36 months', () => {
    const url = new URL(provider().consentUrl('a b&c=d'));
    expect(url.origin + url.pathname).toBe('https://consent.test/dataconnect/v1/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-id',
      response_type: 'code',
      duration: 'P36M',
      state: 'a b&c=d',
      redirect_uri: 'https://gateway.test/api/oauth/callback',
    });
  });

  it('when a v5 consent lists usage points, then malformed ones are refused', async () => {
    expect(await provider().resolveConsent({ usagePointIds: ['22516914714270', '11453290002823'] })).toEqual({
      ok: true,
      value: ['22516914714270', '11453290002823'],
    });
    expect((await provider().resolveConsent({ usagePointIds: ['1234'] })).ok).toBe(false);
  });
});
