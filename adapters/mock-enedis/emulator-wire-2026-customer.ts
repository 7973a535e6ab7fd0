import type { AddressData, ContactData, ContractData, IdentityData } from '../../domain/customer-data.js';

/**
 * The 2026 customer APIs' answers, written in the shapes Enedis sends (reference/enedis-captures):
 * what the emulator serves, from the same data MockEnedis gives the gateway directly.
 */

/** `2015-03-02+01:00` as Enedis writes an instant: `2015-03-02T00:00:00+0100`. */
function enedisInstant(day: string | null): string | undefined {
  const match = day ? /^(\d{4}-\d{2}-\d{2})([+-]\d{2}):(\d{2})$/.exec(day) : null;
  return match ? `${match[1]}T00:00:00${match[2]}${match[3]}` : (day ?? undefined);
}

/** Only the fields that have a value, as Enedis leaves out what it does not know. */
const present = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));

/** `situation_contrat_auto/v1/{prm}`: a list of contracts, each repeating the holder and their contact. */
export function situationAnswer(contract: ContractData, identity: IdentityData | null, contact: ContactData | null): unknown[] {
  const person = identity?.customer.identity.natural_person;
  const reach = contact?.customer.contact_data;
  return contract.customer.usage_points.map(({ usage_point, contracts }) => {
    const [value, unit] = (contracts.subscribed_power ?? '').split(' ');
    return present({
      usage_point_id: usage_point.usage_point_id,
      contract_start: enedisInstant(contracts.last_activation_date),
      contract_type: contracts.contract_type,
      contractor: contracts.direction === 'production' ? null : 'ELECTRICITE DE FRANCE',
      distribution_tariff: contracts.distribution_tariff,
      subscribed_power: contracts.subscribed_power ? { unit: unit ?? 'kVA', value } : null,
      segment: contracts.segment,
      customer: { customer: { adress: present({ line1: person ? [person.title, person.lastname, person.firstname].filter(Boolean).join(' ') : null }) } },
      contact_data: reach ? present({ email: reach.email, phone: reach.phone, landline: reach.landline }) : {},
      person: person ? present({ title: person.title, lastname: person.lastname, firstname: person.firstname }) : {},
    });
  });
}

/** `synth_contrat_auto/v1/{prm}`: segments and the activation date of each direction. */
export function synthesisAnswer(contract: ContractData): unknown {
  const entries = contract.customer.usage_points.map((p) => p.contracts);
  const drawing = entries.find((c) => c.direction !== 'production');
  const injection = entries.find((c) => c.direction === 'production');
  return present({
    segments: entries.map((c) => present({ segment: c.segment })),
    generation_last_activation_date: enedisInstant(injection?.last_activation_date ?? null),
    consumption_last_activation_date: enedisInstant(drawing?.last_activation_date ?? null),
    services_level: 'Communicant (ouvert aux services)',
  });
}

/** `comptage_auto/v1/{prm}`: the meter's type and its off-peak hours (`relais.plageHeuresCreuses`). */
export function meteringAnswer(contract: ContractData): unknown {
  const drawing = contract.customer.usage_points.find((p) => p.contracts.direction !== 'production');
  const type = drawing?.usage_point.meter_type ?? null;
  return present({
    dispositifComptage: type ? { typeComptage: { code: type, libelle: type === 'AMM' ? 'Compteur Linky' : type } } : null,
    relais: drawing?.contracts.offpeak_hours ? { plageHeuresCreuses: drawing.contracts.offpeak_hours } : null,
  });
}

/** `donnees_generales_auto/v1/{prm}`: the installation's address, postal code and city in one field. */
export function generalDataAnswer(address: AddressData): unknown {
  const a = address.customer.usage_points[0]!.usage_point.usage_point_addresses;
  return {
    address: present({
      number_street_name: a.street,
      locality: a.locality,
      postal_code_city: [a.postal_code, a.city].filter(Boolean).join(' ') || null,
      insee_code: a.insee_code,
      building: a.building,
      staircase_floor_apartment: a.staircase_floor_apartment,
    }),
  };
}
