import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnedisGeneration } from '../../adapters/enedis/metering-provider.enedis.js';
import { testEnedisProvider } from '../support/enedis-provider.js';
import { V2026_METERING_PATHS } from '../../adapters/enedis/wire-2026.js';
import { V5_METERING_PATHS } from '../../adapters/enedis/wire-v5.js';
import type { CustomerDataKind } from '../../domain/customer-data.js';
import type { LocalDate } from '../../domain/local-date.js';
import type { IntervalReading, MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { syncPdl } from '../../domain/use-cases/sync-pdl.js';
import { platformIso, platformWallClock } from '../support/paris-oracle.js';
import { buildUseCases } from '../support/use-cases.js';

/**
 * Every body in test/fixtures/enedis-captures (copied from the shared reference: bodies Enedis
 * really sent, and its error answers quoted in public issues) served where Enedis would serve it,
 * read through the HTTP adapter of its generation, and the domain values it yields checked against
 * an independent reading of the file (the Paris offsets from Intl, not from the gateway's code).
 */
const BASE = 'https://enedis.test';
const PRM = '22516914714270' as UsagePointId;
const raw = (file: string) => readFileSync(new URL(`../fixtures/enedis-captures/${file}`, import.meta.url), 'utf8');
const body = (file: string): any => JSON.parse(raw(file));

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const token = http.post(`${BASE}/oauth2/v3/token`, () => HttpResponse.json({ access_token: 't', token_type: 'Bearer', expires_in: 12_600 }));

const provider = (generation: EnedisGeneration) => testEnedisProvider(generation, BASE, { authorizeUrl: 'https://consent.test/authorize', maxWaitMs: 2000 });

// ---- The independent reading: Paris wall clock to instants with Intl (paris-oracle.ts), nothing from domain/.
const wallClockOf = platformWallClock;
const isoParis = platformIso;
/** A label as an instant: with its own offset, or as Paris wall-clock time (no capture falls in a repeated hour). */
function instantOf(label: string): number {
  if (/[+-]\d{2}:?\d{2}$|Z$/.test(label)) return Date.parse(label.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  const asUtc = Date.parse(`${label.replace(' ', 'T')}Z`);
  return [asUtc - 7_200_000, asUtc - 3_600_000].find((t) => wallClockOf(t) === label.replace('T', ' '))!;
}
const minutesOf = (p: string | undefined) => {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(p ?? 'PT30M')!;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
};
const FACTOR: Record<string, number> = { Wh: 1, W: 1, VA: 1, kWh: 1000, kW: 1000, kVA: 1000 };

type Point = { value: string; label: string; step?: string; type?: string };

/** What the gateway should make of a capture's points. */
function expected(kind: MeteringKind, points: readonly Point[], unit: string, quality: string, range: { start: string; end: string }): IntervalReading[] {
  const curve = kind.endsWith(':detail');
  const readings = points
    .filter((p) => p.value !== 'null' && p.value.trim() !== '' && Number.isFinite(Number(p.value)))
    .map((p) => {
      const value = Number(p.value) * (FACTOR[unit] ?? 1);
      if (curve) {
        const start = instantOf(p.label) - minutesOf(p.step) * 60_000;
        return {
          at: start,
          reading: { date: isoParis(start), value, quality, interval_length: p.step ?? 'PT30M', ...(p.type ? { measure_type: p.type } : {}) },
        };
      }
      if (kind === 'consumption:max_power' && p.label.length > 10) {
        const at = instantOf(p.label);
        return { at, reading: { date: isoParis(at), value, quality } };
      }
      const day = p.label.length > 10 ? isoParis(instantOf(p.label)).slice(0, 10) : p.label;
      return { at: Date.parse(day), reading: { date: day, value, quality } };
    })
    .filter(({ reading }) => reading.date.slice(0, 10) >= range.start && reading.date.slice(0, 10) < range.end);
  return readings.sort((a, b) => a.at - b.at).map((r) => r.reading as IntervalReading);
}

interface MeasureCase {
  readonly file: string;
  readonly generation: EnedisGeneration;
  readonly kind: MeteringKind;
  /** conso-api strips `meter_reading`; a v4 fragment is the bare list: put back what Enedis sends. */
  readonly served?: (b: any) => unknown;
  readonly range?: { start: string; end: string };
}

const v5Points = (b: any): Point[] =>
  b.meter_reading.interval_reading.map((r: any) => ({ value: r.value, label: r.date, step: r.interval_length, type: r.measure_type }));
const wrapped = (b: any) => ({ meter_reading: b });

const MEASURES: MeasureCase[] = [
  { file: 'v5-daily_consumption-bokub-linky.json', generation: 'v5', kind: 'consumption:daily', served: wrapped },
  { file: 'v5-consumption_load_curve-bokub-linky.json', generation: 'v5', kind: 'consumption:detail', served: wrapped },
  { file: 'v5-daily_consumption_max_power-bokub-linky.json', generation: 'v5', kind: 'consumption:max_power', served: wrapped },
  { file: 'v5-daily_production-bokub-linky.json', generation: 'v5', kind: 'production:daily', served: wrapped },
  { file: 'v5-production_load_curve-bokub-linky.json', generation: 'v5', kind: 'production:detail', served: wrapped },
  { file: 'v5-daily_consumption-eddie.json', generation: 'v5', kind: 'consumption:daily' },
  { file: 'v5-consumption_load_curve-eddie.json', generation: 'v5', kind: 'consumption:detail' },
  { file: 'v5-consumption_load_curve-changing-resolution-eddie.json', generation: 'v5', kind: 'consumption:detail' },
  { file: 'v5-daily_consumption-sandbox-eddie.json', generation: 'v5', kind: 'consumption:daily', served: (b) => ('meter_reading' in b ? b : wrapped(b)) },
  {
    file: 'v5-consumption_load_curve-sandbox-11453290002823-eddie.json',
    generation: 'v5',
    kind: 'consumption:detail',
    served: (b) => ('meter_reading' in b ? b : wrapped(b)),
  },
  { file: 'v5-consumption_load_curve-myelectricaldata_new.json', generation: 'v5', kind: 'consumption:detail' },
  { file: 'v5-daily_consumption-year-cyr-ius-myelectricaldatapy.json', generation: 'v5', kind: 'consumption:daily' },
  { file: 'v5-consumption_load_curve-week-cyr-ius-myelectricaldatapy.json', generation: 'v5', kind: 'consumption:detail' },
  {
    file: 'v4-consumption_load_curve-PT60M-fragment-DomoticzLinky-issue-74.json',
    generation: 'v5',
    kind: 'consumption:detail',
    served: (b) => ({
      meter_reading: { usage_point_id: PRM, start: '2020-09-05', end: '2020-09-07', quality: 'BRUT', reading_type: { unit: 'W' }, interval_reading: b },
    }),
    range: { start: '2020-09-05', end: '2020-09-07' },
  },
  { file: '2026-consommation_quotidienne-myelectricaldata_new.json', generation: '2026', kind: 'consumption:daily' },
  { file: '2026-consommation_quotidienne-gladys-gateway.json', generation: '2026', kind: 'consumption:daily' },
  { file: '2026-courbe_de_charge_consommation-myelectricaldata_new.json', generation: '2026', kind: 'consumption:detail' },
  { file: '2026-courbe_de_charge_consommation-gladys-gateway.json', generation: '2026', kind: 'consumption:detail' },
  { file: '2026-courbe_de_charge_production-myelectricaldata_new.json', generation: '2026', kind: 'production:detail' },
  { file: '2026-production_quotidienne-myelectricaldata_new.json', generation: '2026', kind: 'production:daily' },
  { file: '2026-puissance_conso_max_quotidienne-myelectricaldata_new.json', generation: '2026', kind: 'consumption:max_power' },
];

/** The points, unit and quality a capture holds for that kind (2026: the series of its direction, PMA for max power). */
function pointsOf(c: MeasureCase, served: any): { points: Point[]; unit: string; quality: string; range: { start: string; end: string } } {
  if (c.generation === 'v5') {
    const mr = served.meter_reading;
    return { points: v5Points(served), unit: mr.reading_type?.unit ?? 'W', quality: mr.quality ?? 'BRUT', range: c.range ?? { start: mr.start, end: mr.end } };
  }
  const direction = c.kind.startsWith('production') ? 'PROD' : 'CONS';
  const series = served.grandeur.find((g: any) => g.grandeurMetier === direction && (c.kind !== 'consumption:max_power' || g.grandeurPhysique === 'PMA'));
  return {
    points: series.points.map((p: any) => ({ value: p.v, label: p.d, step: p.p, type: p.n })),
    unit: series.unite,
    quality: served.etapeMetier,
    range: { start: served.periode.dateDebut, end: served.periode.dateFin },
  };
}

const summary: string[] = [];
afterAll(() => console.info(`capture replay:\n${summary.join('\n')}`));

describe('measures Enedis really sent, through the HTTP adapter', () => {
  it.each(MEASURES.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const served = (c.served ?? ((b: unknown) => b))(body(c.file));
    const path = c.generation === 'v5' ? V5_METERING_PATHS[c.kind] : V2026_METERING_PATHS[c.kind];
    const asked: URLSearchParams[] = [];
    server.use(
      token,
      http.get(`${BASE}${path}`, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json(served as never);
      }),
    );
    const { points, unit, quality, range } = pointsOf(c, served);
    const answer = await provider(c.generation).readings(c.kind, PRM, { start: range.start as LocalDate, end: range.end as LocalDate });
    const want = expected(c.kind, points, unit, quality, range);
    expect(answer.ok ? answer.value : answer.error).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
    if (c.kind === 'consumption:max_power' && c.generation === '2026')
      expect(Object.fromEntries(asked[0]!)).toMatchObject({ mesuresPas: 'P1D', grandeurPhysique: 'PMA' });
    summary.push(
      `${c.file}: ${want.length} readings, ${want[0]!.date} = ${want[0]!.value} ${unit} (${quality}) … ${want.at(-1)!.date} = ${want.at(-1)!.value}`,
    );
  });

  it("when v5 and 2026 sent the same meter's same days, then the gateway yields identical readings", async () => {
    server.use(
      token,
      http.get(`${BASE}${V5_METERING_PATHS['consumption:detail']}`, () => HttpResponse.json(body('v5-consumption_load_curve-myelectricaldata_new.json'))),
      http.get(`${BASE}${V2026_METERING_PATHS['consumption:detail']}`, () =>
        HttpResponse.json(body('2026-courbe_de_charge_consommation-myelectricaldata_new.json')),
      ),
    );
    const range = { start: '2026-09-29' as LocalDate, end: '2026-10-01' as LocalDate };
    const [v5, v2026] = await Promise.all([
      provider('v5').readings('consumption:detail', PRM, range),
      provider('2026').readings('consumption:detail', PRM, range),
    ]);
    expect(v5.ok && v5.value).toHaveLength(96);
    expect(v2026).toEqual(v5);
  });
});

