import type { DateRange } from '../../domain/date-range.js';
import { KIND_SPECS, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import { normaliseReadings } from './wire-readings.js';

/**
 * Data Connect 2026: `mesure_synchrone_auto/v2` for measures (reference §1.8) and per-meter customer
 * APIs with the PRM in the path (their shapes: wire-2026-customer.ts).
 */
export const V2026_METERING_PATHS: Readonly<Record<MeteringKind, string>> = {
  'consumption:daily': '/mesure_synchrone_auto/v2/consommation_quotidienne',
  'consumption:detail': '/mesure_synchrone_auto/v2/courbe_de_charge_consommation',
  'consumption:max_power': '/mesure_synchrone_auto/v2/puissance_conso_max_quotidienne',
  'production:daily': '/mesure_synchrone_auto/v2/production_quotidienne',
  'production:detail': '/mesure_synchrone_auto/v2/courbe_de_charge_production',
};

/** The query of a measure; max power also needs its step and quantity, which its Swagger requires. */
export const v2026MeteringQuery = (kind: MeteringKind, usagePointId: UsagePointId, range: DateRange): Record<string, string> => ({
  pointId: usagePointId,
  dateDebut: range.start,
  dateFin: range.end,
  ...(kind === 'consumption:max_power' ? { mesuresPas: 'P1D', grandeurPhysique: 'PMA' } : {}),
});

interface V2026Measures {
  etapeMetier?: string;
  grandeur?: Array<{
    grandeurMetier?: string;
    grandeurPhysique?: string;
    unite?: string;
    points?: Array<{ v?: unknown; d?: unknown; p?: unknown; n?: unknown }>;
  }>;
}

/** Null when the body is not a 2026 measures answer. */
export function parseV2026Readings(kind: MeteringKind, body: unknown, range: DateRange): IntervalReading[] | null {
  const measures = body as V2026Measures | null;
  if (!measures || !Array.isArray(measures.grandeur)) return null;
  const direction = KIND_SPECS[kind].direction === 'production' ? 'PROD' : 'CONS';
  // The series of this direction and quantity: with grandeurPhysique=TOUT max power comes as PMA,
  // PMA1, PMA2, PMA3 (one per phase); the gateway serves PMA.
  const physical = kind === 'consumption:max_power' ? 'PMA' : null;
  const ofDirection = measures.grandeur.filter((g) => (g.grandeurMetier ?? direction) === direction);
  const series = (physical ? ofDirection.find((g) => g.grandeurPhysique === physical) : undefined) ?? ofDirection[0];
  if (!series || !Array.isArray(series.points)) return [];
  const points = series.points
    .filter((p) => typeof p?.d === 'string')
    .map((p) => ({
      value: p.v,
      date: p.d as string,
      intervalLength: typeof p.p === 'string' ? p.p : undefined,
      measureType: typeof p.n === 'string' ? p.n : undefined,
    }));
  return normaliseReadings(kind, points, range, measures.etapeMetier ?? 'BRUT', series.unite);
}

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The usage points a 2026 consent (`autorisation_id`) grants, from `subscribed_services/v1`. */
export function parseSubscribedServices(body: unknown): string[] | null {
  const services = obj(body).serviceSouscrit;
  if (!Array.isArray(services)) return null;
  return services
    .map(obj)
    .filter((s) => ['ACTIF', 'DEMANDE'].includes(String(s.etatCode ?? '').toUpperCase()))
    .map((s) => str(s.pointId))
    .filter((id): id is string => id !== null);
}
