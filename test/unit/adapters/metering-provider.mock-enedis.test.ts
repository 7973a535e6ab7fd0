import { describe, expect, it } from 'vitest';
import { MockEnedisProvider } from '../../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { rangeDays } from '../../../domain/date-range.js';
import { addDays, type LocalDate } from '../../../domain/local-date.js';
import type { IntervalReading, MeteringKind } from '../../../domain/metering.js';
import { parisHourOfDay } from '../../../domain/paris-time.js';
import type { UsagePointId } from '../../../domain/usage-point-id.js';
import { ManualClock } from '../../support/clock.js';

const clock = new ManualClock('2026-11-23T10:00:00Z');
const provider = new MockEnedisProvider(clock);
const MAIN = '12345678901234' as UsagePointId;
const APARTMENT = '98765432109876' as UsagePointId;

async function read(kind: MeteringKind, usagePointId: UsagePointId, start: string, end: string): Promise<IntervalReading[]> {
  const answer = await provider.readings(kind, usagePointId, { start: start as LocalDate, end: end as LocalDate });
  if (!answer.ok) throw new Error(`${answer.error.kind}: ${answer.error.message}`);
  return answer.value;
}

describe('MockEnedis', () => {
  it('when the demo meter reads 2024, then every day is between 15 and 25 kWh, winter above summer', async () => {
    const first = await read('consumption:daily', MAIN, '2024-01-01', '2024-12-31');
    const values = first.map((r) => r.value);
    expect(values).toHaveLength(365);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(15_000);
    expect(Math.max(...values)).toBeLessThanOrEqual(25_000);
    const mean = (month: string) => {
      const days = first.filter((r) => r.date.slice(5, 7) === month).map((r) => r.value);
      return days.reduce((a, b) => a + b, 0) / days.length;
    };
    expect(mean('01')).toBeGreaterThan(mean('07') * 1.4);
    expect(first[0]).toEqual({ date: '2024-01-01', value: expect.any(Number), quality: 'CORRIGE' });
  });

  it('when the same day is asked twice, also from another instance, then the answer is identical', async () => {
    const again = new MockEnedisProvider(clock);
    const a = await read('consumption:detail', MAIN, '2025-05-05', '2025-05-06');
    const b = await again.readings('consumption:detail', MAIN, { start: '2025-05-05' as LocalDate, end: '2025-05-06' as LocalDate });
    expect(b.ok && b.value).toEqual(a);
  });

  it.each(['2025-03-30', '2025-10-26', '2025-07-14'])("when the curve of %s is integrated, then it equals that day's total exactly", async (day) => {
    const next = addDays(day as LocalDate, 1);
    const curve = await read('consumption:detail', MAIN, day, next);
    const [daily] = await read('consumption:daily', MAIN, day, next);
    expect(curve.reduce((sum, p) => sum + p.value / 2, 0)).toBe(daily!.value);
  });

  it('when max power is read, then it is at least the curve peak and at most the subscribed power', async () => {
    const days = rangeDays({ start: '2025-01-01' as LocalDate, end: '2025-01-15' as LocalDate });
    const maxima = await read('consumption:max_power', MAIN, '2025-01-01', '2025-01-15');
    expect(maxima).toHaveLength(days.length);
    for (const max of maxima) {
      const day = max.date.slice(0, 10);
      const curve = await read('consumption:detail', MAIN, day, addDays(day as LocalDate, 1));
      expect(max.value).toBeGreaterThanOrEqual(Math.max(...curve.map((p) => p.value)));
      expect(max.value).toBeLessThanOrEqual(9000);
      expect(max.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/);
    }
  });

  it('when production is read, then the sun does not shine at night and summer outproduces winter', async () => {
    const curve = await read('production:detail', MAIN, '2025-06-20', '2025-06-27');
    expect(curve.filter((p) => parisHourOfDay(Date.parse(p.date)) < 4 || parisHourOfDay(Date.parse(p.date)) >= 23).every((p) => p.value === 0)).toBe(true);
    expect(curve.some((p) => p.value > 0)).toBe(true);
    const summer = await read('production:daily', MAIN, '2025-06-01', '2025-09-01');
    const winter = await read('production:daily', MAIN, '2025-01-01', '2025-02-01');
    const avg = (rs: IntervalReading[]) => rs.reduce((a, r) => a + r.value, 0) / rs.length;
    expect(avg(summer)).toBeGreaterThan(12_000);
    expect(avg(winter)).toBeLessThan(6_000);
  });

  it('when a meter does not produce, then production is refused as wrong direction', async () => {
    const answer = await provider.readings('production:daily', APARTMENT, { start: '2025-01-01' as LocalDate, end: '2025-01-02' as LocalDate });
    expect(answer.ok ? null : answer.error.kind).toBe('WrongDirection');
  });

  it('when asked beyond the history or before activation, then it refuses like Enedis', async () => {
    const old = await provider.readings('consumption:detail', MAIN, { start: '2024-01-01' as LocalDate, end: '2024-01-02' as LocalDate });
    expect(old.ok ? null : old.error.kind).toBe('BeyondHistory');
    const early = await provider.readings('consumption:daily', '11453290002823' as UsagePointId, {
      start: '2024-01-01' as LocalDate,
      end: '2024-01-02' as LocalDate,
    });
    expect(early.ok).toBe(true);
    const young = new MockEnedisProvider(new ManualClock('2020-01-10T10:00:00Z'));
    const before = await young.readings('consumption:daily', '11453290002823' as UsagePointId, {
      start: '2019-08-01' as LocalDate,
      end: '2019-09-01' as LocalDate,
    });
    expect(before.ok ? null : before.error).toMatchObject({ kind: 'BeforeActivation', oldestAvailable: '2019-08-27' });
  });

  it('when a sandbox meter has holes on Tuesdays and Wednesdays, then those days are absent', async () => {
    const readings = await read('consumption:daily', '42900589957123' as UsagePointId, '2025-01-06', '2025-01-13');
    expect(readings.map((r) => r.date)).toEqual(['2025-01-06', '2025-01-09', '2025-01-10', '2025-01-11', '2025-01-12']);
  });

  it('when asked for today or later, then there is nothing yet', async () => {
    expect(await read('consumption:daily', MAIN, '2026-11-22', '2026-11-24')).toHaveLength(1);
  });

  it('when a call spans more than the per-call limit, then it throws (the caller must split)', async () => {
    await expect(provider.readings('consumption:detail', MAIN, { start: '2025-01-01' as LocalDate, end: '2025-01-09' as LocalDate })).rejects.toThrow(
      RangeError,
    );
  });

  it("when customer data is asked, then it is shaped like Enedis' v5 answers", async () => {
    const contract = await provider.customerData('contract', MAIN);
    expect(contract.ok && contract.value.customer.usage_points[0]).toMatchObject({
      usage_point: { usage_point_id: MAIN, usage_point_status: null, meter_type: 'AMM' },
      contracts: {
        subscribed_power: '9 kVA',
        segment: 'C5',
        offpeak_hours: 'HC (22H00-6H00;12H00-14H00)',
        contract_type: 'Contrat GRD-F',
        direction: 'consumption',
      },
    });
    // Main House produces: its injection contract follows, with its own activation date.
    expect(contract.ok && contract.value.customer.usage_points[1]?.contracts).toMatchObject({
      contract_type: 'Contrat GRD-A',
      direction: 'production',
      last_activation_date: '2021-06-15+02:00',
    });
    const address = await provider.customerData('address', MAIN);
    expect(address.ok && address.value.customer.usage_points[0]!.usage_point.usage_point_addresses.insee_code).toMatch(/^\d{5}$/);
    const identity = await provider.customerData('customer', MAIN);
    expect(identity.ok && identity.value.customer.identity.natural_person?.lastname).toBeTruthy();
    const contact = await provider.customerData('contact', MAIN);
    expect(contact.ok && contact.value.customer.contact_data.email).toMatch(/@example\.org$/);
  });
});