describe('customer data Enedis really sent, through the HTTP adapter', () => {
  const v5Customer = <K extends CustomerDataKind>(kind: K, file: string) => {
    const paths = {
      contract: '/customers_upc/v5/usage_points/contracts',
      address: '/customers_upa/v5/usage_points/addresses',
      customer: '/customers_i/v5/identity',
      contact: '/customers_cd/v5/contact_data',
    };
    server.use(
      token,
      http.get(`${BASE}${paths[kind]}`, () => HttpResponse.json(body(file))),
    );
    return provider('v5').customerData(kind, PRM);
  };

  it('v5-contracts-eddie.json: the contract, every field as sent', async () => {
    const answer = await v5Customer('contract', 'v5-contracts-eddie.json');
    expect(answer.ok && answer.value).toEqual({
      customer: {
        customer_id: 'XXXX',
        usage_points: [
          {
            usage_point: { usage_point_id: '24115050XXXXXX', usage_point_status: 'com', meter_type: 'AMM' },
            contracts: {
              segment: 'C5',
              subscribed_power: '6 kVA',
              last_activation_date: '2017-07-15+02:00',
              distribution_tariff: 'BTINFMU4',
              offpeak_hours: 'HC (22H50-6H50)',
              contract_type: 'Contrat GRD-F',
              contract_status: 'SERVC',
              last_distribution_tariff_change_date: '2024-05-11+02:00',
              direction: 'consumption',
            },
          },
        ],
      },
    });
    summary.push('v5-contracts-eddie.json: contract 6 kVA, activated 2017-07-15+02:00, HC (22H50-6H50)');
  });

  it("v5-contracts-cyr-ius-myelectricaldatapy.json: the contract as the HA library's fixture has it", async () => {
    const source = body('v5-contracts-cyr-ius-myelectricaldatapy.json').customer;
    const answer = await v5Customer('contract', 'v5-contracts-cyr-ius-myelectricaldatapy.json');
    const got = answer.ok ? answer.value.customer : null;
    expect(got?.customer_id).toBe(source.customer_id);
    expect(got?.usage_points.map((p) => p.usage_point.usage_point_id)).toEqual(source.usage_points.map((p: any) => p.usage_point.usage_point_id));
    for (const [i, point] of source.usage_points.entries()) {
      for (const [field, value] of Object.entries(point.contracts))
        expect((got?.usage_points[i]!.contracts as any)[field], field).toBe(value === '' ? null : value);
    }
    summary.push(
      `v5-contracts-cyr-ius-myelectricaldatapy.json: contract ${got?.usage_points[0]?.contracts.subscribed_power}, ${got?.usage_points[0]?.contracts.offpeak_hours}`,
    );
  });

  it.each([
    [
      'v5-addresses-eddie.json',
      { street: "1 rue de l'homologation", locality: null, postal_code: '60000', insee_code: '60057', city: 'BEAUVAIS', country: 'France', geo_points: {} },
      'no com',
      'PMEI',
    ],
    [
      'v5-addresses-cyr-ius-myelectricaldatapy.json',
      { street: '1 rue paul bismuth', locality: null, postal_code: '00666', insee_code: '12345', city: 'XX YY', country: 'France', geo_points: {} },
      'com',
      'AMM',
    ],
  ])('%s: the address', async (file, address, status, meterType) => {
    const answer = await v5Customer('address', file);
    expect(answer.ok && answer.value.customer.usage_points[0]!.usage_point).toMatchObject({
      usage_point_status: status,
      meter_type: meterType,
      usage_point_addresses: address,
    });
    summary.push(`${file}: ${address.street}, ${address.postal_code} ${address.city} (${status}, ${meterType})`);
  });

  it.each([
    ['v5-identity-both-eddie.json', { natural_person: { title: 'M', firstname: 'Jon', lastname: 'Doe' }, legal_entity: { name: 'SNCF Immo' } }],
    ['v5-identity-legal-eddie.json', { legal_entity: { name: 'SNCF Immo' } }],
    ['v5-identity-natural-eddie.json', { natural_person: body('v5-identity-natural-eddie.json').identity.natural_person }],
  ])('%s: the identity, without the customer wrapper as Swagger 10 has it', async (file, identity) => {
    const answer = await v5Customer('customer', file);
    expect(answer.ok && answer.value).toEqual({ customer: { customer_id: 'XXXX', identity } });
    summary.push(`${file}: ${JSON.stringify(identity)}`);
  });

  it('v5-contact_data-eddie.json: the contact, without the customer wrapper', async () => {
    const answer = await v5Customer('contact', 'v5-contact_data-eddie.json');
    expect(answer.ok && answer.value).toEqual({ customer: { customer_id: 'XXXX', contact_data: { phone: '0512345678', email: 'mailtest@gmail.com' } } });
    summary.push('v5-contact_data-eddie.json: 0512345678, mailtest@gmail.com');
  });

  const v2026 = (files: { situation?: string; synthesis?: string; metering?: { file: string; status: number } | null; general?: string }) => {
    const handlers = [token];
    if (files.situation) handlers.push(http.get(`${BASE}/situation_contrat_auto/v1/${PRM}`, () => HttpResponse.json(body(files.situation!))));
    if (files.synthesis) handlers.push(http.get(`${BASE}/synth_contrat_auto/v1/${PRM}`, () => HttpResponse.json(body(files.synthesis!))));
    if (files.metering)
      handlers.push(http.get(`${BASE}/comptage_auto/v1/${PRM}`, () => HttpResponse.json(body(files.metering!.file), { status: files.metering!.status })));
    if (files.general) handlers.push(http.get(`${BASE}/donnees_generales_auto/v1/${PRM}`, () => HttpResponse.json(body(files.general!))));
    server.use(...handlers);
    return provider('2026');
  };

  it('2026 situation + synth (consommateur) with comptage_auto answering 900908: the contract, its power and activation date, off-peak hours unknown and why', async () => {
    const answer = await v2026({
      situation: '2026-situation_contrat_auto-consommateur-myelectricaldata_new.json',
      synthesis: '2026-synth_contrat_auto-consommateur-myelectricaldata_new.json',
      metering: { file: '2026-error-900908-comptage_auto-not-subscribed-myelectricaldata_new.json', status: 403 },
    }).customerData('contract', PRM);
    expect(answer.ok && answer.value).toEqual({
      customer: {
        customer_id: null,
        usage_points: [
          {
            usage_point: { usage_point_id: PRM, usage_point_status: null, meter_type: null },
            contracts: {
              segment: 'C5',
              subscribed_power: '12 kVA',
              last_activation_date: '2018-08-31+02:00',
              distribution_tariff: 'Tarif BT<=36kVA Moyenne Utilisation heures pleines heures creuses associées à deux saisons',
              offpeak_hours: null,
              contract_type: 'Contrat GRD-F',
              contract_status: null,
              last_distribution_tariff_change_date: null,
              direction: 'consumption',
            },
          },
        ],
      },
      unavailable: [{ field: 'offpeak_hours', reason: expect.stringMatching(/^comptage_auto: .*900908/) }],
    });
    summary.push(
      '2026 situation/synth consommateur + comptage 900908: contract 12 kVA, activated 2018-08-31+02:00, offpeak_hours null (unavailable: comptage_auto 900908)',
    );
  });

  it('2026 situation + synth (autoconsommation): the drawing contract then the injection one, each with the activation date of its direction', async () => {
    const answer = await v2026({
      situation: '2026-situation_contrat_auto-autoconsommation-myelectricaldata_new.json',
      synthesis: '2026-synth_contrat_auto-autoconsommation-myelectricaldata_new.json',
      metering: { file: '2026-error-900908-comptage_auto-not-subscribed-myelectricaldata_new.json', status: 403 },
    }).customerData('contract', PRM);
    const entries = answer.ok ? answer.value.customer.usage_points.map((p) => p.contracts) : [];
    expect(entries).toEqual([
      expect.objectContaining({
        contract_type: 'Contrat GRD-F',
        segment: 'C5',
        subscribed_power: '12 kVA',
        last_activation_date: '2014-01-22+01:00',
        direction: 'consumption',
      }),
      expect.objectContaining({
        contract_type: 'Contrat GRD-A',
        segment: 'P4',
        subscribed_power: null,
        last_activation_date: '2024-07-31+02:00',
        distribution_tariff: null,
        direction: 'production',
      }),
    ]);
    summary.push('2026 situation/synth autoconsommation: GRD-F 12 kVA since 2014-01-22+01:00; GRD-A (P4) since 2024-07-31+02:00');
  });

  it('2026-situation_contrat_auto-eddie.json: identity and contact of the holder', async () => {
    const p = v2026({ situation: '2026-situation_contrat_auto-eddie.json' });
    expect(await p.customerData('customer', PRM)).toEqual({
      ok: true,
      value: { customer: { customer_id: null, identity: { natural_person: { title: 'M', firstname: 'ANDRE', lastname: 'VIGNAL' } } } },
    });
    expect(await p.customerData('contact', PRM)).toEqual({
      ok: true,
      value: { customer: { customer_id: null, contact_data: { phone: null, email: null, landline: '0000000000' } } },
    });
    summary.push('2026-situation_contrat_auto-eddie.json: M ANDRE VIGNAL; landline 0000000000');
  });

  it.each([
    ['2026-situation_contrat_auto-consommateur-myelectricaldata_new.json', { phone: '<masque>', email: null, landline: '<masque>' }],
    ['2026-situation_contrat_auto-autoconsommation-myelectricaldata_new.json', { phone: '<masque>', email: '<masque>', landline: '<masque>' }],
  ])('%s: identity and contact (anonymised)', async (file, contact) => {
    const p = v2026({ situation: file });
    expect(await p.customerData('customer', PRM)).toEqual({
      ok: true,
      value: { customer: { customer_id: null, identity: { natural_person: { title: '<masque>', firstname: '<masque>', lastname: '<masque>' } } } },
    });
    expect(await p.customerData('contact', PRM)).toEqual({ ok: true, value: { customer: { customer_id: null, contact_data: contact } } });
    summary.push(
      `${file}: identity and contact read (${Object.keys(contact)
        .filter((k) => (contact as any)[k])
        .join(', ')})`,
    );
  });

  it.each([
    [
      '2026-donnees_generales_auto-myelectricaldata_new.json',
      { street: '<masque>', locality: null, postal_code: null, insee_code: '<masque>', city: '<masque>', country: null, geo_points: {} },
    ],
    [
      '2026-donnees_generales_auto-eddie.json',
      {
        street: '12 rue de la Paix',
        locality: 'Les Prés',
        postal_code: '75000',
        insee_code: '75112',
        city: 'Paris',
        country: null,
        geo_points: {},
        building: 'Bâtiment A',
        staircase_floor_apartment: 'Esc A, étage 2, apt 12',
      },
    ],
  ])('%s: the address, in either nesting', async (file, address) => {
    const answer = await v2026({ general: file }).customerData('address', PRM);
    expect(answer.ok && answer.value.customer.usage_points[0]!.usage_point).toEqual({
      usage_point_id: PRM,
      usage_point_status: null,
      meter_type: null,
      usage_point_addresses: address,
    });
    summary.push(`${file}: ${address.street}, ${address.postal_code ?? ''} ${address.city}`.replace(/ {2,}/g, ' '));
  });

  it('2026-subscribed_services-eddie.json: a consent grants the meters whose service is active or asked for', async () => {
    server.use(
      token,
      http.post(`${BASE}/subscribed_services/v1`, () => HttpResponse.json(body('2026-subscribed_services-eddie.json'))),
    );
    expect(await provider('2026').resolveConsent({ authorizationId: '999999999' })).toEqual({ ok: true, value: ['12345678901234', '98765432109876'] });
    summary.push('2026-subscribed_services-eddie.json: grants 12345678901234 (ACTIF), 98765432109876 (DEMANDE)');
  });
});

