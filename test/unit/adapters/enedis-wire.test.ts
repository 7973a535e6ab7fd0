import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusalOf, retryAfterMs } from '../../../adapters/enedis/enedis-errors.js';
import { parseV2026Readings } from '../../../adapters/enedis/wire-2026.js';
import { parseV5Customer, parseV5Readings } from '../../../adapters/enedis/wire-v5.js';
import type { LocalDate } from '../../../domain/local-date.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/enedis/${name}`, import.meta.url), 'utf8'));
const range = (start: string, end: string) => ({ start: start as LocalDate, end: end as LocalDate });

describe("Enedis' wire formats", () => {
  it('when v5 daily consumption is read, then values are numbers in Wh and the quality is kept', () => {
    const readings = parseV5Readings('consumption:daily', fixture('v5-daily_consumption.json'), range('2025-01-01', '2025-01-08'));
    expect(readings).toHaveLength(7);
    expect(readings![0]).toEqual({ date: '2025-01-01', value: 15896, quality: 'BRUT' });
  });

  it('when a v5 fall-back day curve is read, then 50 distinct points start at 00:00+02:00 and end at 23:30+01:00', () => {
    const readings = parseV5Readings('consumption:detail', fixture('v5-consumption_load_curve-fall-back.json'), range('2025-10-26', '2025-10-27'))!;
    const dates = readings.map((r) => r.date);
    expect(dates).toHaveLength(50);
    expect(new Set(dates).size).toBe(50);
    expect(dates[0]).toBe('2025-10-26T00:00:00+02:00');
    expect(dates.slice(4, 8)).toEqual(['2025-10-26T02:00:00+02:00', '2025-10-26T02:30:00+02:00', '2025-10-26T02:00:00+01:00', '2025-10-26T02:30:00+01:00']);
    expect(dates.at(-1)).toBe('2025-10-26T23:30:00+01:00');
    expect(readings[0]).toMatchObject({ interval_length: 'PT30M', measure_type: 'B', quality: 'BRUT' });
  });

  it('when a v5 spring-forward day curve is read, then 46 points skip from 01:30+01:00 to 03:00+02:00', () => {
    const dates = parseV5Readings('consumption:detail', fixture('v5-consumption_load_curve-spring-forward.json'), range('2025-03-30', '2025-03-31'))!.map(
      (r) => r.date,
    );
    expect(dates).toHaveLength(46);
    expect(dates.slice(2, 5)).toEqual(['2025-03-30T01:00:00+01:00', '2025-03-30T01:30:00+01:00', '2025-03-30T03:00:00+02:00']);
  });

  it('when an ordinary day curve is read for a range that excludes it, then nothing is kept', () => {
    expect(parseV5Readings('consumption:detail', fixture('v5-consumption_load_curve-ordinary-day.json'), range('2025-01-11', '2025-01-12'))).toEqual([]);
    expect(parseV5Readings('consumption:detail', fixture('v5-consumption_load_curve-ordinary-day.json'), range('2025-01-10', '2025-01-11'))).toHaveLength(48);
  });

  it('when v5 max power is read, then each reading is stamped at the peak instant with the Paris offset, in VA', () => {
    const readings = parseV5Readings('consumption:max_power', fixture('v5-daily_consumption_max_power.json'), range('2025-01-01', '2025-01-04'))!;
    expect(readings[0]).toEqual({ date: '2025-01-01T19:04:12+01:00', value: 2119, quality: 'BRUT' });
  });

  it('when values are "null", missing or not numbers, then those readings are dropped', () => {
    const body = {
      meter_reading: {
        quality: 'BRUT',
        reading_type: { unit: 'Wh' },
        interval_reading: [
          { value: '100', date: '2025-01-01' },
          { value: 'null', date: '2025-01-02' },
          { date: '2025-01-03' },
          { value: '', date: '2025-01-04' },
          { value: '7', date: '2024-12-31' },
        ],
      },
    };
    expect(parseV5Readings('consumption:daily', body, range('2025-01-01', '2025-01-05'))).toEqual([{ date: '2025-01-01', value: 100, quality: 'BRUT' }]);
  });

  it('when the body is not a meter reading, then parsing says so', () => {
    expect(parseV5Readings('consumption:daily', { something: 'else' }, range('2025-01-01', '2025-01-05'))).toBeNull();
    expect(parseV5Customer('contract', { nope: true })).toBeNull();
  });

  it('when 2026 daily and curve answers are read, then they give the same shape as v5', () => {
    const daily = parseV2026Readings('consumption:daily', fixture('v2026-consommation_quotidienne.json'), range('2025-01-01', '2025-01-04'));
    expect(daily).toEqual([
      { date: '2025-01-01', value: 15896, quality: 'BRUT' },
      { date: '2025-01-02', value: 18139, quality: 'BRUT' },
      { date: '2025-01-03', value: 22198, quality: 'BRUT' },
    ]);
    const curve = parseV2026Readings('consumption:detail', fixture('v2026-courbe_de_charge_consommation.json'), range('2025-01-10', '2025-01-11'))!;
    expect(curve).toHaveLength(48);
    expect(curve[0]).toEqual({ date: '2025-01-10T00:00:00+01:00', value: 705, quality: 'BRUT', interval_length: 'PT30M', measure_type: 'B' });
  });

  it('when v5 customer answers are read, then they pass through in the Enedis shape', () => {
    expect(parseV5Customer('contract', fixture('v5-contracts.json'))?.customer.usage_points[0]?.contracts.subscribed_power).toBe('9 kVA');
    expect(parseV5Customer('address', fixture('v5-addresses.json'))?.customer.usage_points[0]?.usage_point.usage_point_addresses.city).toBe('COLMAR');
    expect(parseV5Customer('customer', fixture('v5-identity.json'))?.customer.identity.natural_person?.lastname).toBe('Martin');
    expect(parseV5Customer('contact', fixture('v5-contact_data.json'))?.customer.contact_data.email).toBe('jeanne.martin@example.org');
  });
});

