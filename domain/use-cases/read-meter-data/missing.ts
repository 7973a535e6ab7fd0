import { groupRuns, rangeDays } from '../../date-range.js';
import type { LocalDate } from '../../local-date.js';
import type { Fetched } from './fetch.js';
import type { MissingRun } from './types.js';

/**
 * Step 7: the days the answer lacks, in runs, oldest first: the window's edges, the days before
 * activation, days the provider has nothing for (as stored or as just fetched), curve days with
 * holes (served, not stored), and days whose call failed.
 */
export function describeMissing(edges: readonly MissingRun[], storedEmpty: readonly LocalDate[], fetched: Fetched): MissingRun[] {
  const missing: MissingRun[] = [...edges];
  for (const run of fetched.beforeActivation) missing.push({ ...run, reason: 'before_activation', detail: null });
  const beforeActivation = new Set(missing.filter((m) => m.reason === 'before_activation').flatMap((m) => rangeDays(m)));
  const noData: LocalDate[] = storedEmpty.filter((day) => !beforeActivation.has(day));
  const incomplete: LocalDate[] = [];
  for (const [day, { readings, complete }] of fetched.days) {
    if (readings.length === 0 && !beforeActivation.has(day)) noData.push(day);
    else if (readings.length > 0 && !complete) incomplete.push(day);
  }
  for (const [reason, lacking] of [
    ['no_data', noData],
    ['incomplete', incomplete],
  ] as const) {
    for (const run of groupRuns(lacking)) missing.push({ ...run, reason, detail: null });
  }
  for (const run of groupRuns([...fetched.failures.keys()])) {
    const failure = fetched.failures.get(run.start)!;
    missing.push({ ...run, reason: 'upstream_error', detail: `${failure.kind}: ${failure.message}` });
  }
  return missing.sort((a, b) => (a.start < b.start ? -1 : 1));
}
