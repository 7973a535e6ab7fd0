import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { household } from '../support/household.js';

const MAIN = '12345678901234';

describe('group_by on the metering routes', () => {
  const h = household([MAIN]);

  const get = (path: string) => h.get(path);

  it('when a year of daily consumption is grouped by month and week, then the groups add up to the days, each month complete', async () => {
    const days = (await get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2026-01-01`).expect(200)).body.data.meter_reading
      .interval_reading as Array<{
      value: number;
    }>;
    const total = days.reduce((s, r) => s + r.value, 0);
    const months = await get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2026-01-01&group_by=month`).expect(200);
    expect(months.body.data).toMatchObject({ group_by: 'month', unit: 'Wh', aggregate: 'sum' });
    expect(months.body.data.groups).toHaveLength(12);
    expect(months.body.data.groups.every((g: { complete: boolean }) => g.complete)).toBe(true);
    expect(months.body.data.groups.reduce((s: number, g: { value: number }) => s + g.value, 0)).toBe(total);
    const weeks = await get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2026-01-01&group_by=week`).expect(200);
    expect(weeks.body.data.groups[0].period).toBe('2025-W01');
    expect(weeks.body.data.groups.reduce((s: number, g: { value: number }) => s + g.value, 0)).toBe(total);
    const year = await get(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2026-01-01&group_by=year`).expect(200);
    expect(year.body.data.groups).toEqual([expect.objectContaining({ period: '2025', value: total, complete: true })]);
  });

  it('when a load curve is grouped by hour over the DST days, then 23 and 25 hours, summing the half-hours in Wh', async () => {
    const curve = (await get(`/api/enedis/consumption/detail/${MAIN}?start=2026-10-25&end=2026-10-26`).expect(200)).body.data.meter_reading
      .interval_reading as Array<{
      value: number;
    }>;
    const hours = await get(`/api/enedis/consumption/detail/${MAIN}?start=2026-10-25&end=2026-10-26&group_by=hour`).expect(200);
    expect(hours.body.data.groups).toHaveLength(25);
    expect(hours.body.data.groups[0]).toMatchObject({ value: (curve[0]!.value + curve[1]!.value) / 2, complete: true });
    const spring = await get(`/api/enedis/consumption/detail/${MAIN}?start=2026-03-29&end=2026-03-30&group_by=hour`).expect(200);
    expect(spring.body.data.groups).toHaveLength(23);
    const [day] = (await get(`/api/enedis/consumption/detail/${MAIN}?start=2026-10-25&end=2026-10-26&group_by=day`).expect(200)).body.data.groups;
    expect(day.value).toBe(curve.reduce((s, r) => s + r.value, 0) / 2);
  });

  it('when max power is grouped by month, then each month has its peak and when it was; hour on daily data is refused', async () => {
    const peaks = await get(`/api/enedis/consumption/max_power/${MAIN}?start=2026-01-01&end=2026-03-01&group_by=month`).expect(200);
    expect(peaks.body.data).toMatchObject({ unit: 'VA', aggregate: 'maximum' });
    const days = (await get(`/api/enedis/consumption/max_power/${MAIN}?start=2026-01-01&end=2026-02-01`).expect(200)).body.data.meter_reading
      .interval_reading as Array<{
      date: string;
      value: number;
    }>;
    const top = days.reduce((a, b) => (b.value > a.value ? b : a));
    expect(peaks.body.data.groups[0]).toMatchObject({ period: '2026-01', value: top.value, peak_at: top.date });
    const refused = await get(`/api/enedis/consumption/daily/${MAIN}?start=2026-01-01&end=2026-02-01&group_by=hour`).expect(400);
    expect(refused.body.error.field).toBe('group_by');
    await get(`/api/enedis/consumption/daily/${MAIN}?start=2026-01-01&end=2026-02-01&group_by=decade`).expect(400);
  });

  it('when max power is asked with summary, then the days over the subscribed power are listed and the highest peak is given as a share of it', async () => {
    const url = `/api/enedis/consumption/max_power/${MAIN}?start=2026-01-01&end=2026-03-01`;
    const plain = await get(url).expect(200);
    expect(plain.body.data.headroom).toBeUndefined();
    const at9 = await get(`${url}&summary=true`).expect(200);
    const days = plain.body.data.meter_reading.interval_reading as Array<{ date: string; value: number }>;
    const top = days.reduce((a, b) => (b.value > a.value ? b : a));
    expect(at9.body.data.headroom).toMatchObject({ subscribed_power_kva: 9, over_days: 0, highest: { at: top.date, value: top.value } });
    expect(at9.body.data.headroom.highest.share_of_subscribed).toBeCloseTo(top.value / 9000, 3);
    await api(h.t.app).patch(`/api/pdl/${MAIN}`).set('Authorization', h.auth).send({ subscribed_power: 3 }).expect(200);
    const at3 = await get(`${url}&summary=true`).expect(200);
    const over = days.filter((d) => d.value > 3000);
    expect(over.length).toBeGreaterThan(0);
    expect(at3.body.data.headroom.over_days).toBe(over.length);
    expect(at3.body.data.headroom.over.map((o: { at: string }) => o.at)).toEqual(over.map((d) => d.date));
    expect(at3.body.data.headroom.highest.share_of_subscribed).toBeGreaterThan(1);
  });
});
