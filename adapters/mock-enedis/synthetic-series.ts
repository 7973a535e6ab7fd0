import type { Faker } from '@faker-js/faker';
import { dayOfYear, weekday, type LocalDate } from '../../domain/local-date.js';
import type { IntervalReading } from '../../domain/metering.js';
import { formatParisIso, intervalStarts, parisHourOfDay } from '../../domain/paris-time.js';
import { stableHash, type MeterProfile } from './meter-profiles.js';

/**
 * The process' one Faker, French locale alone (the package's root loads every locale, about 30 MB
 * more), loaded on first use: a gateway that never serves synthetic data never loads it. The module
 * loader keeps the module, so every call gives the same Faker.
 */
export const loadFaker = (): Promise<Faker> => import('@faker-js/faker/locale/fr').then((module) => module.faker);

const STEP_MINUTES = 30;
const YEAR = 365.25;

/**
 * Physically coherent synthetic meter data, deterministic per (usage point, day): a day's curve
 * integrates exactly to its daily total, max power is at least the curve's peak, and the sun does
 * not shine at night. Each value draws from a faker seeded by (usage point, day, series).
 */
export class SyntheticSeries {
  /** @param faker the process' one Faker (loadFaker): reseeded before every draw, so sharing it changes no value. */
  constructor(
    private readonly usagePointId: string,
    private readonly profile: MeterProfile,
    private readonly faker: Faker,
  ) {}

  /** A faker seeded for one series of one day; draw from it before asking for another. */
  seeded(day: string, series: string): Faker {
    this.faker.seed(stableHash(`${this.usagePointId}:${day}:${series}`));
    return this.faker;
  }

  private gaussian(faker: Faker): number {
    const u = 1 - faker.number.float({ min: 0, max: 1 });
    const v = faker.number.float({ min: 0, max: 1 });
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Wh. Winter about +30 %, summer about -20 % around the base; weekends a little higher. */
  dailyConsumption(day: LocalDate): number {
    const faker = this.seeded(day, 'consumption');
    const base = this.profile.baseDailyWh;
    const seasonal = 1.05 + 0.25 * Math.cos((2 * Math.PI * (dayOfYear(day) - 15)) / YEAR);
    const weekend = [0, 6].includes(weekday(day)) ? 1.04 : 1;
    const raw = seasonal * weekend * (1 + 0.04 * this.gaussian(faker));
    // Squeezed smoothly into (0.785, 1.315) x base: the seed's 15-25 kWh for the demo's 19 kWh base.
    return Math.round(base * (1.05 + 0.265 * Math.tanh((raw - 1.05) / 0.265)));
  }

  /** Wh. About 20 kWh on a clear summer day, 3 in winter, a cloudy day (one in five) 60 % less. */
  dailyProduction(day: LocalDate): number {
    const faker = this.seeded(day, 'production');
    const clear = 11.5 + 8.5 * Math.cos((2 * Math.PI * (dayOfYear(day) - 172)) / YEAR);
    const cloudy = faker.number.float({ min: 0, max: 1 }) < 0.2 ? 0.4 : 1;
    const noise = faker.number.float({ min: 0.92, max: 1.05 });
    return Math.round((this.profile.peakSolarWh / 20) * clear * cloudy * noise);
  }

  consumptionCurve(day: LocalDate): IntervalReading[] {
    const faker = this.seeded(day, 'consumption-curve');
    const total = this.dailyConsumption(day);
    const starts = intervalStarts(day, STEP_MINUTES);
    const weights = starts.map((start) => householdWeight(parisHourOfDay(start)) * faker.number.float({ min: 0.85, max: 1.15 }));
    return toCurve(starts, splitExactly(total, weights));
  }

  productionCurve(day: LocalDate): IntervalReading[] {
    const total = this.dailyProduction(day);
    const starts = intervalStarts(day, STEP_MINUTES);
    const doy = dayOfYear(day);
    const swing = Math.cos((2 * Math.PI * (doy - 172)) / YEAR);
    const sunrise = 7.25 - 1.5 * swing;
    const sunset = 19.25 + 2.5 * swing;
    const weights = starts.map((start) => {
      const middle = parisHourOfDay(start) + STEP_MINUTES / 120;
      return middle <= sunrise || middle >= sunset ? 0 : Math.sin((Math.PI * (middle - sunrise)) / (sunset - sunrise));
    });
    return toCurve(starts, splitExactly(total, weights));
  }

  /** VA, at an instant inside the curve's busiest half-hour. */
  maxPower(day: LocalDate): IntervalReading {
    const curve = this.consumptionCurve(day);
    const peak = curve.reduce((best, point) => (point.value > best.value ? point : best), curve[0]!);
    const faker = this.seeded(day, 'max-power');
    const apparent = Math.round((peak.value / 0.95) * faker.number.float({ min: 1.2, max: 2.2 }));
    const value = Math.max(peak.value, Math.min(this.profile.subscribedPower * 1000, apparent));
    const at = Date.parse(peak.date) + faker.number.int({ min: 0, max: STEP_MINUTES * 60 - 1 }) * 1000;
    return { date: formatParisIso(at), value, quality: 'CORRIGE' };
  }
}

/** Relative draw of a household by hour of day: low at night, peaks morning and evening. */
function householdWeight(hour: number): number {
  if (hour < 6) return 0.5;
  if (hour < 9) return 1.3;
  if (hour < 18) return 1;
  if (hour < 22) return 1.4;
  return 0.7;
}

/** Integers proportional to `weights` that sum exactly to `total` (largest remainder). */
export function splitExactly(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const shares = weights.map((w) => (total * w) / sum);
  const parts = shares.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

/** Wh per half-hour to average W over it (Wh x 2), stamped at interval start. */
function toCurve(starts: readonly number[], whPerSlot: readonly number[]): IntervalReading[] {
  return starts.map((start, i) => ({
    date: formatParisIso(start),
    value: whPerSlot[i]! * (60 / STEP_MINUTES),
    quality: 'BRUT',
    interval_length: 'PT30M',
    measure_type: 'B',
  }));
}
