import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

// 2026-11-23T10:00:00Z is 11:00 in Paris: tomorrow's colour has just been published.
describe('the Tempo calendar (MockRte), in upstream and Home Assistant forms', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when days are asked, with or without a span, then each known day comes with its colour, both ends included, nothing unpublished', async () => {
    const span = await api(t.app).get('/api/tempo/days?start_date=2026-01-01&end_date=2026-01-31').expect(200);
    expect(span.body.data).toHaveLength(31);
    expect(span.body.data[0]).toMatchObject({ date: '2026-01-01', color: expect.stringMatching(/^(BLUE|WHITE|RED)$/), updated_at: null });
    const season = await api(t.app).get('/api/tempo/days').expect(200);
    expect(season.body.data[0].date).toBe('2026-09-01');
    expect(season.body.data.at(-1).date).toBe('2026-11-24');
    const future = await api(t.app).get('/api/tempo/days?start_date=2026-12-01&end_date=2026-12-31').expect(200);
    expect(future.body.data).toEqual([]);
  });

  it('when today and the week are asked, then today is known and the week runs from six days ago to tomorrow', async () => {
    const today = await api(t.app).get('/api/tempo/today').expect(200);
    expect(today.body.data.date).toBe('2026-11-23');
    const week = await api(t.app).get('/api/tempo/week').expect(200);
    expect(week.body.data.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
    ]);
    t.clock.set('2026-11-23T09:00:00Z');
    try {
      expect((await api(t.app).get('/api/tempo/week').expect(200)).body.data).toHaveLength(7);
    } finally {
      t.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('when the v1 form is asked, at /api or at the root, then it is one colour per day, unwrapped', async () => {
    const v1 = await api(t.app).get('/api/rte/tempo/2026-11-20/2026-11-30').expect(200);
    expect(Object.keys(v1.body)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    const days = (await api(t.app).get('/api/tempo/days?start_date=2026-11-20&end_date=2026-11-24').expect(200)).body.data as Array<{
      date: string;
      color: string;
    }>;
    expect(v1.body).toEqual(Object.fromEntries(days.map((d) => [d.date, d.color])));
    const root = await request(t.app).get('/rte/tempo/2026-11-20/2026-11-30').expect(200);
    expect(root.body).toEqual(v1.body);
  });

  it('when a date is wrong or the span reversed or too long, then 400 names it', async () => {
    expect((await api(t.app).get('/api/tempo/days?start_date=2026-02-30').expect(400)).body.error.field).toBe('start_date');
    expect((await api(t.app).get('/api/tempo/days?start_date=2026-02-10&end_date=2026-02-01').expect(400)).body.error.field).toBe('end_date');
    expect((await api(t.app).get('/api/tempo/days?start_date=2020-01-01&end_date=2026-01-01').expect(400)).body.error.field).toBe('end_date');
    await api(t.app).get('/api/rte/tempo/2026-11-30/2026-11-20').expect(400);
  });

  it('when EcoWatt is asked by an account, then today, the published days ahead and past days come in upstream shapes', async () => {
    const auth = `Bearer ${(await t.signUp()).token}`;
    const current = await api(t.app).get('/api/ecowatt/current').set('Authorization', auth).expect(200);
    expect(current.body).toMatchObject({ periode: '2026-11-23T00:00:00+01:00', hdebut: 0, hfin: 23 });
    expect(current.body.values).toHaveLength(24);
    expect(current.body.dvalue).toBe(Math.max(1, ...(current.body.values as number[])));
    const forecast = await api(t.app).get('/api/ecowatt/forecast').set('Authorization', auth).expect(200);
    expect(forecast.body.data.map((d: { periode: string }) => d.periode.slice(0, 10))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect((await api(t.app).get('/api/ecowatt/forecast?days=7').set('Authorization', auth).expect(200)).body.data).toHaveLength(4);
    expect((await api(t.app).get('/api/ecowatt/forecast?days=1').set('Authorization', auth).expect(200)).body.data).toHaveLength(1);
    await api(t.app).get('/api/ecowatt/forecast?days=8').set('Authorization', auth).expect(400);
    const history = await api(t.app).get('/api/ecowatt/history?start_date=2026-01-01&end_date=2026-01-31').set('Authorization', auth).expect(200);
    expect(history.body).toHaveLength(31);
    expect(history.body[0].periode).toBe('2026-01-01T00:00:00+01:00');
    const tooLong = await api(t.app).get('/api/ecowatt/history?start_date=2024-01-01&end_date=2026-01-31').set('Authorization', auth).expect(400);
    expect(tooLong.body.error.field).toBe('end_date');
    await api(t.app).get('/api/ecowatt/current').expect(401);
  });

  it('when national consumption is asked, then the series come in upstream shapes, by default over the last day and the next', async () => {
    const all = await api(t.app).get('/api/consumption-france').expect(200);
    expect(all.body.data.short_term.map((s: { type: string }) => s.type)).toEqual(['REALISED', 'ID', 'D-1', 'D-2']);
    expect(all.body.data.period).toEqual({ start: '2026-11-22T11:00:00+01:00', end: '2026-11-24T11:00:00+01:00' });
    const realised = all.body.data.short_term[0].values as Array<{ start_date: string; end_date: string; value: number }>;
    expect(realised).toHaveLength(96);
    expect(realised.at(-1)).toMatchObject({ start_date: '2026-11-23T10:45:00+01:00', end_date: '2026-11-23T11:00:00+01:00' });
    const day = await api(t.app).get('/api/consumption-france?type=D-1&start_date=2026-11-24&end_date=2026-11-25').expect(200);
    expect(day.body.data.short_term).toHaveLength(1);
    expect(day.body.data.short_term[0].values).toHaveLength(96);
    const current = await api(t.app).get('/api/consumption-france/current').expect(200);
    expect(current.body.data).toMatchObject({ start_date: '2026-11-23T10:45:00+01:00', unit: 'MW', value: realised.at(-1)!.value });
    const forecast = await api(t.app).get('/api/consumption-france/forecast?days=2').expect(200);
    expect(forecast.body.data.forecasts.map((s: { type: string }) => s.type)).toEqual(['ID', 'D-1', 'D-2']);
    expect((await api(t.app).get('/api/consumption-france?type=LATER').expect(400)).body.error.field).toBe('type');
    expect((await api(t.app).get('/api/consumption-france?start_date=2026-11-01&end_date=2026-11-20').expect(400)).body.error.field).toBe('end_date');
    expect((await api(t.app).get('/api/consumption-france?start_date=yesterday').expect(400)).body.error.field).toBe('start_date');
  });

  it('when the Tempo calendar, the standing and the outlook are asked, then upstream client mode shapes come, published days certain', async () => {
    const calendar = await api(t.app).get('/api/tempo?start=2026-11-01&end=2026-11-30').expect(200);
    expect(calendar.body.data.map((d: { date: string }) => d.date)).toEqual(
      (await api(t.app).get('/api/tempo/days?start_date=2026-11-01&end_date=2026-11-30').expect(200)).body.data.map((d: { date: string }) => d.date),
    );
    const season = (await api(t.app).get('/api/tempo/days').expect(200)).body.data as Array<{ color: string }>;
    const used = (c: string) => season.filter((d) => d.color === c).length;
    const remaining = await api(t.app).get('/api/tempo/remaining').expect(200);
    expect(remaining.body.data).toMatchObject({
      season: '2026/2027',
      blue_used: used('BLUE'),
      white_used: used('WHITE'),
      red_used: used('RED'),
      red_remaining: 22 - used('RED'),
      white_remaining: 43 - used('WHITE'),
      blue_remaining: 300 - used('BLUE'),
      red: 22 - used('RED'),
    });
    const forecast = await api(t.app).get('/api/tempo/forecast?days=3').expect(200);
    const days = forecast.body.data.forecasts as Array<Record<string, number | string>>;
    expect(days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(days[0]).toMatchObject({ forecast_type: 'published', confidence: 'certain', day_in_season: 85 });
    expect(days[0]![`probability_${String(days[0]!.most_likely).toLowerCase()}`]).toBe(1);
    expect(days[1]).toMatchObject({ forecast_type: 'calendar', normalized_consumption: null });
    for (const d of days) expect(Number(d.probability_blue) + Number(d.probability_white) + Number(d.probability_red)).toBeCloseTo(1, 2);
    expect(forecast.body.data.season_stats).toEqual(
      Object.fromEntries(Object.entries(remaining.body.data).filter(([k]) => k.endsWith('_used') || k.endsWith('_remaining'))),
    );
    await api(t.app).get('/api/tempo/forecast?days=7').expect(400);
  });

  it('when generation forecasts are asked, then solar and wind come hourly in upstream shapes, and the mix adds them up', async () => {
    const all = await api(t.app).get('/api/generation-forecast').expect(200);
    const pairs = all.body.data.forecasts.map((f: { production_type: string; forecast_type: string }) => `${f.forecast_type}/${f.production_type}`);
    expect(pairs).toEqual(['D-3/SOLAR', 'D-3/WIND', 'D-2/SOLAR', 'D-2/WIND', 'D-1/SOLAR', 'D-1/WIND', 'ID/SOLAR', 'ID/WIND', 'CURRENT/SOLAR', 'CURRENT/WIND']);
    expect(all.body.data.period).toEqual({ start: '2026-11-23T01:00:00+01:00', end: '2026-11-26T01:00:00+01:00' });
    const one = await api(t.app).get('/api/generation-forecast?production_type=SOLAR&forecast_type=D-1&start_date=2026-11-24&end_date=2026-11-25').expect(200);
    expect(one.body.data.forecasts).toHaveLength(1);
    const hours = one.body.data.forecasts[0].values as Array<{ start_date: string; end_date: string; value: number }>;
    expect(hours).toHaveLength(24);
    expect(hours[0]).toMatchObject({ start_date: '2026-11-24T00:00:00+01:00', end_date: '2026-11-24T01:00:00+01:00', value: 0 });
    expect(Math.max(...hours.map((h) => h.value))).toBeGreaterThan(1_000);
    const solar = await api(t.app).get('/api/generation-forecast/solar?days=2').expect(200);
    expect(solar.body.data.production_type).toBe('SOLAR');
    const wind = await api(t.app).get('/api/generation-forecast/wind').expect(200);
    expect(wind.body.data.forecasts.map((f: { forecast_type: string }) => f.forecast_type)).toEqual(['D-3', 'D-2', 'D-1', 'ID', 'CURRENT']);
    const mix = await api(t.app).get('/api/generation-forecast/mix?forecast_type=D-1').expect(200);
    const rows = mix.body.data.mix as Array<{ solar: number; wind: number; total_renewable: number }>;
    expect(rows.length).toBeGreaterThan(24);
    expect(rows.every((r) => r.total_renewable === r.solar + r.wind)).toBe(true);
    expect((await api(t.app).get('/api/generation-forecast?production_type=NUCLEAR').expect(400)).body.error.field).toBe('production_type');
    expect((await api(t.app).get('/api/generation-forecast?start_date=2026-11-01&end_date=2026-11-20').expect(400)).body.error.field).toBe('end_date');
  });
});
