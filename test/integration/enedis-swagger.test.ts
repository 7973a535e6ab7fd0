import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { EnedisGeneration } from '../../adapters/enedis/metering-provider.enedis.js';
import { testEnedisProvider } from '../support/enedis-provider.js';
import { CUSTOMER_DATA_KINDS } from '../../domain/customer-data.js';
import type { LocalDate } from '../../domain/local-date.js';
import { KIND_SPECS, type MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';

/**
 * Every request the Enedis HTTP adapter can send, in both generations, checked against Enedis' own
 * Swaggers (test/fixtures/enedis-captures/spec): the operation exists for that method and path,
 * every required parameter is there, none the Swagger does not declare, enumerations and date
 * formats hold, and the one JSON body matches its schema's required fields and types. Enedis answers
 * a request outside its Swagger with 500, so a mistake here is an outage there.
 */
const SPEC_DIR = new URL('../fixtures/enedis-captures/spec/', import.meta.url);
const BASE = 'https://enedis.test';
const PRM = '22516914714270' as UsagePointId;

type Param = { name: string; in: string; required?: boolean; enum?: string[]; format?: string; schema?: { enum?: string[]; format?: string } };
interface Operation {
  readonly file: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly template: string;
  readonly params: Param[];
  readonly body: { required?: string[]; properties?: Record<string, { type?: string }> } | null;
}

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const file of readdirSync(SPEC_DIR)) {
    const text = readFileSync(new URL(file, SPEC_DIR), 'utf8').replace(/\r/g, '');
    const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    const server = String(doc.servers?.[0]?.url ?? `${doc.host ?? ''}${doc.basePath ?? ''}`).trim();
    const basePath = new URL(server.startsWith('http') ? server : `https://${server}`).pathname.replace(/\/$/, '');
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!['get', 'post'].includes(method)) continue;
        // One Swagger repeats its base path in its paths: take the path as written then.
        const full = path.startsWith(basePath) ? path : `${basePath}${path === '/' ? '' : path}`;
        const pattern = new RegExp(`^${full.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
        const bodyParam = (op.parameters ?? []).find((p: Param) => p.in === 'body');
        const ref = bodyParam?.schema?.$ref as string | undefined;
        const body = ref ? doc.definitions[ref.split('/').pop()!] : null;
        found.push({ file, method: method.toUpperCase(), pattern, template: full, params: op.parameters ?? [], body });
      }
    }
  }
  return found;
}

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams | null;
  readonly json: unknown;
}

const sent: Sent[] = [];
const server = setupServer(
  http.post(`${BASE}/oauth2/v3/token`, async ({ request }) => {
    sent.push({
      method: 'POST',
      path: '/oauth2/v3/token',
      query: new URL(request.url).searchParams,
      form: new URLSearchParams(await request.text()),
      json: null,
    });
    return HttpResponse.json({ access_token: 't', token_type: 'Bearer', expires_in: 12_600 });
  }),
  http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const text = request.method === 'POST' ? await request.text() : '';
    sent.push({ method: request.method, path: url.pathname, query: url.searchParams, form: null, json: text ? JSON.parse(text) : null });
    // Before activation on the first measure call, so that the probes it starts are sent too.
    if (
      /daily_consumption$|consommation_quotidienne$/.test(url.pathname) &&
      url.searchParams.get(url.searchParams.has('start') ? 'start' : 'dateDebut') === '2026-01-01'
    ) {
      return HttpResponse.json({ error: 'ADAM-ERR0123', error_description: 'before activation' }, { status: 400 });
    }
    if (url.pathname.startsWith('/situation_contrat_auto'))
      return HttpResponse.json([{ contract_type: 'Contrat GRD-F', subscribed_power: { unit: 'kVA', value: '6' }, person: {}, contact_data: {} }]);
    if (url.pathname.startsWith('/synth_contrat_auto')) return HttpResponse.json({ consumption_last_activation_date: '2026-01-20T00:00:00+0100' });
    if (url.pathname.startsWith('/subscribed_services')) return HttpResponse.json({ serviceSouscrit: [{ pointId: PRM, etatCode: 'ACTIF' }] });
    return HttpResponse.json({
      meter_reading: { interval_reading: [] },
      grandeur: [],
      customer: { usage_points: [], identity: {}, contact_data: {} },
      address: { number_street_name: 'x' },
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const provider = (generation: EnedisGeneration, authorizeVersion: 'v1' | 'v2' = 'v1') =>
  testEnedisProvider(generation, BASE, {
    authorizeVersion,
    authorizeUrl: `https://mon-compte-particulier.enedis.fr/dataconnect/${authorizeVersion}/oauth2/authorize`,
    redirectUri: 'https://gateway.test/api/oauth/callback',
  });

