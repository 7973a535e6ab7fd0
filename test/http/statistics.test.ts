import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { MockEnedisProvider } from '../../adapters/mock-enedis/metering-provider.mock-enedis.js';
import { rangeDays } from '../../domain/date-range.js';
import type { LocalDate } from '../../domain/local-date.js';
import type { IntervalReading } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';

const MAIN = '12345678901234';
interface Row {
  start: string;
  state: number;
  sum: number;
}

describe('Home Assistant statistics', () => {
  let t: TestGateway;
  let auth: string;
  beforeAll(async () => {
    t = await startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '200' });
    auth = `Bearer ${(await t.signUp()).token}`;
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN }).expect(201);
  });
  afterAll(() => t.close());

  const page = async (since?: string) =>
    (
      await api(t.app)
        .get(`/api/enedis/consumption/statistics/${MAIN}${since ? `?since=${encodeURIComponent(since)}` : ''}`)
        .set('Authorization', auth)
        .expect(200)
    ).body.data;

  /** Every page from the origin: the rows, and the cursor to keep. */
  const importAll = async () => {
    const rows: Row[] = [];
    let data = await page();
    rows.push(...data.rows);
    let pages = 1;
    while (data.has_more) {
      data = await page(data.next_since);
      rows.push(...data.rows);
      pages++;
    }
    return { rows, cursor: data.next_since as string, origin: data.origin as string, pages };
  };

  it('when two years are imported in pages, then hours are on the top of the hour in UTC, sums run on without a jump, and re-reading a window gives the same sums', async () => {
    const { rows, origin, pages } = await importAll();
    expect(origin).toBe('2024-11-24');
    expect(pages).toBeGreaterThanOrEqual(24);
    expect(rows.length).toBeGreaterThan(17_000);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/.test(r.start))).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(Date.parse(rows[i]!.start) - Date.parse(rows[i - 1]!.start)).toBe(3_600_000);
      expect(rows[i]!.sum).toBeCloseTo(rows[i - 1]!.sum + rows[i]!.state, 2);
    }
    // The same window read again, by day, gives the same sums.
    const again = await page('2025-06-10');
    const byStart = new Map(rows.map((r) => [r.start, r.sum]));
    expect(again.rows.length).toBeGreaterThan(700);
    for (const r of again.rows as Row[]) expect(r.sum).toBe(byStart.get(r.start));
    // And the sums add up to the load curve's energy.
    const curve = (await api(t.app).get(`/api/enedis/consumption/detail/${MAIN}?start=${origin}&end=2025-01-01`).set('Authorization', auth).expect(200)).body
      .data.meter_reading.interval_reading as Array<{ value: number }>;
    const lastOf2024 = rows.filter((r) => r.start < '2024-12-31T23:00:00Z').at(-1)!;
    expect(lastOf2024.sum).toBeCloseTo(curve.reduce((s, p) => s + p.value, 0) / 2 / 1000, 2);
  });

  it('when a day passes, then one small request brings only the new day, its sums going on from the last', async () => {
    const { rows, cursor } = await importAll();
    t.clock.advance(86_400_000);
    try {
      const next = await page(cursor);
      expect(next.has_more).toBe(false);
      expect(next.corrected_from).toBeNull();
      const fresh = (next.rows as Row[]).filter((r) => !rows.some((o) => o.start === r.start));
      expect(fresh).toHaveLength(24);
      const last = rows.at(-1)!;
      expect(fresh[0]!.sum).toBeCloseTo(last.sum + fresh[0]!.state, 2);
      expect(next.rows).toHaveLength(24);
    } finally {
      t.clock.advance(-86_400_000);
    }
  });

  it('when a day was missing and arrives later, then the next request brings it back and announces the re-import from it', async () => {
    const other = startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '200', CACHE_TTL_SECONDS: '60' });
    const g = await other;
    try {
      const token = `Bearer ${(await g.signUp()).token}`;
      await api(g.app).post('/api/pdl').set('Authorization', token).send({ usage_point_id: MAIN }).expect(201);
      const get = async (since?: string) =>
        (
          await api(g.app)
            .get(`/api/enedis/consumption/statistics/${MAIN}?since=${encodeURIComponent(since ?? '2026-11-01')}`)
            .set('Authorization', token)
            .expect(200)
        ).body.data;
      // Enedis answers nothing for the week holding 18 November at first.
      g.provider.answer = (kind, range) =>
        kind === 'consumption:detail' && range.start <= '2026-11-18' && range.end > '2026-11-18' ? { ok: true, value: [] } : undefined;
      const first = await get();
      const starts = (first.rows as Row[]).map((r) => r.start);
      expect(starts.some((s) => s.startsWith('2026-11-18'))).toBe(false);
      g.provider.answer = null;
      g.clock.advance(2 * 3_600_000); // the empty week is forgotten
      const healed = await get(first.next_since);
      expect(healed.corrected_from).not.toBeNull();
      expect((healed.rows as Row[]).some((r) => r.start.startsWith('2026-11-18'))).toBe(true);
      expect(Date.parse(healed.corrected_from)).toBeLessThanOrEqual(Date.parse((healed.rows as Row[])[0]!.start));
    } finally {
      await g.close();
    }
  });

  it('when Enedis corrects a day already served, then the next request re-sends from that day with corrected_from, and the sums after it move by the correction', async () => {
    const g = await startTestGateway({ USER_DAILY_LIMIT_NO_CACHE: '200', CACHE_TTL_SECONDS: '60' });
    try {
      const token = `Bearer ${(await g.signUp()).token}`;
      await api(g.app).post('/api/pdl').set('Authorization', token).send({ usage_point_id: MAIN }).expect(201);
      const get = async (since: string) =>
        (
          await api(g.app)
            .get(`/api/enedis/consumption/statistics/${MAIN}?since=${encodeURIComponent(since)}`)
            .set('Authorization', token)
            .expect(200)
        ).body.data;
      const first = await get('2026-11-01');
      const before = first.rows as Row[];
      // Enedis now answers 19 November 100 W higher on every half-hour: 48 × 50 Wh = 2.4 kWh more.
      const source = new MockEnedisProvider(g.clock);
      const byDay = new Map<string, IntervalReading[]>();
      const november: IntervalReading[] = [];
      for (const start of ['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']) {
        const week = await source.readings('consumption:detail', MAIN as UsagePointId, {
          start: start as LocalDate,
          end: (start === '2026-11-22' ? '2026-11-23' : `2026-11-${String(Number(start.slice(8)) + 7).padStart(2, '0')}`) as LocalDate,
        });
        if (!week.ok) throw new Error('setup');
        november.push(...week.value);
      }
      for (const r of november)
        byDay.set(r.date.slice(0, 10), [...(byDay.get(r.date.slice(0, 10)) ?? []), r.date.startsWith('2026-11-19') ? { ...r, value: r.value + 100 } : r]);
      g.provider.answer = (kind, range) =>
        kind === 'consumption:detail' && range.start >= '2026-11-01' ? { ok: true, value: rangeDays(range).flatMap((d) => byDay.get(d) ?? []) } : undefined;
      g.clock.advance(2 * 3_600_000); // the cached days lapse
      const next = await get(first.next_since);
      expect(next.corrected_from).toBe('2026-11-18T23:00:00Z');
      const after = next.rows as Row[];
      expect(after[0]!.start).toBe('2026-11-18T23:00:00Z');
      const old = new Map(before.map((r) => [r.start, r.sum]));
      expect(after[0]!.sum).toBeCloseTo(old.get(after[0]!.start)! + 0.1, 3);
      expect(after.at(-1)!.sum).toBeCloseTo(before.at(-1)!.sum + 2.4, 3);
    } finally {
      await g.close();
    }
  });
});