describe('errors Enedis really sent, through the HTTP adapter', () => {
  const answerWith = async (status: number, payload: string, contentType = 'application/json', generation: EnedisGeneration = 'v5') => {
    const path = generation === 'v5' ? V5_METERING_PATHS['consumption:daily'] : V2026_METERING_PATHS['consumption:daily'];
    server.use(
      token,
      http.get(`${BASE}${path}`, () => new HttpResponse(payload, { status, headers: { 'Content-Type': contentType } })),
      // "Before activation" looks the contract up for a first guess: there is none here.
      http.get(`${BASE}/customers_upc/v5/usage_points/contracts`, () => HttpResponse.json({ error: 'no_data_found' }, { status: 404 })),
    );
    return provider(generation).readings('consumption:daily', PRM, { start: '2026-01-01' as LocalDate, end: '2026-01-03' as LocalDate });
  };
  const enedisPart = (file: string) => {
    const b = body(file);
    return JSON.stringify(b.status !== undefined && b.error ? b.error : b);
  };

  it.each([
    ['v5-error-ADAM-DC-0007-ha-linky-issue-202.json', 400, 'NotHolder'],
    ['v5-error-ADAM-DC-0008-conso-api-issue-9.json', 403, 'NoConsent'],
    ['v5-error-ADAM-ERR0123-saniho-apiEnedis-issue-39.json', 400, 'BeforeActivation'],
    ['v5-error-ADAM-ERR0125-ha-linky-issue-12.json', 400, 'BeyondHistory'],
    ['v5-error-ADAM-ERR0126-DomoticzLinky-issue-175.json', 400, 'BadUpstreamData'],
    ['v5-error-invalid_request-start-after-end-bokub-linky.json', 400, 'BadUpstreamData'],
    ['v5-error-no_data_found-bokub-linky-issue-46.json', 404, 'NoData'],
    ['v5-error-technical_error-conso-api-issue-56.json', 500, 'UpstreamUnavailable'],
    ['v5-error-429-Q4-DomoticzLinky-issue-84.json', 429, 'UpstreamThrottled'],
    ['v5-error-429-900807-fault-conso-api-issue-141.json', 429, 'UpstreamThrottled'],
    ['v5-error-429-900804-nextAccessTime-ha-linky-issue-192.json', 429, 'UpstreamThrottled'],
    ['2026-error-900908-comptage_auto-not-subscribed-myelectricaldata_new.json', 403, 'ApiNotSubscribed'],
  ])('%s (HTTP %s): %s', async (file, status, kind) => {
    const answer = await answerWith(status, enedisPart(file));
    const failure = answer.ok ? null : answer.error;
    expect(failure?.kind).toBe(kind);
    if (file.includes('Q4')) {
      // The hourly quota: nothing passes before the next hour, and the answer says so.
      const toNextHour = Math.ceil((3_600_000 - (Date.now() % 3_600_000)) / 1000);
      expect(failure?.kind === 'UpstreamThrottled' && Math.abs(failure.retryAfterSeconds - toNextHour)).toBeLessThanOrEqual(2);
    }
    if (failure?.kind === 'ApiNotSubscribed') expect(failure.api).toBe('metering_data_dc');
    summary.push(`${file} (${status}): ${failure?.kind}${failure && 'message' in failure ? ` "${failure.message.slice(0, 80)}"` : ''}`);
  });

  it("v5-error-403-cloudflare-html-ha-linky-issue-175.html: a firewall's page is Enedis unreachable, and none of its HTML reaches a message", async () => {
    const answer = await answerWith(403, raw('v5-error-403-cloudflare-html-ha-linky-issue-175.html'), 'text/html; charset=UTF-8');
    expect(answer.ok ? null : answer.error).toEqual({
      kind: 'UpstreamUnavailable',
      message: "Enedis' gateway answered HTTP 403 with a page that is not JSON (text/html)",
    });
    summary.push('v5-error-403-cloudflare-html-ha-linky-issue-175.html (403): UpstreamUnavailable, no HTML copied');
  });
});