/** Everything each generation's adapter sends: every measure, a before-activation search, every customer answer, a consent. */
async function everyRequest(generation: EnedisGeneration): Promise<Sent[]> {
  sent.length = 0;
  const p = provider(generation);
  for (const kind of Object.keys(KIND_SPECS) as MeteringKind[])
    await p.readings(kind, PRM, { start: '2026-02-01' as LocalDate, end: '2026-02-08' as LocalDate });
  await p.readings('consumption:daily', PRM, { start: '2026-01-01' as LocalDate, end: '2026-02-01' as LocalDate });
  for (const kind of CUSTOMER_DATA_KINDS) await p.customerData(kind, PRM);
  if (generation === '2026') await p.resolveConsent({ authorizationId: '999999999' });
  return [...sent];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function problemsOf(request: Sent, ops: readonly Operation[]): string[] {
  const op = ops.find((o) => o.method === request.method && o.pattern.test(request.path));
  if (!op) return [`${request.method} ${request.path}: no operation of the Swaggers`];
  const where = `${request.method} ${request.path} (${op.file})`;
  const problems: string[] = [];
  const declared = (kind: string) => op.params.filter((p) => p.in === kind);
  const check = (kind: string, values: URLSearchParams) => {
    for (const p of declared(kind)) {
      const value = values.get(p.name);
      if (value === null) {
        if (p.required) problems.push(`${where}: required ${kind} parameter ${p.name} missing`);
        continue;
      }
      const allowed = p.enum ?? p.schema?.enum;
      if (allowed && !allowed.includes(value)) problems.push(`${where}: ${p.name}=${value} is not one of ${allowed.join(', ')}`);
      if ((p.format ?? p.schema?.format) === 'date' && !DATE.test(value)) problems.push(`${where}: ${p.name}=${value} is not a date`);
    }
    for (const name of values.keys())
      if (!declared(kind).some((p) => p.name === name)) problems.push(`${where}: ${kind} parameter ${name} is not in the Swagger`);
  };
  check('query', request.query);
  if (request.form) check('formData', request.form);
  const pathParams = op.template.match(/\{[^}]+\}/g) ?? [];
  if (pathParams.length > 0 && !request.path.includes(PRM)) problems.push(`${where}: the PRM is not in the path`);
  if (op.body) {
    const json = (request.json ?? {}) as Record<string, unknown>;
    for (const field of op.body.required ?? []) if (!(field in json)) problems.push(`${where}: body field ${field} missing`);
    for (const [field, value] of Object.entries(json)) {
      const type = op.body.properties?.[field]?.type;
      if (!type) problems.push(`${where}: body field ${field} is not in the schema`);
      else if (
        (type === 'integer' && !Number.isInteger(value)) ||
        (type === 'boolean' && typeof value !== 'boolean') ||
        (type === 'string' && typeof value !== 'string')
      ) {
        problems.push(`${where}: body field ${field} should be ${type}, is ${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

describe("every request the Enedis adapter sends, against Enedis' Swaggers", () => {
  const ops = operations();

  it('when the Swaggers are read, then they describe the APIs the adapter calls', () => {
    expect(ops.length).toBeGreaterThanOrEqual(20);
    expect(ops.some((o) => o.template === '/mesure_synchrone_auto/v2/puissance_conso_max_quotidienne')).toBe(true);
  });

  it('when the 2026 adapter reads every measure, searches a first day, reads every customer answer and resolves a consent, then each request is one its Swagger describes', async () => {
    const requests = await everyRequest('2026');
    expect(new Set(requests.map((r) => r.path.split('/')[1]))).toEqual(
      new Set([
        'oauth2',
        'mesure_synchrone_auto',
        'situation_contrat_auto',
        'synth_contrat_auto',
        'comptage_auto',
        'donnees_generales_auto',
        'subscribed_services',
      ]),
    );
    expect(requests.flatMap((r) => problemsOf(r, ops))).toEqual([]);
  });

  it('when the v5 adapter does the same, then each request is one its Swagger describes, but for production, whose stored Swaggers describe consumption', async () => {
    const requests = await everyRequest('v5');
    // Swaggers 06 and 07 as stored repeat 03 and 04 (daily_consumption, consumption_load_curve).
    const undocumented = new Set(['/metering_data_dp/v5/daily_production', '/metering_data_plc/v5/production_load_curve']);
    expect(requests.filter((r) => undocumented.has(r.path)).length).toBe(2);
    expect(requests.filter((r) => !undocumented.has(r.path)).flatMap((r) => problemsOf(r, ops))).toEqual([]);
  });

  it('when a consent link is built for the v1 page, then it has the parameters Swagger 01 asks for; the v2 link the same but no redirect_uri', () => {
    for (const version of ['v1', 'v2'] as const) {
      const url = new URL(provider('2026', version).consentUrl('s'.repeat(43)));
      const query = new URLSearchParams(url.search);
      if (version === 'v1') query.delete('redirect_uri');
      else expect(url.searchParams.has('redirect_uri')).toBe(false);
      const asV1 = { method: 'GET', path: url.pathname.replace('/v2/', '/v1/'), query, form: null, json: null };
      expect(problemsOf(asV1, ops)).toEqual([]);
    }
  });
});
