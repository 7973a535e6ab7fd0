import type { Request } from 'express';
import {
  contractFor,
  type AddressData,
  type ContactData,
  type ContractData,
  type CustomerDataKind,
  type CustomerDataOf,
  type IdentityData,
} from '../../domain/customer-data.js';
import { KIND_SPECS } from '../../domain/metering.js';
import type { MeterData } from '../../domain/use-cases/read-meter-data/index.js';
import type { components } from './openapi-types.js';

/**
 * The Data Connect 2026 shapes the upstream MyElectricalData clients ask for with `X-MED-Format: 2026`
 * (its web app and its local client send it on every call): measures as `grandeur[].points[]`, the
 * contract as the aggregate of `situation_contrat_auto`, `synth_contrat_auto` and `comptage_auto`,
 * the address as `donnees_generales_auto`. Without the header, the documented v5-like shapes.
 */
export const FORMAT_HEADER = 'x-med-format';

export const wants2026 = (req: Request): boolean => req.headers[FORMAT_HEADER]?.toString().trim() === '2026';

type Measure2026 = components['schemas']['Measure2026'];
type Point = Measure2026['grandeur'][number]['points'][number];

/** What each kind measures, in the 2026 vocabulary: energy (EA), power (PA) or maximum power (PMA). */
const PHYSICAL: Record<MeterData['kind'], Measure2026['grandeur'][number]['grandeurPhysique']> = {
  'consumption:daily': 'EA',
  'consumption:detail': 'PA',
  'consumption:max_power': 'PMA',
  'production:daily': 'EA',
  'production:detail': 'PA',
};

/** An instant as Enedis 2026 writes it: Paris wall-clock time, `YYYY-MM-DD HH:MM:SS`; a day stays a day. */
const wallClock = (date: string) => (date.length > 10 ? `${date.slice(0, 10)} ${date.slice(11, 19)}` : date);

/** A metering answer in the 2026 measure shape, curve points stamped at the start of their interval as ours are; our `missing` and `cache` kept beside. */
export function measureTo2026(data: MeterData): Measure2026 {
  const spec = KIND_SPECS[data.kind];
  const points = data.readings.map((reading): Point => {
    const point: { v: string; d: string; p?: string; n?: string } = { v: String(reading.value), d: wallClock(reading.date) };
    if (reading.interval_length) point.p = reading.interval_length;
    if (reading.measure_type) point.n = reading.measure_type;
    return point;
  });
  return {
    idPrm: data.usagePointId,
    etapeMetier: data.readings[0]?.quality ?? 'BRUT',
    periode: { dateDebut: data.range.start, dateFin: data.range.end },
    ...(spec.isCurve ? {} : { pas: 'P1D' }),
    grandeur: [
      {
        grandeurMetier: spec.direction === 'production' ? 'PROD' : 'CONS',
        grandeurPhysique: PHYSICAL[data.kind],
        unite: data.readingType.unit,
        points,
        calendrier: [],
      },
    ],
    contexte: [],
    missing: data.missing,
    cache: { cached_days: data.cachedDays, fetched_days: data.fetchedDays },
  };
}

/** `"9 kVA"` as 2026's `{value: "9", unit: "kVA"}`. */
const power = (text: string | null) => (text ? { value: text.replace(/\s*kVA\s*$/i, '').trim(), unit: 'kVA' } : null);

function contract2026(data: ContractData) {
  const entries = data.customer.usage_points.map(({ contracts }) => contracts);
  const consumption = contractFor(data, 'consumption');
  const production = contractFor(data, 'production');
  const offpeak = consumption?.offpeak_hours ?? null;
  return {
    situation_contrat: entries.map((c) => ({
      contract_type: c.contract_type,
      segment: c.segment,
      distribution_tariff: c.distribution_tariff,
      contract_status: c.contract_status,
      contract_start: c.last_activation_date,
      subscribed_power: power(c.subscribed_power),
    })),
    synthese_contrat: {
      consumption_last_activation_date: consumption?.last_activation_date ?? null,
      generation_last_activation_date: production?.last_activation_date ?? null,
    },
    comptage: offpeak ? { relais: { plageHeuresCreuses: offpeak } } : null,
  };
}

function address2026(data: AddressData) {
  const address = data.customer.usage_points[0]?.usage_point.usage_point_addresses;
  const postalCodeCity = [address?.postal_code, address?.city].filter(Boolean).join(' ');
  return {
    address: { number_street_name: address?.street ?? null, postal_code_city: postalCodeCity || null, insee_code: address?.insee_code ?? null },
  };
}

function person2026(identity: IdentityData | null, contact: ContactData | null) {
  const person = identity?.customer.identity.natural_person;
  const data = contact?.customer.contact_data;
  return [
    {
      person: person ? { title: person.title, firstname: person.firstname, lastname: person.lastname } : {},
      contact_data: data ? { phone: data.phone, email: data.email } : {},
    },
  ];
}

/** Customer data in the 2026 shape of its kind. */
export function customerTo2026<K extends CustomerDataKind>(kind: K, data: CustomerDataOf<K>): unknown {
  switch (kind) {
    case 'contract':
      return contract2026(data as ContractData);
    case 'address':
      return address2026(data as AddressData);
    case 'customer':
      return person2026(data as IdentityData, null);
    case 'contact':
      return person2026(null, data as ContactData);
  }
  throw new Error(`no 2026 shape for ${String(kind)}`);
}
