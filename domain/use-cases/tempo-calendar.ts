import { rangeLength, rangeOf, type DateRange } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, parseLocalDate, type LocalDate } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import { err, ok, type Result } from '../result.js';
import { tempoYearOf, type TempoDay } from '../tempo.js';
import type { Dependencies } from './dependencies.js';

/** At most this many days per request: three Tempo years. */
const MAX_DAYS = 3 * 366;

/**
 * The Tempo colours known for the days `first` to `last` (both included, as upstream's routes take
 * them); without them, the current Tempo year up to tomorrow. Days not yet published are absent.
 */
export const tempoCalendar =
  (deps: Dependencies) =>
  async (input: { first?: unknown; last?: unknown }): Promise<Result<TempoDay[], DomainError>> => {
    const range = requestedRange(input, parisDate(deps.clock.now()));
    if (!range.ok) return range;
    return deps.gridSignals.tempoDays(range.value);
  };

function requestedRange(input: { first?: unknown; last?: unknown }, today: LocalDate): Result<DateRange, DomainError> {
  const first = input.first === undefined ? ok(tempoYearOf(today).start) : parseLocalDate(input.first, 'start_date');
  if (!first.ok) return first;
  const last = input.last === undefined ? ok(addDays(today, 1)) : parseLocalDate(input.last, 'end_date');
  if (!last.ok) return last;
  const range = rangeOf(first.value, addDays(last.value, 1));
  if (!range) return err(invalidInput('end_date', 'end_date must not be before start_date'));
  if (rangeLength(range) > MAX_DAYS) return err(invalidInput('end_date', `at most ${MAX_DAYS} days per request`));
  return ok(range);
}
