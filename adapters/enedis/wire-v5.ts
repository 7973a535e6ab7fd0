import type { ContractTerms, CustomerDataKind, CustomerDataOf, UsagePointAddress, UsagePointHeader } from '../../domain/customer-data.js';
import type { DateRange } from '../../domain/date-range.js';
import type { IntervalReading, MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { normaliseReadings } from './wire-readings.js';

/** Data Connect v5: `metering_data_*` and `customers_*` (reference §1.3, §1.4). */
export const V5_METERING_PATHS: Readonly<Record<MeteringKind, string>> = {
  'consumption:daily': '/metering_data_dc/v5/daily_consumption',
  'consumption:detail': '/metering_data_clc/v5/consumption_load_curve',
  'consumption:max_power': '/metering_data_dcmp/v5/daily_consumption_max_power',
  'production:daily': '/metering_data_dp/v5/daily_production',
  'production:detail': '/metering_data_plc/v5/production_load_curve',
};

export const V5_CUSTOMER_PATHS: Readonly<Record<CustomerDataKind, string>> = {
  contract: '/customers_upc/v5/usage_points/contracts',
  address: '/customers_upa/v5/usage_points/addresses',
  customer: '/customers_i/v5/identity',
  contact: '/customers_cd/v5/contact_data',
};

export const v5MeteringQuery = (usagePointId: UsagePointId, range: DateRange) => ({ usage_point_id: usagePointId, start: range.start, end: range.end });

interface V5MeterReading {
  meter_reading?: {
    quality?: string;
    reading_type?: { unit?: string };
    interval_reading?: Array<{ value?: unknown; date?: unknown; interval_length?: unknown; measure_type?: unknown }>;
  };
}

/** Null when the body is not a v5 `meter_reading`. */
export function parseV5Readings(kind: MeteringKind, body: unknown, range: DateRange): IntervalReading[] | null {
  const reading = (body as V5MeterReading | null)?.meter_reading;
  if (!reading || !Array.isArray(reading.interval_reading)) return null;
  const points = reading.interval_reading
    .filter((p) => typeof p?.date === 'string')
    .map((p) => ({
      value: p.value,
      date: p.date as string,
      intervalLength: typeof p.interval_length === 'string' ? p.interval_length : undefined,
      measureType: typeof p.measure_type === 'string' ? p.measure_type : undefined,
    }));
  return normaliseReadings(kind, points, range, reading.quality ?? 'BRUT', reading.reading_type?.unit);
}

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

const header = (p: Loose): UsagePointHeader => ({
  usage_point_id: text(p.usage_point_id) ?? '',
  usage_point_status: text(p.usage_point_status),
  meter_type: text(p.meter_type),
});

const terms = (c: Loose): ContractTerms => ({
  segment: text(c.segment),
  subscribed_power: text(c.subscribed_power),
  last_activation_date: text(c.last_activation_date),
  distribution_tariff: text(c.distribution_tariff),
  offpeak_hours: text(c.offpeak_hours),
  contract_type: text(c.contract_type),
  contract_status: text(c.contract_status),
  last_distribution_tariff_change_date: text(c.last_distribution_tariff_change_date),
  direction: /GRD-A\b/i.test(text(c.contract_type) ?? '') ? 'production' : 'consumption',
});

const geo = (g: Loose) => Object.fromEntries(['latitude', 'longitude', 'altitude'].flatMap((k) => (text(g[k]) === null ? [] : [[k, text(g[k])!]])));

const address = (a: Loose): UsagePointAddress => ({
  street: text(a.street),
  locality: text(a.locality),
  postal_code: text(a.postal_code),
  insee_code: text(a.insee_code),
  city: text(a.city),
  country: text(a.country),
  geo_points: geo(obj(a.geo_points)),
});

/**
 * v5 customer answers in the gateway's shape, every field read by name (a missing one is null).
 * Identity and contact come with or without the `customer` wrapper (Enedis' Swaggers 10 and 11 have
 * none, peers' fixtures have one), the contact as `contact_data` or `contact`. Null when the answer
 * holds nothing of the kind asked.
 */
export function parseV5Customer<K extends CustomerDataKind>(kind: K, body: unknown): CustomerDataOf<K> | null {
  const outer = obj(body);
  const customer = Object.keys(obj(outer.customer)).length > 0 ? obj(outer.customer) : outer;
  const customerId = text(customer.customer_id);
  const points = Array.isArray(customer.usage_points) ? customer.usage_points.map(obj) : null;
  const parsers: { [P in CustomerDataKind]: () => CustomerDataOf<P> | null } = {
    contract: () =>
      points && {
        customer: {
          customer_id: customerId,
          usage_points: points.map((p) => ({ usage_point: header(obj(p.usage_point)), contracts: terms(obj(p.contracts)) })),
        },
      },
    address: () =>
      points && {
        customer: {
          customer_id: customerId,
          usage_points: points.map((p) => {
            const point = obj(p.usage_point);
            return { usage_point: { ...header(point), usage_point_addresses: address(obj(point.usage_point_addresses)) } };
          }),
        },
      },
    customer: () => {
      const identity = obj(customer.identity);
      if (Object.keys(identity).length === 0) return null;
      const natural = obj(identity.natural_person);
      const legal = obj(identity.legal_entity);
      return {
        customer: {
          customer_id: customerId,
          identity: {
            ...(Object.keys(natural).length > 0
              ? { natural_person: { title: text(natural.title), firstname: text(natural.firstname), lastname: text(natural.lastname) } }
              : {}),
            ...(Object.keys(legal).length > 0
              ? { legal_entity: { name: text(legal.name), ...(text(legal.siret_number) ? { siret_number: text(legal.siret_number)! } : {}) } }
              : {}),
          },
        },
      };
    },
    contact: () => {
      const contact = obj(customer.contact_data ?? customer.contact);
      if (Object.keys(contact).length === 0) return null;
      return { customer: { customer_id: customerId, contact_data: { phone: text(contact.phone), email: text(contact.email) } } };
    },
  };
  return parsers[kind]() as CustomerDataOf<K> | null;
}
