import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { household } from '../support/household.js';

const MAIN = '12345678901234';
const HEADER = ['X-MED-Format', '2026'] as const;

interface Point {
  v: string;
  d: string;
  p?: string;
}

describe('X-MED-Format: 2026, as the upstream MyElectricalData clients ask', () => {
  const h = household([MAIN]);

  const both = async (path: string) => {
    const ours = await api(h.t.app).get(path).set('Authorization', h.auth).expect(200);
    const upstream = await api(h.t.app)
      .get(path)
      .set('Authorization', h.auth)
      .set(...HEADER)
      .expect(200);
    return { ours: ours.body.data, upstream: upstream.body.data, headers: upstream.headers };
  };

  it('when daily consumption is asked, then it is a 2026 measure holding the same values, as strings, and the answer varies on the header', async () => {
    const { ours, upstream, headers } = await both(`/api/enedis/consumption/daily/${MAIN}?start=2025-01-01&end=2025-01-08`);
    expect(upstream).toMatchObject({ idPrm: MAIN, periode: { dateDebut: '2025-01-01', dateFin: '2025-01-08' }, pas: 'P1D' });
    const [grandeur] = upstream.grandeur;
    expect(grandeur).toMatchObject({ grandeurMetier: 'CONS', grandeurPhysique: 'EA', unite: 'Wh' });
    expect(grandeur.points).toEqual(ours.meter_reading.interval_reading.map((r: { date: string; value: number }) => ({ v: String(r.value), d: r.date })));
    expect(upstream.missing).toEqual(ours.missing);
    expect(headers.vary).toContain('X-MED-Format');
    expect(ours.meter_reading).toBeDefined();
  });

  it('when a load curve is asked, then its points are in Paris wall-clock time at the start of each interval, with their step', async () => {
    const { ours, upstream } = await both(`/api/enedis/consumption/detail/${MAIN}?start=2025-03-03&end=2025-03-04`);
    const points = upstream.grandeur[0].points as Point[];
    expect(upstream.grandeur[0]).toMatchObject({ grandeurPhysique: 'PA', unite: 'W' });
    expect(upstream.pas).toBeUndefined();
    expect(points).toHaveLength(48);
    expect(points[0]).toMatchObject({ d: '2025-03-03 00:00:00', p: 'PT30M' });
    expect(points.at(-1)!.d).toBe('2025-03-03 23:30:00');
    expect(points.map((p) => Number(p.v))).toEqual(ours.meter_reading.interval_reading.map((r: { value: number }) => r.value));
  });

  it('when max power and production are asked, then they say so in 2026 words', async () => {
    const power = await both(`/api/enedis/power/${MAIN}?start=2025-03-03&end=2025-03-05`);
    expect(power.upstream.grandeur[0]).toMatchObject({ grandeurMetier: 'CONS', grandeurPhysique: 'PMA', unite: 'VA' });
    expect((power.upstream.grandeur[0].points as Point[])[0]!.d).toMatch(/^2025-03-03 \d{2}:\d{2}:\d{2}$/);
    const production = await both(`/api/enedis/production/daily/${MAIN}?start=2025-06-01&end=2025-06-03`);
    expect(production.upstream.grandeur[0]).toMatchObject({ grandeurMetier: 'PROD', grandeurPhysique: 'EA', unite: 'Wh' });
  });

  it('when the contract is asked, then it is the 2026 aggregate: drawing contract, power as value and unit, off-peak hours in comptage', async () => {
    const { upstream } = await both(`/api/enedis/contract/${MAIN}`);
    expect(upstream.situation_contrat[0]).toMatchObject({ segment: 'C5', subscribed_power: { value: '9', unit: 'kVA' } });
    expect(upstream.comptage).toEqual({ relais: { plageHeuresCreuses: 'HC (22H00-6H00;12H00-14H00)' } });
    expect(upstream.synthese_contrat.consumption_last_activation_date).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it('when the address, identity and contact are asked, then they come in the 2026 shapes', async () => {
    const address = await both(`/api/enedis/address/${MAIN}`);
    const v5 = address.ours.customer.usage_points[0].usage_point.usage_point_addresses;
    expect(address.upstream).toEqual({
      address: { number_street_name: v5.street, postal_code_city: `${v5.postal_code} ${v5.city}`, insee_code: v5.insee_code },
    });
    const identity = await both(`/api/enedis/customer/${MAIN}`);
    expect(identity.upstream[0].person.lastname).toBe(identity.ours.customer.identity.natural_person.lastname);
    const contact = await both(`/api/enedis/contact/${MAIN}`);
    expect(contact.upstream[0].contact_data.email).toBe(contact.ours.customer.contact_data.email);
  });

  it('when a batch curve partly fails with the header, then the 2026 measure comes with PARTIAL_DATA', async () => {
    h.t.provider.failFrom('2025-05-08');
    try {
      const res = await api(h.t.app)
        .get(`/api/enedis/consumption/detail/batch/${MAIN}?start=2025-05-01&end=2025-05-10`)
        .set('Authorization', h.auth)
        .set(...HEADER)
        .expect(200);
      expect(res.body.error.code).toBe('PARTIAL_DATA');
      expect(res.body.data.grandeur[0].points).toHaveLength(7 * 48);
    } finally {
      h.t.provider.answer = null;
    }
  });
});
