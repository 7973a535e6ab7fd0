import type { LocalDate } from '../domain/local-date.js';
import type { PricingOption } from '../domain/pdl.js';

/** A meter's off-peak hours and pricing option from a day on (null: not known then). */
export interface TariffPeriod {
  readonly validFrom: LocalDate;
  readonly offpeakHours: readonly string[] | null;
  readonly pricingOption: PricingOption | null;
}

/**
 * What a meter's off-peak hours and pricing option were over time, so that a past day is priced
 * with the hours in force that day.
 * - `record` keeps one period per meter and day: recording the same day again replaces it.
 * - `list` gives a meter's periods ordered by `validFrom`; an unknown meter has none.
 * - `forget` drops a meter's periods (the SQL adapter also drops them with the meter).
 */
export interface TariffHistory {
  record(pdlId: string, period: TariffPeriod): Promise<void>;
  list(pdlId: string): Promise<TariffPeriod[]>;
  forget(pdlId: string): Promise<void>;
}
