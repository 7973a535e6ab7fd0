import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CustomerDataKind, CustomerDataOf } from '../../domain/customer-data.js';
import { parseDateRange, rangeDays, rangeLength, type DateRange } from '../../domain/date-range.js';
import { weekday } from '../../domain/local-date.js';
import { KIND_SPECS, type MeteringKind } from '../../domain/metering.js';
import { parisDate } from '../../domain/paris-time.js';
import { parseUsagePointId, type UsagePointId } from '../../domain/usage-point-id.js';
import type { Clock } from '../../ports/clock.js';
import { refusalAnswer, v2026Measures, v5MeterReading } from './emulator-wire.js';
import { generalDataAnswer, meteringAnswer, situationAnswer, synthesisAnswer } from './emulator-wire-2026-customer.js';
import { meterProfile } from './meter-profiles.js';
import { MockEnedisProvider } from './metering-provider.mock-enedis.js';
import { setTimeout as sleep } from 'node:timers/promises';

export type FaultKind =
  | '429-legacy'
  | '429-wso2'
  | '429-next-access'
  | '429-hourly'
  | '500'
  | '503'
  | 'timeout'
  | 'span'
  | '401'
  | 'latency'
  | 'garbage'
  | 'not-subscribed'
  | 'waf-403';

/** A fault served instead of (or, for latency, before) the next `count` matching answers. */
export interface Fault {
  readonly kind: FaultKind;
  count: number;
  /** A regular expression the request path must match; all data and token paths when absent. */
  readonly path?: string;
  readonly latencyMs?: number;
  /** For the 429 formats that say when to come back. */
  readonly retryAfterSeconds?: number;
}

export interface EmulatorCall {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface EmulatorOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock?: Clock;
  readonly tokenLifetimeSeconds?: number;
  /** Added to every answer. */
  readonly latencyMs?: number;
  /** Which redirect the consent page makes: v5 lists usage points, 2026 gives an autorisation_id. */
  readonly consentGeneration?: 'v5' | '2026';
  /** Where the consent page sends the user when the request names no redirect_uri. */
  readonly redirectUri?: string;
}

/** Enedis' sandbox clients (reference §1.7), chosen by the last digit of the consent `state`. */
const SANDBOX_CLIENTS: Readonly<Record<string, readonly string[]>> = {
  '0': ['22516914714270'],
  '1': ['11453290002823'],
  '2': ['32320647321714'],
  '3': ['12345678901234', '10284856584123'],
  '4': ['42900589957123'],
  '5': ['24880057139941'],
  '6': ['12655648759651'],
  '7': ['64975835695673', '63695879465986', '22315546958763'],
  '8': ['26584978546985'],
  '9': ['22516914714270'],
};

