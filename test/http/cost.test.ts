import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const MAIN = '12345678901234';
const catalogue = async (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

interface WireOffer {
  id: string;
  name: string;
  offer_type: string;
  power_kva: number;
  valid_from: string;
  valid_to: string | null;
  prices: Record<string, string>;
  subscription_eur_per_year: string;
}

/** µ€ from a decimal text of euros, by hand. */
const micro = (text: string) => {
  const [units, fraction = ''] = text.split('.');
  return BigInt(units!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};
const addDay = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The cost computed again without the gateway's pricing code: the wall-clock time read off each
 * curve label (they carry the Paris offset), half-watt-hours (W × 30 min = W/2 Wh), rationals for
 * the subscription, rounding once at the end.
 */
function independentCents(...args: Parameters<typeof independentUnits>): bigint {
  return toCents(independentUnits(...args));
}

/** µ€ × 2 000 to cents, half up (1 cent = 10⁴ µ€ × 2 000). */
const toCents = (units: bigint) => (units + 10_000_000n) / 20_000_000n;

function independentUnits(
  points: Array<{ date: string; value: number }>,
  offers: WireOffer[],
  colours: Map<string, string>,
  offpeak: Array<[number, number]>,
  start: string,
  end: string,
): bigint {
  const inForce = (day: string) => offers.find((o) => o.valid_from <= day && (o.valid_to === null || day < o.valid_to))!;
  // Energy: µ€/kWh × half-Wh; 1 € = 10⁶ µ€ × 2 000 half-Wh per kWh.
  let energy = 0n;
  for (const p of points) {
    const day = p.date.slice(0, 10);
    const minute = Number(p.date.slice(11, 13)) * 60 + Number(p.date.slice(14, 16));
    const offer = inForce(day);
    let slot: string;
    if (offer.offer_type === 'TEMPO') {
      const colour = colours.get(minute < 360 ? addDay(day, -1) : day)!.toLowerCase();
      slot = `${colour}_${minute >= 1320 || minute < 360 ? 'hc' : 'hp'}`;
    } else slot = offpeak.some(([a, b]) => (a < b ? minute >= a && minute < b : minute >= a || minute < b)) ? 'hc' : 'hp';
    energy += micro(offer.prices[slot]!) * BigInt(p.value);
  }
  // Subscription: a twelfth of the year per month, pro rata of the month's days; as a fraction over 12 × days.
  let numerator = 0n; // in µ€ × (12 × 28 × 29 × 30 × 31)
  const common = 12n * 28n * 29n * 30n * 31n;
  for (let day = start; day < end; day = addDay(day, 1)) {
    const [y, m] = day.split('-').map(Number) as [number, number];
    const days = BigInt(new Date(Date.UTC(y, m, 0)).getUTCDate());
    numerator += (micro(inForce(day).subscription_eur_per_year) * common) / (12n * days);
  }
  return energy + (numerator * 2_000n) / common;
}

describe('cost and comparison for the demo meter (MockEnedis, MockRte)', () => {
  let t: TestGateway;
  let auth: string;
  beforeAll(async () => {
    t = await startTestGateway();
    auth = `Bearer ${(await t.signUp()).token}`;
    for (const file of ['../../seeds/offers/tarif-bleu.jsonl', '../fixtures/offers-fixture.jsonl']) {
      const loaded = await t.gateway.useCases.offerCatalogue.load(await catalogue(file));
      expect(loaded.ok).toBe(true);
    }
    await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: MAIN }).expect(201);
    await api(t.app).patch(`/api/pdl/${MAIN}/pricing-option`).set('Authorization', auth).send({ pricing_option: 'TEMPO' }).expect(200);
  });
  afterAll(() => t.close());

  it('when the last twelve months are priced under Tempo, then the total matches an independent computation to the cent, and groups add up', async () => {
    const [start, end] = ['2025-11-23', '2026-11-23'];
    const cost = await api(t.app).get(`/api/enedis/cost/${MAIN}?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    const data = cost.body.data;
    expect(data.offer).toMatchObject({ name: 'Tarif Bleu Tempo', power_kva: 9, offer_type: 'TEMPO' });
    expect(data.groups.map((g: { period: string }) => g.period)).toHaveLength(13); // 23 Nov 2025 … 22 Nov 2026
    expect(data.total.unpriced_days).toBe(0);
    const cents = (e: string) => BigInt(e.replace('.', ''));
    const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
    expect(sum(data.groups.map((g: { total_eur: string }) => cents(g.total_eur)))).toBe(cents(data.total.total_eur));
    for (const g of data.groups) {
      expect(sum([...Object.values(g.energy_eur as Record<string, string>).map(cents), cents(g.subscription_eur)])).toBe(cents(g.total_eur));
    }

    const curve = await api(t.app).get(`/api/enedis/consumption/detail/${MAIN}?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    const offers = (await api(t.app).get('/api/energy/offers?include_history=true').expect(200)).body.data.filter(
      (o: WireOffer) => o.name === 'Tarif Bleu Tempo' && o.power_kva === 9,
    );
    const tempo = await api(t.app)
      .get(`/api/tempo/days?start_date=${addDay(start, -1)}&end_date=${addDay(end, -1)}`)
      .expect(200);
    const colours = new Map<string, string>(tempo.body.data.map((d: { date: string; color: string }) => [d.date, d.color]));
    const expected = independentCents(curve.body.data.meter_reading.interval_reading, offers, colours, [], start, end);
    expect(cents(data.total.total_eur)).toBe(expected);

    const byDay = await api(t.app).get(`/api/enedis/cost/${MAIN}?start=${start}&end=${end}&group_by=day`).set('Authorization', auth).expect(200);
    expect(byDay.body.data.groups).toHaveLength(365);
    expect(byDay.body.data.total.total_eur).toBe(data.total.total_eur);
  });

  it('when the meter is priced under Heures Creuses, then its two off-peak ranges split the curve as an independent computation does', async () => {
    const [start, end] = ['2026-03-01', '2026-04-01']; // holds the 23-hour day of 29 March
    const hc = (await api(t.app).get('/api/energy/offers?include_history=true').expect(200)).body.data.filter(
      (o: WireOffer) => o.offer_type === 'HC_HP' && o.power_kva === 9,
    );
    const cost = await api(t.app)
      .get(`/api/enedis/cost/${MAIN}?start=${start}&end=${end}&offer_id=${hc.at(-1).id}`)
      .set('Authorization', auth)
      .expect(200);
    const curve = await api(t.app).get(`/api/enedis/consumption/detail/${MAIN}?start=${start}&end=${end}`).set('Authorization', auth).expect(200);
    const points = curve.body.data.meter_reading.interval_reading as Array<{ date: string; value: number }>;
    expect(points).toHaveLength(31 * 48 - 2);
    const offpeak: Array<[number, number]> = [
      [22 * 60, 6 * 60],
      [12 * 60, 14 * 60],
    ];
    expect(BigInt(cost.body.data.total.total_eur.replace('.', ''))).toBe(independentCents(points, hc, new Map(), offpeak, start, end));
    const hcWh = points.filter((p) => {
      const m = Number(p.date.slice(11, 13)) * 60 + Number(p.date.slice(14, 16));
      return m >= 1320 || m < 360 || (m >= 720 && m < 840);
    });
    expect(cost.body.data.total.energy_wh.hc).toBe(hcWh.reduce((s, p) => s + p.value, 0) / 2);
  });

  it('when offers are compared, then every offer at 9 kVA comes cheapest first with its difference to the current one', async () => {
    const compare = await api(t.app).get(`/api/enedis/cost/${MAIN}/compare?start=2026-02-01&end=2026-11-01`).set('Authorization', auth).expect(200);
    const { current, offers } = compare.body.data;
    expect(current.offer.name).toBe('Tarif Bleu Tempo');
    const totals = offers.map((o: { total: { total_eur: string } }) => Number(o.total.total_eur));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(offers.map((o: { offer: { name: string } }) => o.offer.name).sort()).toEqual([
      'Fixe Week-end',
      'Tarif Bleu Base',
      'Tarif Bleu Heures Creuses',
      'Tarif Bleu Tempo',
    ]);
    for (const o of offers) {
      const diff = BigInt(o.total.total_eur.replace('.', '')) - BigInt(current.total.total_eur.replace('.', ''));
      expect(o.difference_eur).toBe(
        `${diff < 0n ? '-' : ''}${(diff < 0n ? -diff : diff) / 100n}.${String((diff < 0n ? -diff : diff) % 100n).padStart(2, '0')}`,
      );
    }
    expect(offers.find((o: { offer: { name: string } }) => o.offer.name === 'Tarif Bleu Tempo').difference_eur).toBe('0.00');
  });

  it('when nothing says which offer, or the offer is unknown, then 400 names offer_id; another account gets 404', async () => {
    const other = `Bearer ${(await t.signUp()).token}`;
    await api(t.app).get(`/api/enedis/cost/${MAIN}?start=2026-01-01&end=2026-02-01`).set('Authorization', other).expect(404);
    await api(t.app).post('/api/pdl').set('Authorization', other).send({ usage_point_id: MAIN }).expect(201);
    const none = await api(t.app).get(`/api/enedis/cost/${MAIN}?start=2026-01-01&end=2026-02-01`).set('Authorization', other).expect(400);
    expect(none.body.error.field).toBe('offer_id');
    const unknown = await api(t.app)
      .get(`/api/enedis/cost/${MAIN}?start=2026-01-01&end=2026-02-01&offer_id=00000000-0000-4000-8000-000000000000`)
      .set('Authorization', auth)
      .expect(400);
    expect(unknown.body.error.field).toBe('offer_id');
  });

  it('when the off-peak hours and the pricing option change, then days before are priced as they were and days after as they are', async () => {
    // Since beforeAll the meter is on Tempo with Enedis' hours; from 23 November it is on Heures Creuses, off-peak 23:00–07:00.
    await api(t.app)
      .patch(`/api/pdl/${MAIN}`)
      .set('Authorization', auth)
      .send({ offpeak_hours: ['23:00-07:00'] })
      .expect(200);
    await api(t.app).patch(`/api/pdl/${MAIN}/pricing-option`).set('Authorization', auth).send({ pricing_option: 'HC_HP' }).expect(200);
    t.clock.set('2026-11-27T10:00:00Z');
    try {
      const cost = await api(t.app).get(`/api/enedis/cost/${MAIN}?start=2026-11-20&end=2026-11-27&group_by=day`).set('Authorization', auth).expect(200);
      const byDay = cost.body.data.groups as Array<{ period: string; energy_eur: Record<string, string> }>;
      expect(Object.keys(byDay[2]!.energy_eur).every((s) => /^(blue|white|red)_/.test(s))).toBe(true); // 22 November: Tempo
      expect(Object.keys(byDay[3]!.energy_eur).sort()).toEqual(['hc', 'hp']); // 23 November: Heures Creuses
      const all = (await api(t.app).get('/api/energy/offers?include_history=true').expect(200)).body.data as WireOffer[];
      const tempoOffers = all.filter((o) => o.name === 'Tarif Bleu Tempo' && o.power_kva === 9);
      const hcOffers = all.filter((o) => o.name === 'Tarif Bleu Heures Creuses' && o.power_kva === 9);
      const curveOf = async (start: string, end: string) =>
        (await api(t.app).get(`/api/enedis/consumption/detail/${MAIN}?start=${start}&end=${end}`).set('Authorization', auth).expect(200)).body.data
          .meter_reading.interval_reading;
      const tempo = await api(t.app).get('/api/tempo/days?start_date=2026-11-19&end_date=2026-11-22').expect(200);
      const colours = new Map<string, string>(tempo.body.data.map((d: { date: string; color: string }) => [d.date, d.color]));
      const before = independentUnits(await curveOf('2026-11-20', '2026-11-23'), tempoOffers, colours, [], '2026-11-20', '2026-11-23');
      const after = independentUnits(await curveOf('2026-11-23', '2026-11-27'), hcOffers, new Map(), [[23 * 60, 7 * 60]], '2026-11-23', '2026-11-27');
      expect(BigInt(cost.body.data.total.total_eur.replace('.', ''))).toBe(toCents(before + after));
    } finally {
      t.clock.set('2026-11-23T10:00:00Z');
    }
  });
});