describe("Enedis' errors", () => {
  it.each([
    ['v5-error-ADAM-DC-0008-no-consent.json', 403, 'NoConsent'],
    ['v5-error-ADAM-ERR0069-wrong-direction.json', 400, 'WrongDirection'],
    ['v5-error-ADAM-ERR0123-before-activation.json', 400, 'BeforeActivation'],
    ['v5-error-ADAM-ERR0126-span.json', 400, 'SpanTooLong'],
  ])('when %s comes back, then it means %s', (file, status, kind) => {
    expect(refusalOf(status, fixture(file), 'metering_data_dc').kind).toBe(kind);
  });

  it.each([
    [{ error: 'ADAM_DC_0008' }, 403, 'NoConsent'],
    [{ error: 'ADAM-DC-0007' }, 403, 'NotHolder'],
    [{ error: 'ADAM-ERR0125' }, 400, 'BeyondHistory'],
    [{ error: 'ADAM-DC-0016' }, 400, 'BeyondHistory'],
    [{ error: 'ADAM-DC-0015' }, 400, 'SpanTooLong'],
    [{ error: 'no_data_found' }, 404, 'NoData'],
    [{ error: 'STM-ERR-0000020' }, 404, 'NoData'],
    [{ error: 'STM-ERR-0000014' }, 404, 'NoData'],
    [{ error: 'STM-ERR-0000019' }, 404, 'NoConsent'],
    [{ code: 'ADAM-ERR0069', message: 'sens' }, 400, 'WrongDirection'],
    [{ error: 'technical_error' }, 500, 'UpstreamUnavailable'],
    [{ error: 'invalid_token' }, 401, 'UpstreamUnavailable'],
    [{ error: 'Invalid_request', error_description: 'bad date' }, 400, 'BadUpstreamData'],
  ])('when %j comes with %i, then it means %s', (body, status, kind) => {
    expect(refusalOf(status, body, 'metering_data_dc').kind).toBe(kind);
  });

  it('when a 429 says when to come back, in the header or any body format, then the wait is known', () => {
    const now = Date.parse('2026-07-17T04:59:30Z');
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }), null, now)).toBe(3000);
    expect(retryAfterMs(new Headers(), { nextAccessTime: '2026-Jul-17 05:00:00+0000 UTC' }, now)).toBe(30_000);
    expect(retryAfterMs(new Headers(), { error: '429', error_description: 'Quota Q4 reached Call threshold allowed on 0:-30:-40' }, now)).toBe(30_000);
    expect(retryAfterMs(new Headers(), { error: '429', error_description: 'Quota Q3 reached' }, now)).toBe(1000);
    expect(retryAfterMs(new Headers(), { fault: { code: 900807, message: 'Message throttled out' } }, now)).toBeNull();
  });
});