const V5_PATHS: Record<string, MeteringKind> = {
  '/metering_data_dc/v5/daily_consumption': 'consumption:daily',
  '/metering_data_clc/v5/consumption_load_curve': 'consumption:detail',
  '/metering_data_dcmp/v5/daily_consumption_max_power': 'consumption:max_power',
  '/metering_data_dp/v5/daily_production': 'production:daily',
  '/metering_data_plc/v5/production_load_curve': 'production:detail',
};
const V2026_PATHS: Record<string, MeteringKind> = {
  '/mesure_synchrone_auto/v2/consommation_quotidienne': 'consumption:daily',
  '/mesure_synchrone_auto/v2/courbe_de_charge_consommation': 'consumption:detail',
  '/mesure_synchrone_auto/v2/puissance_conso_max_quotidienne': 'consumption:max_power',
  '/mesure_synchrone_auto/v2/production_quotidienne': 'production:daily',
  '/mesure_synchrone_auto/v2/courbe_de_charge_production': 'production:detail',
};
const V5_CUSTOMER: Record<string, CustomerDataKind> = {
  '/customers_upc/v5/usage_points/contracts': 'contract',
  '/customers_upa/v5/usage_points/addresses': 'address',
  '/customers_i/v5/identity': 'customer',
  '/customers_cd/v5/contact_data': 'contact',
};
/** The 2026 per-meter customer APIs: the data each answer is written from, and how. */
type CustomerRecord = { [K in CustomerDataKind]: CustomerDataOf<K> | null };
const V2026_CUSTOMER: Record<string, { needs: readonly CustomerDataKind[]; write: (data: CustomerRecord) => unknown }> = {
  situation_contrat_auto: { needs: ['contract', 'customer', 'contact'], write: (d) => situationAnswer(d.contract!, d.customer, d.contact) },
  synth_contrat_auto: { needs: ['contract'], write: (d) => synthesisAnswer(d.contract!) },
  comptage_auto: { needs: ['contract'], write: (d) => meteringAnswer(d.contract!) },
  donnees_generales_auto: { needs: ['address'], write: (d) => generalDataAnswer(d.address!) },
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({ status, body, headers });
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An HTTP server that answers like Enedis Data Connect, v5 and 2026, from MockEnedis data: token
 * endpoint, metering and customer APIs, consent page, the sandbox meters' behaviours, faults on
 * demand, and a count of every call received. Control routes live under `/__emulator/`.
 */
export class EnedisEmulator {
  readonly calls: EmulatorCall[] = [];
  private readonly faults: Fault[] = [];
  private readonly tokens = new Map<string, number>();
  private readonly authorizations = new Map<string, readonly string[]>();
  private readonly nextConsents: Array<readonly string[]> = [];
  private readonly provider: MockEnedisProvider;
  private readonly clock: Clock;
  private server: Server | null = null;

  constructor(private readonly options: EmulatorOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.provider = new MockEnedisProvider(this.clock);
  }

  /**
   * The meters the next consent grants, whatever its state: the customer who logs in on the consent
   * page. Without it, the state's last digit picks a sandbox client as Enedis' sandbox does.
   */
  grantNextConsent(usagePointIds: readonly string[]): void {
    this.nextConsents.push(usagePointIds);
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'technical_error', error_description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    return `http://${host}:${(server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  reset(): void {
    this.calls.length = 0;
    this.faults.length = 0;
  }

  /** Calls received, all of them or those whose path matches. */
  count(path?: RegExp): number {
    return path ? this.calls.filter((c) => path.test(c.path)).length : this.calls.length;
  }

  /** The most calls that arrived within any window of `windowMs`. */
  maxPerWindow(windowMs = 1000, path?: RegExp): number {
    const times = this.calls
      .filter((c) => !path || path.test(c.path))
      .map((c) => c.at)
      .sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= windowMs) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname.startsWith('/__emulator/')) return this.control(req, res, url);
    const at = Date.now();
    const answer = await this.answer(req, url);
    this.calls.push({ at, method: req.method ?? 'GET', path: url.pathname, status: answer.status });
    if (answer.status === 0) return; // a timeout fault: never answer; the caller gives up, or stop() cuts it
    res.writeHead(answer.status, { 'Content-Type': answer.raw !== undefined ? 'text/html' : 'application/json', ...answer.headers });
    res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
  }

  private async control(req: IncomingMessage, res: ServerResponse, url: URL) {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/__emulator/calls') {
      return send(200, { total: this.calls.length, max_per_second: this.maxPerWindow(1000), calls: this.calls });
    }
    if (url.pathname === '/__emulator/faults' && req.method === 'POST') {
      const fault = JSON.parse(await readBody(req)) as Fault;
      this.inject(fault);
      return send(201, fault);
    }
    if (url.pathname === '/__emulator/reset' && req.method === 'POST') {
      this.reset();
      return send(200, { reset: true });
    }
    return send(404, { error: 'unknown control route' });
  }

  private takeFault(path: string): Fault | null {
    const fault = this.faults.find((f) => f.count > 0 && (!f.path || new RegExp(f.path).test(path)));
    if (!fault) return null;
    fault.count--;
    return fault;
  }

  private async answer(req: IncomingMessage, url: URL): Promise<Answer> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    let fault = this.takeFault(url.pathname);
    while (fault?.kind === 'latency') {
      await sleep(fault.latencyMs ?? 500);
      fault = this.takeFault(url.pathname);
    }
    if (fault) return this.faultAnswer(fault);
    const path = url.pathname;
    if (path === '/oauth2/v3/token' && req.method === 'POST') return this.token(req);
    if (path === '/dataconnect/v1/oauth2/authorize') return this.authorize(url, this.options.consentGeneration ?? 'v5');
    // The v2 page (production since 2026-10-05) always answers with an autorisation_id.
    if (path === '/dataconnect/v2/oauth2/authorize') return this.authorize(url, '2026');
    if (!this.authorised(req)) {
      return json(401, { error: 'invalid_token', error_description: 'Valid authentication credentials are mandatory' });
    }
    if (V5_PATHS[path])
      return this.readings(V5_PATHS[path], 'v5', url.searchParams.get('usage_point_id'), url.searchParams.get('start'), url.searchParams.get('end'));
    if (V2026_PATHS[path])
      return this.readings(V2026_PATHS[path], '2026', url.searchParams.get('pointId'), url.searchParams.get('dateDebut'), url.searchParams.get('dateFin'));
    if (V5_CUSTOMER[path]) return this.customerV5(V5_CUSTOMER[path], url.searchParams.get('usage_point_id'));
    const perMeter = /^\/(\w+)\/v1\/([^/]+)$/.exec(path);
    if (perMeter && V2026_CUSTOMER[perMeter[1]!]) return this.customer2026(V2026_CUSTOMER[perMeter[1]!]!, perMeter[2]!);
    if (path === '/subscribed_services/v1' && req.method === 'POST') return this.subscribedServices(req);
    return json(404, { error: 'not_found', error_description: `no such resource: ${path}` });
  }

  private faultAnswer(fault: Fault): Answer {
    const wait = fault.retryAfterSeconds ?? 1;
    switch (fault.kind) {
      case '429-legacy':
        return json(429, { error: '429', error_description: 'Quota Q3 reached Call threshold allowed on 0:0:1' });
      case '429-hourly':
        // As DomoticzLinky#84 captured it: the hourly quota (Q4), no Retry-After header.
        return json(429, { error: '429', error_description: 'Quota Q4 reached  Call threshold allowed on 0:-30:-40' });
      case 'not-subscribed':
        return json(403, {
          code: '900908',
          message: 'Resource forbidden ',
          description: 'User is NOT authorized to access the Resource. API Subscription validation failed.',
        });
      case 'waf-403':
        return {
          status: 403,
          raw: '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>',
        };
      case '429-wso2':
        return json(429, { fault: { code: 900807, message: 'Message throttled out', description: 'You have exceeded your quota' } });
      case '429-next-access': {
        const next = new Date(Date.now() + wait * 1000);
        const month = next.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
        const stamp = `${next.getUTCFullYear()}-${month}-${String(next.getUTCDate()).padStart(2, '0')} ${next.toISOString().slice(11, 19)}+0000 UTC`;
        return json(429, {
          code: '900804',
          message: 'Message throttled out',
          description: `You have exceeded your quota. You can access API after ${stamp}`,
          nextAccessTime: stamp,
        });
      }
      case '500':
        return json(500, { error: 'technical_error', error_description: 'Technical error. Please try later.' });
      case '503':
        return { status: 503, raw: '<html><body>Service Unavailable</body></html>' };
      case 'span':
        return json(400, { error: 'ADAM-ERR0126', error_description: 'The requested period cannot exceed 7 days.' });
      case 'garbage':
        return { status: 200, raw: '<html><body>Maintenance en cours</body></html>' };
      case '401':
        return json(401, { error: 'invalid_token', error_description: 'Valid authentication credentials are mandatory' });
      case 'timeout':
      case 'latency':
        return { status: 0 };
    }
  }

  private async token(req: IncomingMessage): Promise<Answer> {
    if (!/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
      return json(415, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' });
    }
    const form = new URLSearchParams(await readBody(req));
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (basic) [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(/:(.*)/s) as [string, string];
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
    if (id !== this.options.clientId || secret !== this.options.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const lifetime = this.options.tokenLifetimeSeconds ?? 12_600;
    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, Date.now() + lifetime * 1000);
    return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: 'am_application_scope default' });
  }

  private authorised(req: IncomingMessage): boolean {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const expiresAt = bearer ? this.tokens.get(bearer) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  private invalid(description: string, generation: 'v5' | '2026'): Answer {
    return json(400, generation === 'v5' ? { error: 'Invalid_request', error_description: description } : { code: 'Invalid_request', message: description });
  }

  private async readings(kind: MeteringKind, generation: 'v5' | '2026', rawId: string | null, start: string | null, end: string | null): Promise<Answer> {
    const usagePointId = parseUsagePointId(rawId);
    if (!usagePointId.ok) return this.invalid('usage point id must be 14 digits', generation);
    const range = parseDateRange(start, end);
    if (!range.ok) return this.invalid('Start date should be before end date (YYYY-MM-DD)', generation);
    if (range.value.end > parisDate(this.clock.now())) return this.invalid('The end date cannot be in the future', generation);
    const spec = KIND_SPECS[kind];
    if (rangeLength(range.value) > spec.maxDaysPerCall) {
      const description = `The requested period cannot exceed ${spec.maxDaysPerCall} days.`;
      return json(400, generation === 'v5' ? { error: 'ADAM-ERR0126', error_description: description } : { code: 'ADAM-ERR0126', message: description });
    }
    const answer = await this.provider.readings(kind, usagePointId.value, range.value);
    if (!answer.ok) {
      const refusal = refusalAnswer(answer.error, generation);
      return json(refusal.status, refusal.body);
    }
    if (generation === 'v5') return json(200, v5MeterReading(kind, usagePointId.value, range.value, answer.value));
    return json(200, v2026Measures(kind, usagePointId.value, range.value, answer.value, this.holes(usagePointId.value, range.value)));
  }

  private holes(usagePointId: string, range: DateRange): string[] {
    const profile = meterProfile(usagePointId);
    const today = parisDate(this.clock.now());
    return rangeDays(range).filter((day) => day < today && profile.holeWeekdays.includes(weekday(day)));
  }

  /** The meter's customer data, or Enedis' refusal: the sandbox has customer data only on consumption meters. */
  private async customerRecord(rawId: string | null, needs: readonly CustomerDataKind[], generation: 'v5' | '2026'): Promise<CustomerRecord | Answer> {
    const usagePointId = parseUsagePointId(rawId);
    if (!usagePointId.ok) return this.invalid('usage point id must be 14 digits', generation);
    const record: CustomerRecord = { contract: null, address: null, customer: null, contact: null };
    for (const kind of needs) {
      const answer = await this.provider.customerData(kind, usagePointId.value as UsagePointId);
      if (!answer.ok) {
        const refusal = refusalAnswer(answer.error, generation);
        return json(refusal.status, refusal.body);
      }
      (record as Record<CustomerDataKind, unknown>)[kind] = answer.value;
    }
    return record;
  }

  private async customerV5(kind: CustomerDataKind, rawId: string | null): Promise<Answer> {
    const record = await this.customerRecord(rawId, [kind], 'v5');
    return 'status' in record ? record : json(200, record[kind]);
  }

  private async customer2026(api: (typeof V2026_CUSTOMER)[string], prm: string): Promise<Answer> {
    const record = await this.customerRecord(prm, api.needs, '2026');
    return 'status' in record ? record : json(200, api.write(record));
  }

  private authorize(url: URL, redirectKind: 'v5' | '2026'): Answer {
    const state = url.searchParams.get('state') ?? '';
    const redirect = url.searchParams.get('redirect_uri') ?? this.options.redirectUri;
    if (url.searchParams.get('client_id') !== this.options.clientId || url.searchParams.get('response_type') !== 'code' || !redirect) {
      return json(400, { error: 'invalid_request', error_description: 'missing_parameter' });
    }
    const duration = /^P(\d+)([YM])$/.exec(url.searchParams.get('duration') ?? '');
    if (!duration) return json(400, { error: 'invalid_request', error_description: 'invalid_duration_format' });
    if (Number(duration[1]) > (duration[2] === 'Y' ? 3 : 36)) return json(400, { error: 'invalid_request', error_description: 'maximum_duration_exceeded' });
    const granted = this.nextConsents.shift() ?? SANDBOX_CLIENTS[state.slice(-1)] ?? SANDBOX_CLIENTS['0']!;
    const target = new URL(redirect);
    target.searchParams.set('state', state);
    if (redirectKind === 'v5') {
      target.searchParams.set('code', randomBytes(12).toString('base64url'));
      target.searchParams.set('usage_point_id', granted.join(';'));
    } else {
      // Enedis' autorisationId is an integer (subscribed_services' Swagger: int64).
      const authorization = String(100_000_000 + (randomBytes(4).readUInt32BE() % 900_000_000));
      this.authorizations.set(authorization, granted);
      target.searchParams.set('autorisation_id', authorization);
    }
    return { status: 302, headers: { Location: target.toString() } };
  }

  private async subscribedServices(req: IncomingMessage): Promise<Answer> {
    const body = JSON.parse((await readBody(req)) || '{}') as { autorisationId?: unknown };
    const granted = typeof body.autorisationId === 'number' ? this.authorizations.get(String(body.autorisationId)) : undefined;
    if (!granted) return json(404, { code: 'no_data_found', message: 'unknown autorisationId' });
    return json(200, { serviceSouscrit: granted.map((pointId) => ({ pointId, etatCode: 'ACTIF', serviceSouscritId: randomBytes(4).toString('hex') })) });
  }
}
