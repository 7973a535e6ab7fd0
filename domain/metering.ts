/**
 * Metering data in Enedis' own vocabulary, so that what the gateway serves reads like what Enedis
 * serves (field names kept from Data Connect v5), with values as numbers and unambiguous times.
 */
export type MeteringKind = 'consumption:daily' | 'consumption:detail' | 'consumption:max_power' | 'production:daily' | 'production:detail';

export const METERING_KINDS: readonly MeteringKind[] = [
  'consumption:daily',
  'consumption:detail',
  'consumption:max_power',
  'production:daily',
  'production:detail',
];

export type Direction = 'consumption' | 'production';

/**
 * One reading. `date` is `YYYY-MM-DD` for daily energy; for load curves it is the START of the
 * interval as ISO 8601 with the Paris offset; for max power it is the instant of the peak, same format.
 * In every case its first ten characters are the Paris day the reading belongs to.
 */
export interface IntervalReading {
  readonly date: string;
  readonly value: number;
  readonly quality: string;
  readonly interval_length?: string;
  readonly measure_type?: string;
}

export interface ReadingType {
  readonly unit: 'Wh' | 'W' | 'VA';
  readonly measurement_kind: 'energy' | 'power';
  readonly aggregate: 'sum' | 'average' | 'maximum';
  readonly measuring_period?: 'P1D';
}

export interface KindSpec {
  readonly direction: Direction;
  /** Longest span Enedis accepts in one call. */
  readonly maxDaysPerCall: number;
  /** How far back Enedis keeps this kind, in months before today. */
  readonly historyMonths: number;
  /** Longest span the gateway accepts in one request. */
  readonly maxDaysPerRequest: number;
  readonly readingType: ReadingType;
  readonly isCurve: boolean;
}

const DAILY_ENERGY: ReadingType = { unit: 'Wh', measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' };
const CURVE: ReadingType = { unit: 'W', measurement_kind: 'power', aggregate: 'average' };
const MAX_POWER: ReadingType = { unit: 'VA', measurement_kind: 'power', aggregate: 'maximum', measuring_period: 'P1D' };

const daily = (direction: Direction, readingType: ReadingType): KindSpec => ({
  direction,
  maxDaysPerCall: 365,
  historyMonths: 36,
  maxDaysPerRequest: 1200,
  readingType,
  isCurve: false,
});

const curve = (direction: Direction): KindSpec => ({
  direction,
  maxDaysPerCall: 7,
  historyMonths: 24,
  maxDaysPerRequest: 800,
  readingType: CURVE,
  isCurve: true,
});

export const KIND_SPECS: Readonly<Record<MeteringKind, KindSpec>> = {
  'consumption:daily': daily('consumption', DAILY_ENERGY),
  'consumption:detail': curve('consumption'),
  'consumption:max_power': daily('consumption', MAX_POWER),
  'production:daily': daily('production', DAILY_ENERGY),
  'production:detail': curve('production'),
};

/** Minutes in an ISO 8601 interval length such as `PT30M` or `PT1H`; 30 when absent or unreadable. */
export function intervalMinutes(intervalLength: string | undefined): number {
  const match = intervalLength ? /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(intervalLength) : null;
  if (!match || (!match[1] && !match[2])) return 30;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** The Paris day a reading belongs to (see IntervalReading.date). */
export const readingDay = (reading: IntervalReading): string => reading.date.slice(0, 10);
