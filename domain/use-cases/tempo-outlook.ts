import type { DomainError } from '../errors.js';
import { invalidInput } from '../errors.js';
import { addDays } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import { err, ok, type Result } from '../result.js';
import { tempoYearOf } from '../tempo.js';
import { outlookDays, tempoOutlook, tempoSeasonStats, type TempoOutlookDay, type TempoSeasonStats } from '../tempo-outlook.js';
import type { Dependencies } from './dependencies.js';

/** The current Tempo year's standing: the days of each colour used and left. */
export const tempoSeason = (deps: Dependencies) => async (): Promise<Result<TempoSeasonStats, DomainError>> => {
  const today = parisDate(deps.clock.now());
  const known = await deps.gridSignals.tempoDays({ start: tempoYearOf(today).start, end: addDays(today, 2) });
  return known.ok ? ok(tempoSeasonStats(today, known.value)) : known;
};

/** The outlook from tomorrow to `days` ahead (1 to 6, within the Tempo year), with the year's standing. */
export const tempoForecast =
  (deps: Dependencies) =>
  async (days: number): Promise<Result<{ stats: TempoSeasonStats; days: TempoOutlookDay[] }, DomainError>> => {
    if (!Number.isInteger(days) || days < 1 || days > 6) return err(invalidInput('days', 'days is a whole number from 1 to 6'));
    const today = parisDate(deps.clock.now());
    const known = await deps.gridSignals.tempoDays({ start: tempoYearOf(today).start, end: addDays(today, 2) });
    if (!known.ok) return known;
    return ok({ stats: tempoSeasonStats(today, known.value), days: tempoOutlook(outlookDays(today, days), known.value) });
  };
