import { parseInclusiveRange } from '../date-range.js';
import type { EcoWattDay } from '../ecowatt.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import { err, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';

/** At most a year per request, as upstream. */
const MAX_DAYS = 366;

/** The EcoWatt signals of the days `first` to `last` (both included) the grid signals have. */
export const ecowattHistory =
  (deps: Dependencies) =>
  async (input: { first: unknown; last: unknown }): Promise<Result<EcoWattDay[], DomainError>> => {
    const range = parseInclusiveRange(input.first, input.last, MAX_DAYS);
    return range.ok ? deps.gridSignals.ecowattDays(range.value) : range;
  };

/** Today's and the next days' EcoWatt signals, `days` of them (1 to 7; RTE publishes four). */
export const ecowattForecast =
  (deps: Dependencies) =>
  async (days: number): Promise<Result<EcoWattDay[], DomainError>> => {
    if (!Number.isInteger(days) || days < 1 || days > 7) return err(invalidInput('days', 'days is a whole number from 1 to 7'));
    const today = parisDate(deps.clock.now());
    return deps.gridSignals.ecowattDays({ start: today, end: addDays(today, days) });
  };
