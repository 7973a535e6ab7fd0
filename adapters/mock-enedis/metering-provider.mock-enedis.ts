import type { ContractTerms, CustomerDataKind, CustomerDataOf } from '../../domain/customer-data.js';
import { rangeDays, rangeLength, type DateRange } from '../../domain/date-range.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { addMonths, weekday, type LocalDate } from '../../domain/local-date.js';
import { KIND_SPECS, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import { formatParisIso, parisDate, parisMidnightUtcMs } from '../../domain/paris-time.js';
import { parseUsagePointId, type UsagePointId } from '../../domain/usage-point-id.js';
import type { ConsentGrant } from '../../domain/consent.js';
import type { Clock } from '../../ports/clock.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import { meterProfile, stableHash, type MeterProfile } from './meter-profiles.js';
import { loadFaker, SyntheticSeries } from './synthetic-series.js';

/**
 * A MeteringProvider that answers like Enedis from synthetic data: the same history limits, the
 * same refusals (wrong direction, before activation, no consent, curve not enabled), days from J-1
 * back. Used for the demo account, for tests, and wherever no Enedis credentials are configured.
 */
export class MockEnedisProvider implements MeteringProvider {
  readonly requiresConsent = false;
  readonly historyLimited: boolean;
  readonly upstreamApis: readonly string[] = [];

  async check(): Promise<void> {}

  /**
   * @param consentCallbackUrl the gateway's consent callback: there is no consent page to show, so
   *   the consent URL leads straight back to it, granting one meter derived from the state.
   */
  constructor(
    private readonly clock: Clock,
    private readonly consentCallbackUrl = 'http://localhost:8000/api/oauth/callback',
    options: { readonly historyLimited?: boolean } = {},
  ) {
    this.historyLimited = options.historyLimited ?? true;
  }

  consentUrl(state: string): string {
    const url = new URL(this.consentCallbackUrl);
    url.searchParams.set('code', 'mock');
    url.searchParams.set('state', state);
    url.searchParams.set('usage_point_id', mockUsagePointFor(state));
    return url.toString();
  }

  async resolveConsent(grant: ConsentGrant): Promise<Result<UsagePointId[], ProviderFailure>> {
    const raw = 'usagePointIds' in grant ? grant.usagePointIds : [mockUsagePointFor(grant.authorizationId)];
    const ids: UsagePointId[] = [];
    for (const candidate of raw) {
      const id = parseUsagePointId(candidate);
      if (!id.ok) return err({ kind: 'BadUpstreamData', message: `"${candidate}" is not a usage point id` });
      ids.push(id.value);
    }
    return ids.length > 0 ? ok(ids) : err({ kind: 'BadUpstreamData', message: 'the consent named no usage point' });
  }

  async readings(kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Promise<Result<IntervalReading[], ProviderFailure>> {
    const spec = KIND_SPECS[kind];
    if (rangeLength(range) > spec.maxDaysPerCall) {
      throw new RangeError(`${kind} takes at most ${spec.maxDaysPerCall} days per call, got ${rangeLength(range)}`);
    }
    const profile = meterProfile(usagePointId);
    const refusal = this.refusal(kind, profile, range);
    if (refusal) return err(refusal);
    const today = parisDate(this.clock.now());
    const series = new SyntheticSeries(usagePointId, profile, await loadFaker());
    const days = rangeDays(range).filter((day) => day < today && !profile.holeWeekdays.includes(weekday(day)));
    const daily = (value: (day: LocalDate) => number) => days.map((day): IntervalReading => ({ date: day, value: value(day), quality: 'CORRIGE' }));
    switch (kind) {
      case 'consumption:daily':
        return ok(daily((day) => series.dailyConsumption(day)));
      case 'production:daily':
        return ok(daily((day) => series.dailyProduction(day)));
      case 'consumption:max_power':
        return ok(days.map((day) => series.maxPower(day)));
      case 'consumption:detail':
        return ok(days.flatMap((day) => series.consumptionCurve(day)));
      case 'production:detail':
        return ok(days.flatMap((day) => series.productionCurve(day)));
    }
  }

  private refusal(kind: MeteringKind, profile: MeterProfile, range: DateRange): ProviderFailure | null {
    const spec = KIND_SPECS[kind];
    if (profile.consentRevoked) {
      return { kind: 'NoConsent', message: 'No consent can be found for this customer and this usage point' };
    }
    if (spec.direction === 'production' ? !profile.produces : !profile.consumes) {
      return { kind: 'WrongDirection', message: 'the measuring direction does not match this usage point' };
    }
    if (spec.isCurve && !profile.loadCurveEnabled) {
      return { kind: 'NoData', message: 'load curve recording is not enabled on this meter' };
    }
    const today = parisDate(this.clock.now());
    if (this.historyLimited && range.start < addMonths(today, -spec.historyMonths)) {
      return { kind: 'BeyondHistory', message: `data is kept ${spec.historyMonths} months` };
    }
    const activation = spec.direction === 'production' ? (profile.productionActivationDate ?? profile.activationDate) : profile.activationDate;
    if (range.start < activation) {
      return { kind: 'BeforeActivation', message: 'the requested period is before the meter was activated', oldestAvailable: activation };
    }
    return null;
  }

  async customerData<K extends CustomerDataKind>(kind: K, usagePointId: UsagePointId): Promise<Result<CustomerDataOf<K>, ProviderFailure>> {
    const profile = meterProfile(usagePointId);
    if (profile.consentRevoked) {
      return err({ kind: 'NoConsent', message: 'No consent can be found for this customer and this usage point' });
    }
    if (!profile.consumes) return err({ kind: 'NoData', message: 'Customer data is only available on consumption usage points' });
    const faker = new SyntheticSeries(usagePointId, profile, await loadFaker()).seeded('customer', 'identity');
    // What both API generations can carry (the 2026 APIs send no customer id, no usage point or
    // contract status): the same data comes back whichever the gateway reads it through.
    const usagePoint = { usage_point_id: usagePointId, usage_point_status: null, meter_type: 'AMM' };
    const firstname = faker.person.firstName();
    const lastname = faker.person.lastName();
    const entry = (contracts: ContractTerms) => ({ usage_point: usagePoint, contracts });
    const data: { [P in CustomerDataKind]: () => CustomerDataOf<P> } = {
      contract: () => ({
        customer: {
          customer_id: null,
          usage_points: [
            entry({
              segment: 'C5',
              subscribed_power: `${profile.subscribedPower} kVA`,
              last_activation_date: parisDayWithOffset(profile.contractActivationDate ?? profile.activationDate),
              distribution_tariff: profile.offpeakHours
                ? 'Tarif BT<=36kVA Moyenne Utilisation heures pleines heures creuses associées à deux saisons'
                : 'Tarif BT<=36kVA Courte Utilisation base',
              offpeak_hours: profile.offpeakHours,
              contract_type: 'Contrat GRD-F',
              contract_status: null,
              last_distribution_tariff_change_date: null,
              direction: 'consumption',
            }),
            ...(profile.produces
              ? [
                  entry({
                    segment: 'P4',
                    subscribed_power: null,
                    last_activation_date: parisDayWithOffset(profile.productionActivationDate ?? profile.activationDate),
                    distribution_tariff: null,
                    offpeak_hours: null,
                    contract_type: 'Contrat GRD-A',
                    contract_status: null,
                    last_distribution_tariff_change_date: null,
                    direction: 'production',
                  }),
                ]
              : []),
          ],
        },
      }),
      address: () => ({
        customer: {
          customer_id: null,
          usage_points: [
            {
              usage_point: {
                ...usagePoint,
                meter_type: null,
                usage_point_addresses: {
                  street: faker.location.streetAddress(),
                  locality: null,
                  postal_code: faker.location.zipCode('#####'),
                  insee_code: faker.location.zipCode('#####'),
                  city: faker.location.city().toUpperCase(),
                  country: null,
                  geo_points: {},
                },
              },
            },
          ],
        },
      }),
      customer: () => ({
        customer: {
          customer_id: null,
          identity: {
            natural_person: { title: faker.helpers.arrayElement(['M', 'MME']), firstname: firstname.toUpperCase(), lastname: lastname.toUpperCase() },
          },
        },
      }),
      contact: () => ({
        customer: {
          customer_id: null,
          contact_data: {
            phone: `06${String(faker.number.int({ min: 0, max: 99_999_999 })).padStart(8, '0')}`,
            email: faker.internet.email({ firstName: firstname, lastName: lastname, provider: 'example.org' }).toLowerCase(),
          },
        },
      }),
    };
    return ok(data[kind]());
  }
}

/** A day as Enedis dates a contract: the day and the Paris offset at its midnight, `2015-03-02+01:00`. */
function parisDayWithOffset(date: LocalDate): string {
  return `${date}${formatParisIso(parisMidnightUtcMs(date)).slice(19)}`;
}

/** A usage point id derived from a consent's state or authorization: stable, 14 digits, starting with 5. */
function mockUsagePointFor(seed: string): string {
  return `5${String(stableHash(`consent:${seed}`)).padStart(10, '0')}${String(stableHash(seed) % 1000).padStart(3, '0')}`;
}
