import type { DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { KIND_SPECS, intervalMinutes, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import { formatParisIso } from '../../domain/paris-time.js';

/**
 * Enedis' wire formats, written from the gateway's readings: what the emulator sends. Numbers are
 * strings, curve points carry the naive local time of the END of their interval, max power the
 * naive local time of the peak (reference §1.3, §1.8 and the wire samples).
 */

/** `2025-03-30T03:00:00+02:00` to `2025-03-30 03:00:00`. */
const wallClock = (utcMs: number) => formatParisIso(utcMs).slice(0, 19).replace('T', ' ');

function wireDate(kind: MeteringKind, reading: IntervalReading): string {
  if (KIND_SPECS[kind].isCurve) return wallClock(Date.parse(reading.date) + intervalMinutes(reading.interval_length) * 60_000);
  return reading.date.length > 10 ? wallClock(Date.parse(reading.date)) : reading.date;
}

export function v5MeterReading(kind: MeteringKind, usagePointId: string, range: DateRange, readings: readonly IntervalReading[]) {
  const spec = KIND_SPECS[kind];
  return {
    meter_reading: {
      usage_point_id: usagePointId,
      start: range.start,
      end: range.end,
      // Enedis states the quality once per answer; MockEnedis' readings share theirs.
      quality: readings[0]?.quality ?? 'BRUT',
      reading_type: spec.readingType,
      interval_reading: readings.map((r) => ({
        value: String(r.value),
        date: wireDate(kind, r),
        ...(spec.isCurve ? { interval_length: r.interval_length ?? 'PT30M', measure_type: r.measure_type ?? 'B' } : {}),
      })),
    },
  };
}

const GRANDEUR: Record<MeteringKind, { metier: string; physique: string }> = {
  'consumption:daily': { metier: 'CONS', physique: 'EA' },
  'consumption:detail': { metier: 'CONS', physique: 'PA' },
  'consumption:max_power': { metier: 'CONS', physique: 'PMA' },
  'production:daily': { metier: 'PROD', physique: 'EA' },
  'production:detail': { metier: 'PROD', physique: 'PA' },
};

/** The 2026 measures shape; `holes` are days sent as `"null"` values, as the 2026 API does. */
export function v2026Measures(kind: MeteringKind, usagePointId: string, range: DateRange, readings: readonly IntervalReading[], holes: readonly string[]) {
  const spec = KIND_SPECS[kind];
  const points = readings.map((r) => ({
    v: String(r.value),
    d: wireDate(kind, r),
    ...(spec.isCurve ? { p: r.interval_length ?? 'PT30M', n: r.measure_type ?? 'B' } : {}),
  }));
  if (!spec.isCurve && holes.length > 0) {
    // Daily labels are plain dates, so sorting by label is sorting by time (unlike curve labels,
    // which repeat in the October hour and must keep the meter's order).
    for (const day of holes) points.push({ v: 'null', d: day });
    points.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));
  }
  return {
    idPrm: usagePointId,
    etapeMetier: readings[0]?.quality ?? 'BRUT',
    periode: { dateDebut: range.start, dateFin: range.end },
    typeValeur: 'GLOBALE',
    modeCalcul: 'DIFF.INDEX',
    pas: spec.isCurve ? 'PT30M' : 'P1D',
    grandeur: [{ grandeurMetier: GRANDEUR[kind].metier, grandeurPhysique: GRANDEUR[kind].physique, unite: spec.readingType.unit, points, calendrier: [] }],
    contexte: [],
  };
}

/** A domain refusal as Enedis sends it: status and error body (§1.6). */
export function refusalAnswer(failure: ProviderFailure, generation: 'v5' | '2026'): { status: number; body: unknown } {
  const table: Record<ProviderFailure['kind'], [number, string, string]> = {
    NoConsent: [403, 'ADAM-DC-0008', 'No consent can be found for this customer and this usage point'],
    NotHolder: [403, 'ADAM-DC-0007', 'The customer is not the holder of this usage point'],
    WrongDirection: [400, 'ADAM-ERR0069', 'Le sens de la mesure ne correspond pas au point.'],
    BeforeActivation: [400, 'ADAM-ERR0123', "The requested period cannot be anterior to the meter's last activation date"],
    BeyondHistory: [400, 'ADAM-ERR0125', 'The start date is before the history deadline'],
    NoData: [404, 'no_data_found', 'No measure found for this usage point'],
    UpstreamThrottled: [429, '429', 'Quota Q3 reached'],
    UpstreamUnavailable: [500, 'technical_error', 'Technical error. Please try later.'],
    BadUpstreamData: [500, 'technical_error', 'Technical error. Please try later.'],
    ApiNotSubscribed: [403, '900908', 'Resource forbidden '],
  };
  const [status, code, description] = table[failure.kind];
  return { status, body: generation === 'v5' ? { error: code, error_description: description } : { code, message: description } };
}