describe('a meter synchronised from the 2026 captures', () => {
  it('when comptage_auto is not subscribed, then the meter gets its power and both activation dates, and keeps the off-peak hours it had', async () => {
    server.use(
      token,
      http.get(`${BASE}/situation_contrat_auto/v1/${PRM}`, () =>
        HttpResponse.json(body('2026-situation_contrat_auto-autoconsommation-myelectricaldata_new.json')),
      ),
      http.get(`${BASE}/synth_contrat_auto/v1/${PRM}`, () => HttpResponse.json(body('2026-synth_contrat_auto-autoconsommation-myelectricaldata_new.json'))),
      http.get(`${BASE}/comptage_auto/v1/${PRM}`, () =>
        HttpResponse.json(body('2026-error-900908-comptage_auto-not-subscribed-myelectricaldata_new.json'), { status: 403 }),
      ),
      http.get(`${BASE}${V2026_METERING_PATHS['consumption:daily']}`, () => HttpResponse.json(body('2026-consommation_quotidienne-myelectricaldata_new.json'))),
      http.get(`${BASE}${V2026_METERING_PATHS['production:daily']}`, () => HttpResponse.json(body('2026-production_quotidienne-myelectricaldata_new.json'))),
    );
    const { deps, accountWithMeter } = buildUseCases();
    const { principal, pdl } = await accountWithMeter(PRM);
    await deps.pdls.update(pdl.id, { offpeakHours: ['22:30-06:30'] });
    const synced = await syncPdl({ ...deps, provider: provider('2026') })(principal.user, (await deps.pdls.findById(pdl.id))!);
    expect(synced).toMatchObject({
      subscribedPower: 12,
      activationDate: '2014-01-22',
      productionActivationDate: '2024-07-31',
      offpeakHours: ['22:30-06:30'],
      hasConsumption: true,
      hasProduction: true,
      sync: { status: 'ok', error: null },
    });
    summary.push(
      'sync from 2026 autoconsommation captures: 12 kVA, activated 2014-01-22 (consumption) and 2024-07-31 (production), off-peak hours kept (comptage_auto 900908)',
    );
  });
});
