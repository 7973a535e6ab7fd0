import type { LocalDate } from './local-date.js';

/** An hour's EcoWatt level, as RTE numbers them: 0 low-carbon, 1 normal, 2 tense, 3 very tense (cuts possible). */
export type EcoWattLevel = 0 | 1 | 2 | 3;

/** A day's EcoWatt signal: its level (the worst of its hours, at least 1) and the level of each of its 24 hours. */
export interface EcoWattDay {
  readonly date: LocalDate;
  readonly level: 1 | 2 | 3;
  readonly hourly: readonly EcoWattLevel[];
  readonly message: string;
}

/** RTE publishes EcoWatt for today and the three days after. */
export const ECOWATT_DAYS_AHEAD = 3;

/** RTE's words for each day level. */
export const ECOWATT_MESSAGES: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Situation normale.',
  2: 'Système électrique tendu. Les écogestes sont les bienvenus.',
  3: 'Système électrique très tendu. Coupures inévitables si nous ne baissons pas notre consommation.',
};

/** The day level of 24 hourly levels: the worst, and never below normal. */
export const dayLevel = (hourly: readonly EcoWattLevel[]): 1 | 2 | 3 => Math.max(1, ...hourly) as 1 | 2 | 3;
