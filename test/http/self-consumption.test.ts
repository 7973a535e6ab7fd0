import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { household } from '../support/household.js';

const MAIN = '12345678901234'; // consumes and produces
const HOME = '22516914714270'; // consumes only
const SOLAR = '10284856584123'; // produces only

describe('self-consumption over HTTP', () => {
  const h = household([MAIN, HOME, SOLAR]);
  const get = (path: string) => h.get(path);

  it('when a meter measures both, then its week by day holds the identities, and the totals are the sums of the days', async () => {
    const answer = await get(`/api/enedis/self-consumption/${MAIN}?start=2026-06-01&end=2026-06-08`).expect(200);
    const { groups, total, unpaired_intervals: unpaired } = answer.body.data;
    expect(groups).toHaveLength(7);
    expect(unpaired).toBe(0);
    for (const g of [...groups, total]) {
      expect(g.self_consumed_wh + g.injected_wh).toBeCloseTo(g.production_wh, 3);
      expect(g.self_consumed_wh + g.drawn_wh).toBeCloseTo(g.consumption_wh, 3);
      expect(g.self_consumed_wh).toBeLessThanOrEqual(g.consumption_wh);
    }
    expect(total.production_wh).toBeCloseTo(
      groups.reduce((s: number, g: { production_wh: number }) => s + g.production_wh, 0),
      3,
    );
    const production = (await get(`/api/enedis/production/detail/${MAIN}?start=2026-06-01&end=2026-06-08`).expect(200)).body.data.meter_reading
      .interval_reading as Array<{
      value: number;
    }>;
    expect(total.production_wh).toBe(production.reduce((s, r) => s + r.value, 0) / 2);
    expect(total.self_consumption_rate).toBeGreaterThan(0);
    expect(total.self_consumption_rate).toBeLessThanOrEqual(1);
  });

  it('when a consumption meter is linked to a production one, then that one is its production; unlinked, it is refused naming why', async () => {
    const refused = await get(`/api/enedis/self-consumption/${HOME}?start=2026-06-01&end=2026-06-02`).expect(400);
    expect(refused.body.error.field).toBe('usage_point_id');
    await api(h.t.app).patch(`/api/pdl/${HOME}/link-production`).set('Authorization', h.auth).send({ linked_production_pdl_id: SOLAR }).expect(200);
    const linked = await get(`/api/enedis/self-consumption/${HOME}?start=2026-06-01&end=2026-06-02&group_by=hour`).expect(200);
    expect(linked.body.data).toMatchObject({ usage_point_id: HOME, production_usage_point_id: SOLAR, group_by: 'hour' });
    expect(linked.body.data.groups).toHaveLength(24);
    await get(`/api/enedis/self-consumption/${SOLAR}?start=2026-06-01&end=2026-06-02`).expect(400);
  });
});
