import { rangeLength, rangeOf } from '../date-range.js';
import type { EcoWattDay } from '../ecowatt.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, parseLocalDate } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import { err, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';

/** At most a year per request, as upstream. */
const MAX_DAYS = 366;

/** The EcoWatt signals of the days `first` to `last` (both included) the grid signals have. */
export const ecowattHistory =
  (deps: Dependencies) =>
  async (input: { first: unknown; last: unknown }): Promise<Result<EcoWattDay[], DomainError>> => {
    const first = parseLocalDate(input.first, 'start_date');
    if (!first.ok) return first;
    const last = parseLocalDate(input.last, 'end_date');
    if (!last.ok) return last;
    const range = rangeOf(first.value, addDays(last.value, 1));
    if (!range) return err(invalidInput('end_date', 'end_date must not be before start_date'));
    if (rangeLength(range) > MAX_DAYS) return err(invalidInput('end_date', `at most ${MAX_DAYS} days per request`));
    return deps.gridSignals.ecowattDays(range);
  };

/** Today's and the next days' EcoWatt signals, `days` of them (1 to 7; RTE publishes four). */
export const ecowattForecast =
  (deps: Dependencies) =>
  async (days: number): Promise<Result<EcoWattDay[], DomainError>> => {
    if (!Number.isInteger(days) || days < 1 || days > 7) return err(invalidInput('days', 'days is a whole number from 1 to 7'));
    const today = parisDate(deps.clock.now());
    return deps.gridSignals.ecowattDays({ start: today, end: addDays(today, days) });
  };
