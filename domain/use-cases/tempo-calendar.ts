import { parseInclusiveRange } from '../date-range.js';
import type { DomainError } from '../errors.js';
import { addDays } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import type { Result } from '../result.js';
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
    const today = parisDate(deps.clock.now());
    const range = parseInclusiveRange(input.first ?? tempoYearOf(today).start, input.last ?? addDays(today, 1), MAX_DAYS);
    if (!range.ok) return range;
    return deps.gridSignals.tempoDays(range.value);
  };
