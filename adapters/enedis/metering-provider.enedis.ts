import type { ConsentGrant } from '../../domain/consent.js';
import { contractFor, type ContractDirection, type CustomerDataKind, type CustomerDataOf } from '../../domain/customer-data.js';
import { rangeLength, splitRange, type DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { addDays, parseLocalDate, type LocalDate } from '../../domain/local-date.js';
import { KIND_SPECS, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import { err, ok, type Result } from '../../domain/result.js';
import { parseUsagePointId, type UsagePointId } from '../../domain/usage-point-id.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import { EnedisHttpClient, type EnedisAnswer, type EnedisHttpOptions } from './enedis-http-client.js';
import { apiOf, refusalOf } from './enedis-errors.js';
import { parseSubscribedServices, parseV2026Readings, V2026_METERING_PATHS, v2026MeteringQuery } from './wire-2026.js';
import {
  addressOf,
  contactOf,
  contractOf,
  identityOf,
  parseMeteringSituation,
  parseSituation,
  parseSynthesis,
  V2026_CUSTOMER_APIS,
} from './wire-2026-customer.js';
import { parseV5Customer, parseV5Readings, V5_CUSTOMER_PATHS, V5_METERING_PATHS, v5MeteringQuery } from './wire-v5.js';

export type EnedisGeneration = 'v5' | '2026';

export interface EnedisProviderOptions extends EnedisHttpOptions {
  readonly generation: EnedisGeneration;
  /** Enedis' consent page. */
  readonly authorizeUrl: string;
  /** v1 takes a redirect_uri; v2 uses the one registered with the application and takes none. Default v1. */
  readonly authorizeVersion?: 'v1' | 'v2';
  /** Sent with the consent request when set (Enedis uses the one registered with the application). */
  readonly redirectUri: string | null;
  /** Told when Enedis refuses the application an API it is not subscribed to (an operator's problem, not a user's). */
  readonly onApiNotSubscribed?: (api: string, message: string) => void;
}

const badData = (what: string): ProviderFailure => ({ kind: 'BadUpstreamData', message: `Enedis answered ${what} in an unexpected shape` });

/**
 * The real Enedis Data Connect, v5 or 2026 by configuration; the gateway's API is the same for both.
 * Ranges arrive clamped and split by the domain; a span Enedis still finds too long is halved and
 * asked again; "before activation" looks up the activation date so the meter can be clamped.
 */
export class EnedisHttpProvider implements MeteringProvider {
  readonly requiresConsent = true;
  readonly historyLimited = true;
  private readonly http: EnedisHttpClient;

  constructor(private readonly options: EnedisProviderOptions) {
    this.http = new EnedisHttpClient(options);
  }

  async readings(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>> {
    const v5 = this.options.generation === 'v5';
    const { path, answer } = await this.meteringCall(kind, usagePointId, range);
    if (!answer.ok) return answer;
    const { status, body } = answer.value;
    if (status === 200) {
      const readings = v5 ? parseV5Readings(kind, body, range) : parseV2026Readings(kind, body, range);
      return readings ? ok(readings) : err(badData(kind));
    }
    const refusal = this.refusal(status, body, apiOf(path));
    if (refusal.kind === 'SpanTooLong') return this.inHalves(kind, usagePointId, range);
    if (refusal.kind === 'BeforeActivation') return err({ ...refusal, ...(await this.firstDayWithData(kind, usagePointId, range)) });
    return err(refusal);
  }

  /** One call to this generation's metering API for `kind` over `range`, and the path it went to. */
  private async meteringCall(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange) {
    const v5 = this.options.generation === 'v5';
    const path = v5 ? V5_METERING_PATHS[kind] : V2026_METERING_PATHS[kind];
    const query = v5 ? v5MeteringQuery(usagePointId, range) : v2026MeteringQuery(kind, usagePointId, range);
    return { path, answer: await this.http.call({ method: 'GET', path, query }) };
  }

  /** Whether Enedis serves `[start, range.end)`, refuses it as before activation, or fails otherwise. */
  private async probe(kind: MeteringKind, usagePointId: UsagePointId, start: LocalDate, end: LocalDate): Promise<'served' | 'before' | 'failed'> {
    const { path, answer } = await this.meteringCall(kind, usagePointId, { start, end });
    if (!answer.ok) return 'failed';
    if (answer.value.status === 200) return 'served';
    return refusalOf(answer.value.status, answer.value.body, apiOf(path)).kind === 'BeforeActivation' ? 'before' : 'failed';
  }

  /**
   * "Before activation" (ADAM-ERR0123) for a chunk: the first day of it Enedis serves. The
   * contract's activation date is sometimes wrong, so it is only a first guess, checked with the day
   * before it; otherwise the chunk is bisected (Enedis refuses a start before activation, serves one
   * after): two calls for a right guess, about log2(days) more for a wrong one. The chunk's end when
   * no day of it has data; nothing when a probe fails for another reason.
   */
  private async firstDayWithData(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<{ oldestAvailable?: LocalDate }> {
    let refused = range.start;
    let served = range.end;
    const narrow = async (day: LocalDate): Promise<boolean> => {
      const outcome = await this.probe(kind, usagePointId, day, range.end);
      if (outcome === 'failed') return false;
      if (outcome === 'served') served = day;
      else refused = day;
      return true;
    };
    const guess = await this.activationDate(usagePointId, KIND_SPECS[kind].direction);
    if (guess !== null && guess > refused) {
      // A guess past the chunk: its last day alone tells whether all of it comes before.
      const first = guess < served ? guess : addDays(served, -1);
      if (first > refused && !(await narrow(first))) return {};
      const before = addDays(first, -1);
      if (served === first && before > refused && !(await narrow(before))) return {};
    }
    while (rangeLength({ start: refused, end: served }) > 1) {
      const middle = addDays(refused, Math.floor(rangeLength({ start: refused, end: served }) / 2));
      if (!(await narrow(middle))) return {};
    }
    return { oldestAvailable: served };
  }

  private async inHalves(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>> {
    const days = rangeLength(range);
    if (days <= 1) return err({ kind: 'BadUpstreamData', message: 'Enedis refused a one-day span as too long' });
    const readings: IntervalReading[] = [];
    for (const half of splitRange(range, Math.ceil(days / 2))) {
      const part = await this.readings(kind, usagePointId, half);
      if (!part.ok) return part;
      readings.push(...part.value);
    }
    return ok(readings);
  }

  /** The activation date the contract gives for that direction, or null. */
  private async activationDate(usagePointId: UsagePointId, direction: ContractDirection): Promise<LocalDate | null> {
    const contract = await this.customerData('contract', usagePointId);
    const raw = contract.ok ? contractFor(contract.value, direction)?.last_activation_date?.slice(0, 10) : undefined;
    const date = parseLocalDate(raw, 'last_activation_date');
    return date.ok ? date.value : null;
  }

  async customerData<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>> {
    if (this.options.generation === '2026') return this.customerData2026(kind, usagePointId);
    const answer = await this.http.call({ method: 'GET', path: V5_CUSTOMER_PATHS[kind], query: { usage_point_id: usagePointId } });
    return this.parsed(answer, apiOf(V5_CUSTOMER_PATHS[kind]), (body) => parseV5Customer(kind, body));
  }

  private async customerData2026<K extends CustomerDataKind>(kind: K, prm: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>> {
    const get = <T>(path: string, what: string, parse: (body: unknown) => T | null) =>
      this.http.call({ method: 'GET', path }).then((a) => this.parsed(a, what, parse));
    if (kind === 'address')
      return get(V2026_CUSTOMER_APIS.general(prm), 'donnees_generales_auto', (body) => addressOf(prm, body)) as Promise<
        Result<CustomerDataOf<K>, ProviderFailure>
      >;
    const situation = await get(V2026_CUSTOMER_APIS.situation(prm), 'situation_contrat_auto', parseSituation);
    if (!situation.ok) return situation;
    if (kind === 'customer' || kind === 'contact') {
      const data = kind === 'customer' ? identityOf(situation.value) : contactOf(situation.value);
      return (data ? ok(data) : err(badData('situation_contrat_auto'))) as Result<CustomerDataOf<K>, ProviderFailure>;
    }
    const [synthesis, metering] = await Promise.all([
      get(V2026_CUSTOMER_APIS.synthesis(prm), 'synth_contrat_auto', parseSynthesis),
      get(V2026_CUSTOMER_APIS.metering(prm), 'comptage_auto', parseMeteringSituation),
    ]);
    if (!synthesis.ok) return synthesis;
    // Without comptage_auto the contract is still served: only the off-peak hours and the meter type are unknown.
    const unavailable = metering.ok ? [] : [{ field: 'offpeak_hours', reason: `comptage_auto: ${metering.error.message}` }];
    return ok(contractOf(prm, situation.value, synthesis.value, metering.ok ? metering.value : null, unavailable)) as Result<
      CustomerDataOf<K>,
      ProviderFailure
    >;
  }

  /** Resolves when Enedis hands out (or has handed out) the application's token: for readiness probes. */
  async check(): Promise<void> {
    const token = await this.http.applicationToken();
    if (!token.ok) throw new Error(token.error.message);
  }

  /** The Enedis APIs this generation calls, each with a budget of its own. */
  get upstreamApis(): readonly string[] {
    const paths =
      this.options.generation === 'v5'
        ? [...Object.values(V5_METERING_PATHS), ...Object.values(V5_CUSTOMER_PATHS)]
        : [...Object.values(V2026_METERING_PATHS), ...Object.values(V2026_CUSTOMER_APIS).map((path) => path('x')), '/subscribed_services/v1'];
    return [...new Set(['/oauth2/v3/token', ...paths].map(apiOf))];
  }

  consentUrl(state: string): string {
    const url = new URL(this.options.authorizeUrl);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('duration', 'P36M');
    url.searchParams.set('state', state);
    if (this.options.redirectUri && this.options.authorizeVersion !== 'v2') url.searchParams.set('redirect_uri', this.options.redirectUri);
    return url.toString();
  }

  async resolveConsent(grant: ConsentGrant): Promise<Result<UsagePointId[], ProviderFailure>> {
    if ('usagePointIds' in grant) return validIds(grant.usagePointIds);
    // An integer for Enedis (int64 in its Swagger): anything else was not handed out by its consent page.
    if (!/^\d{1,18}$/.test(grant.authorizationId))
      return err({ kind: 'BadUpstreamData', message: 'the consent returned an autorisation_id that is not one of Enedis' });
    const answer = await this.http.call({
      method: 'POST',
      path: '/subscribed_services/v1',
      json: { autorisationId: Number(grant.authorizationId), comptage: false },
    });
    const ids = this.parsed(answer, 'subscribed_services', parseSubscribedServices);
    return ids.ok ? validIds(ids.value) : ids;
  }

  /** Enedis' refusal; one that is the operator's to fix (an API not subscribed) is also reported to the host. */
  private refusal(status: number, body: unknown, api: string) {
    const refusal = refusalOf(status, body, api);
    if (refusal.kind === 'ApiNotSubscribed') this.options.onApiNotSubscribed?.(api, refusal.message);
    return refusal;
  }

  /** `api` names the Enedis API the answer came from. */
  private parsed<T>(answer: Result<EnedisAnswer, ProviderFailure>, api: string, parse: (body: unknown) => T | null): Result<T, ProviderFailure> {
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) {
      const refusal = this.refusal(answer.value.status, answer.value.body, api);
      return err(refusal.kind === 'SpanTooLong' ? badData(api) : refusal);
    }
    const parsed = parse(answer.value.body);
    return parsed === null ? err(badData(api)) : ok(parsed);
  }
}

function validIds(raw: readonly string[]): Result<UsagePointId[], ProviderFailure> {
  const ids: UsagePointId[] = [];
  for (const candidate of raw) {
    const id = parseUsagePointId(candidate.trim());
    if (!id.ok) return err({ kind: 'BadUpstreamData', message: `the consent named "${candidate}", which is not a usage point id` });
    ids.push(id.value);
  }
  return ids.length > 0 ? ok([...new Set(ids)]) : err({ kind: 'BadUpstreamData', message: 'the consent named no usage point' });
}
