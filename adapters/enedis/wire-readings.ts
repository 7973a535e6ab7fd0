import type { DateRange } from '../../domain/date-range.js';
import { intervalMinutes, KIND_SPECS, type IntervalReading, type MeteringKind } from '../../domain/metering.js';
import { formatParisIso, instantWithOffset, parisWallClockInstants, parisWallClockSequence } from '../../domain/paris-time.js';

/** One point as any Enedis generation sends it, before normalisation. */
export interface RawPoint {
  readonly value: unknown;
  readonly date: string;
  readonly intervalLength?: string;
  readonly measureType?: string;
}

const UNIT_FACTOR: Record<string, number> = { wh: 1, w: 1, va: 1, kwh: 1000, kw: 1000, kva: 1000 };

/**
 * Enedis points to the gateway's readings: values as numbers in the kind's unit ("null" and other
 * non-numbers dropped), curve points moved from the naive local END of their interval to its START
 * with the Paris offset (so DST days keep their 46 or 50 distinct points), max power stamped at the
 * peak's instant, and whatever falls outside the asked range dropped. Sorted by time.
 */
export function normaliseReadings(
  kind: MeteringKind,
  points: readonly RawPoint[],
  range: DateRange,
  quality: string,
  unit: string | undefined,
): IntervalReading[] {
  const factor = UNIT_FACTOR[(unit ?? '').toLowerCase()] ?? 1;
  const valueOf = (raw: unknown) => {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    return Number.isFinite(value) ? value * factor : null;
  };
  const inRange = (day: string) => day >= range.start && day < range.end;
  const spec = KIND_SPECS[kind];
  const readings: Array<{ at: number; reading: IntervalReading }> = [];

  if (spec.isCurve) {
    const ends = parisWallClockSequence(points.map((p) => p.date));
    points.forEach((point, i) => {
      const value = valueOf(point.value);
      const end = ends[i];
      if (value === null || end === null || end === undefined) return;
      const intervalLength = point.intervalLength ?? 'PT30M';
      const start = end - intervalMinutes(intervalLength) * 60_000;
      const date = formatParisIso(start);
      if (!inRange(date.slice(0, 10))) return;
      readings.push({
        at: start,
        reading: { date, value, quality, interval_length: intervalLength, ...(point.measureType ? { measure_type: point.measureType } : {}) },
      });
    });
  } else {
    // Daily energy is dated by its day; max power by the instant of the peak. A label with an
    // offset names its instant, a naive one is Paris wall-clock time.
    const instants = kind === 'consumption:max_power';
    for (const point of points) {
      const value = valueOf(point.value);
      if (value === null) continue;
      let date = point.date.slice(0, 10);
      let at = Date.parse(`${date}T00:00:00Z`);
      if (point.date.length > 10) {
        const instant = instantWithOffset(point.date) ?? parisWallClockInstants(point.date)?.[0];
        if (instant === undefined || instant === null) continue;
        date = instants ? formatParisIso(instant) : formatParisIso(instant).slice(0, 10);
        at = instant;
      }
      if (!/^\d{4}-\d{2}-\d{2}/.test(date) || !inRange(date.slice(0, 10))) continue;
      readings.push({ at, reading: { date, value, quality } });
    }
  }
  return readings.sort((a, b) => a.at - b.at).map((r) => r.reading);
}
