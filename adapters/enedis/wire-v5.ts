import type { AddressData, ContactData, ContractData, CustomerDataKind, CustomerDataOf, IdentityData } from '../../domain/customer-data.js';
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

/** v5 customer answers are already the gateway's shape; null when the wrapper is missing. */
export function parseV5Customer<K extends CustomerDataKind>(kind: K, body: unknown): CustomerDataOf<K> | null {
  const customer = (body as { customer?: Record<string, unknown> } | null)?.customer;
  if (!customer || typeof customer !== 'object') return null;
  const checks: Record<CustomerDataKind, () => boolean> = {
    contract: () => Array.isArray((body as ContractData).customer.usage_points),
    address: () => Array.isArray((body as AddressData).customer.usage_points),
    customer: () => typeof (body as IdentityData).customer.identity === 'object',
    contact: () => typeof (body as ContactData).customer.contact_data === 'object',
  };
  return checks[kind]() ? (body as CustomerDataOf<K>) : null;
}
