import type { AddressData, ContactData, ContractData, ContractTerms, IdentityData, UnavailableField, UsagePointAddress } from '../../domain/customer-data.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';

/**
 * The 2026 customer APIs as Enedis answers them (captures in reference/enedis-captures): English
 * snake_case, one API per question, the PRM in the path. `situation_contrat_auto` lists the
 * contracts (drawing `Contrat GRD-F`, injection `Contrat GRD-A`) with the holder's person and
 * contact; `synth_contrat_auto` the activation dates of both directions; `comptage_auto` the
 * off-peak hours and the meter type; `donnees_generales_auto` the installation's address.
 */
export const V2026_CUSTOMER_APIS = {
  situation: (prm: string) => `/situation_contrat_auto/v1/${prm}`,
  synthesis: (prm: string) => `/synth_contrat_auto/v1/${prm}`,
  metering: (prm: string) => `/comptage_auto/v1/${prm}`,
  general: (prm: string) => `/donnees_generales_auto/v1/${prm}`,
} as const;

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);

/**
 * An Enedis instant as the gateway's day-and-offset: `"2018-08-31T00:00:00+0200"` gives
 * `"2018-08-31+02:00"`; a plain date stays as it is; anything else is kept as sent.
 */
export function enedisDay(raw: unknown): string | null {
  const value = text(raw);
  if (value === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+)?(?:(Z)|([+-]\d{2}):?(\d{2}))?$/.exec(value);
  if (!match) return value;
  if (match[2]) return `${match[1]}+00:00`;
  return match[3] ? `${match[1]}${match[3]}:${match[4]}` : match[1]!;
}

/** One entry of `situation_contrat_auto`. */
export interface SituationContract {
  readonly contractType: string | null;
  readonly start: string | null;
  readonly tariff: string | null;
  readonly power: string | null;
  readonly segment: string | null;
  readonly injection: boolean;
  readonly person: Loose;
  readonly contact: Loose;
}

/** Null when the body is not the list `situation_contrat_auto` answers. */
export function parseSituation(body: unknown): SituationContract[] | null {
  if (!Array.isArray(body)) return null;
  return body.map(obj).map((c) => {
    const power = obj(c.subscribed_power);
    const value = text(power.value) ?? text(c.subscribed_power);
    const contractType = text(c.contract_type);
    return {
      contractType,
      start: enedisDay(c.contract_start),
      tariff: text(c.distribution_tariff),
      power: value === null ? null : /[a-z]/i.test(value) ? value : `${value} ${text(power.unit) ?? 'kVA'}`,
      segment: text(c.segment),
      injection: /GRD-A\b/i.test(contractType ?? ''),
      person: obj(c.person),
      contact: obj(c.contact_data),
    };
  });
}

export interface ContractSynthesis {
  readonly consumptionActivation: string | null;
  readonly productionActivation: string | null;
}

export function parseSynthesis(body: unknown): ContractSynthesis | null {
  const b = obj(body);
  if (Object.keys(b).length === 0) return null;
  return { consumptionActivation: enedisDay(b.consumption_last_activation_date), productionActivation: enedisDay(b.generation_last_activation_date) };
}

export interface MeteringSituation {
  readonly offpeakHours: string | null;
  readonly meterType: string | null;
}

export function parseMeteringSituation(body: unknown): MeteringSituation | null {
  const b = obj(body);
  if (Object.keys(b).length === 0) return null;
  return { offpeakHours: text(obj(b.relais).plageHeuresCreuses), meterType: text(obj(obj(b.dispositifComptage).typeComptage).code) };
}

/** The drawing contracts first, in Enedis' order, then the injection ones. */
const byDirection = (contracts: readonly SituationContract[]) => [...contracts.filter((c) => !c.injection), ...contracts.filter((c) => c.injection)];

/**
 * The contract answer: one entry per contract of the situation, each with the activation date of
 * its direction. Off-peak hours and the meter type come from `comptage_auto`; when that could not
 * be read, `metering` is null and `unavailable` says why.
 */
export function contractOf(
  prm: UsagePointId,
  situation: readonly SituationContract[],
  synthesis: ContractSynthesis,
  metering: MeteringSituation | null,
  unavailable: readonly UnavailableField[],
): ContractData {
  const entries = byDirection(situation).map((c) => {
    const contracts: ContractTerms = {
      segment: c.segment,
      subscribed_power: c.power,
      last_activation_date: c.injection ? synthesis.productionActivation : synthesis.consumptionActivation,
      distribution_tariff: c.tariff,
      offpeak_hours: c.injection ? null : (metering?.offpeakHours ?? null),
      contract_type: c.contractType,
      contract_status: null,
      last_distribution_tariff_change_date: null,
      direction: c.injection ? 'production' : 'consumption',
    };
    return { usage_point: { usage_point_id: prm, usage_point_status: null, meter_type: metering?.meterType ?? null }, contracts };
  });
  return { customer: { customer_id: null, usage_points: entries }, ...(unavailable.length > 0 ? { unavailable } : {}) };
}

/** The holder as the drawing contract names them (the injection contract repeats the same person). */
const holderOf = (situation: readonly SituationContract[]) => byDirection(situation)[0] ?? null;

export function identityOf(situation: readonly SituationContract[]): IdentityData | null {
  const holder = holderOf(situation);
  if (!holder || Object.keys(holder.person).length === 0) return null;
  const p = holder.person;
  return { customer: { customer_id: null, identity: { natural_person: { title: text(p.title), firstname: text(p.firstname), lastname: text(p.lastname) } } } };
}

export function contactOf(situation: readonly SituationContract[]): ContactData | null {
  const holder = holderOf(situation);
  if (!holder) return null;
  const c = holder.contact;
  return {
    customer: {
      customer_id: null,
      contact_data: { phone: text(c.phone), email: text(c.email), ...(text(c.landline) === null ? {} : { landline: text(c.landline) }) },
    },
  };
}

/**
 * `donnees_generales_auto`: `{address: {...}}` as MyElectricalData captured it, or `{address: {address: {...}}}`
 * as another peer's fixture has it. `postal_code_city` (`"75000 Paris"`) is split in two.
 */
export function addressOf(prm: UsagePointId, body: unknown): AddressData | null {
  const outer = obj(obj(body).address);
  const a = Object.keys(obj(outer.address)).length > 0 ? obj(outer.address) : outer;
  if (Object.keys(a).length === 0) return null;
  const postalCity = text(a.postal_code_city);
  const split = postalCity ? /^(\d{4,5})\s+(.+)$/.exec(postalCity) : null;
  const address: UsagePointAddress = {
    street: text(a.number_street_name),
    locality: text(a.locality),
    postal_code: split ? split[1]! : null,
    insee_code: text(a.insee_code),
    city: split ? split[2]! : postalCity,
    country: null,
    geo_points: {},
    ...(text(a.building) === null ? {} : { building: text(a.building) }),
    ...(text(a.staircase_floor_apartment) === null ? {} : { staircase_floor_apartment: text(a.staircase_floor_apartment) }),
  };
  return {
    customer: {
      customer_id: null,
      usage_points: [{ usage_point: { usage_point_id: prm, usage_point_status: null, meter_type: null, usage_point_addresses: address } }],
    },
  };
}
