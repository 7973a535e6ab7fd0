/** What RTE forecasts the production of: solar, and wind (onshore and offshore together). */
export type ProductionType = 'SOLAR' | 'WIND';

export const PRODUCTION_TYPES: readonly ProductionType[] = ['SOLAR', 'WIND'];

/**
 * RTE's generation forecasts: D-3, D-2 and D-1 made three, two and one days ahead, ID (intraday,
 * renewed through the day) and CURRENT (the latest of them for each hour).
 */
export type GenerationForecastType = 'D-3' | 'D-2' | 'D-1' | 'ID' | 'CURRENT';

export const GENERATION_FORECAST_TYPES: readonly GenerationForecastType[] = ['D-3', 'D-2', 'D-1', 'ID', 'CURRENT'];

/** How many days ahead of today each forecast reaches (RTE keeps the past ones a week). */
export const FORECAST_HORIZON_DAYS: Readonly<Record<GenerationForecastType, number>> = { 'D-3': 3, 'D-2': 2, 'D-1': 1, ID: 1, CURRENT: 3 };

/** Past days of a forecast kept, counted back from today. */
export const FORECAST_PAST_DAYS = 7;

/** One hour of a forecast: from `startMs` for an hour, its average in MW. */
export interface GenerationValue {
  readonly startMs: number;
  readonly mw: number;
}

export interface GenerationForecast {
  readonly productionType: ProductionType;
  readonly forecastType: GenerationForecastType;
  readonly values: readonly GenerationValue[];
}

export const GENERATION_STEP_MS = 3_600_000;
