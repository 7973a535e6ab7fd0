/** The national consumption series RTE publishes (MW, mainland France, 15-minute steps). */
export type NationalSeries = 'REALISED' | 'ID' | 'D-1' | 'D-2';

export const NATIONAL_SERIES: readonly NationalSeries[] = ['REALISED', 'ID', 'D-1', 'D-2'];

/** One step of a series: from `start` (an instant) for 15 minutes, its average in MW. */
export interface NationalValue {
  readonly startMs: number;
  readonly mw: number;
}

export interface NationalConsumption {
  readonly series: NationalSeries;
  readonly values: readonly NationalValue[];
}

export const NATIONAL_STEP_MS = 15 * 60_000;
