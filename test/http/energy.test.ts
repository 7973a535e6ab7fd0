import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const offer = (change: Record<string, unknown> = {}) => ({
  provider: 'Fournisseur Test',
  provider_website: 'https://example.org',
  name: 'Offre Heures Creuses',
  offer_type: 'HC_HP',
  power_kva: 9,
  valid_from: '2026-02-01',
  valid_to: null,
  subscription_eur_per_year: '200.40',
  prices: { hc: '0.1550', hp: '0.2050' },
  ...change,
});

describe('the offers catalogue, in upstream shapes', () => {
  let t: TestGateway;
  let admin: string;
  let visitor: string;
  beforeAll(async () => {
    t = await startTestGateway({ ADMIN_EMAILS: 'root@example.org' });
    admin = `Bearer ${(await t.signUpVerified('root@example.org')).token}`;
    visitor = `Bearer ${(await t.signUp()).token}`;
    const loaded = await t.gateway.useCases.offerCatalogue.load(await readFile(new URL('../../seeds/offers/tarif-bleu.jsonl', import.meta.url), 'utf8'));
    expect(loaded.ok && loaded.value.created).toBe(11);
  });
  afterAll(() => t.close());

  it('when the seeded catalogue is read, then upstream fields carry € numbers and the exact figures sit beside them', async () => {
    const providers = await api(t.app).get('/api/energy/providers').expect(200);
    expect(providers.body.data).toEqual([{ id: expect.any(String), name: 'EDF', logo_url: null, website: 'https://particulier.edf.fr', scraper_urls: null }]);
    // Those grids ended on 2025-02-01 (the clock says 2026-11-23): only with include_history.
    expect((await api(t.app).get('/api/energy/offers').expect(200)).body.data).toEqual([]);
    const all = await api(t.app).get('/api/energy/offers?include_history=true').expect(200);
    expect(all.body.data).toHaveLength(11);
    const tempo = all.body.data.find((o: { offer_type: string; power_kva: number }) => o.offer_type === 'TEMPO' && o.power_kva === 9);
    expect(tempo).toMatchObject({
      provider_name: 'EDF',
      subscription_eur_per_year: '196.32',
      subscription_price: 16.36,
      tempo_red_hp: 0.7562,
      tempo_blue_hc: 0.1296,
      base_price: null,
      prices: { blue_hc: '0.1296', red_hp: '0.7562' },
      valid_from: '2024-02-01',
      valid_to: '2025-02-01',
      is_active: true,
    });
    const byProvider = await api(t.app).get(`/api/energy/offers?include_history=true&provider_id=${providers.body.data[0].id}`).expect(200);
    expect(byProvider.body.data).toHaveLength(11);
    const types = await api(t.app).get('/api/energy/offer-types').expect(200);
    expect(types.body.data.find((x: { code: string }) => x.code === 'TEMPO').price_slots).toEqual([
      'blue_hc',
      'blue_hp',
      'white_hc',
      'white_hp',
      'red_hc',
      'red_hp',
    ]);
  });

  it('when an admin creates, changes and retires an offer, then each answer says so; a visitor is refused and nothing changes', async () => {
    await api(t.app).post('/api/energy/offers').set('Authorization', visitor).send(offer()).expect(403);
    await api(t.app).post('/api/energy/offers').send(offer()).expect(401);
    const created = await api(t.app).post('/api/energy/offers').set('Authorization', admin).send(offer()).expect(201);
    expect(created.body.data).toMatchObject({ name: 'Offre Heures Creuses', hc_price: 0.155, hp_price: 0.205, subscription_price: 16.7 });
    expect((await api(t.app).post('/api/energy/offers').set('Authorization', admin).send(offer()).expect(409)).body.error.code).toBe('OFFER_EXISTS');
    const current = await api(t.app).get('/api/energy/offers').expect(200);
    expect(current.body.data.map((o: { id: string }) => o.id)).toEqual([created.body.data.id]);
    const id = created.body.data.id as string;
    await api(t.app)
      .put(`/api/energy/offers/${id}`)
      .set('Authorization', visitor)
      .send(offer({ prices: { hc: '0.1', hp: '0.2' } }))
      .expect(403);
    const changed = await api(t.app)
      .put(`/api/energy/offers/${id}`)
      .set('Authorization', admin)
      .send(offer({ prices: { hc: '0.1500', hp: '0.2000' } }))
      .expect(200);
    expect(changed.body.data.prices).toEqual({ hc: '0.15', hp: '0.20' });
    const wrongSlots = await api(t.app)
      .put(`/api/energy/offers/${id}`)
      .set('Authorization', admin)
      .send(offer({ prices: { base: '0.2' } }))
      .expect(400);
    expect(wrongSlots.body.error.field).toBe('prices.base');
    await api(t.app).delete(`/api/energy/offers/${id}`).set('Authorization', visitor).expect(403);
    const retired = await api(t.app).delete(`/api/energy/offers/${id}`).set('Authorization', admin).expect(200);
    expect(retired.body.data.is_active).toBe(false);
    expect((await api(t.app).get('/api/energy/offers').expect(200)).body.data).toEqual([]);
    await api(t.app).delete('/api/energy/offers/00000000-0000-4000-8000-000000000000').set('Authorization', admin).expect(404);
  });

  it('when an offer is malformed, then 400 names the field', async () => {
    const bad = async (change: Record<string, unknown>) =>
      (await api(t.app).post('/api/energy/offers').set('Authorization', admin).send(offer(change)).expect(400)).body.error.field;
    expect(await bad({ power_kva: 7 })).toBe('power_kva');
    expect(await bad({ offer_type: 'FLAT' })).toBe('offer_type');
    expect(await bad({ valid_to: '2026-01-01' })).toBe('valid_to');
    expect(await bad({ subscription_eur_per_year: '12,50' })).toBe('subscription_eur_per_year');
    expect(await bad({ prices: { hc: '0.1' } })).toBe('prices.hp');
  });
});
