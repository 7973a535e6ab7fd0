import { addDays, type LocalDate } from '../../local-date.js';
import type { MeteringKind } from '../../metering.js';
import type { UseCaseContext } from '../dependencies.js';
import { coverageRuns, type DayText, type RollUp, type Run, type SealedDays, type Year } from '../sealed-days.js';
import type { Window } from './window.js';

/** What the cache held for the request's days, and which days it lacks. */
export interface Cached {
  readonly found: ReadonlyMap<LocalDate, DayText>;
  readonly rollUps: ReadonlyMap<Year, RollUp>;
  readonly runs: readonly Run[];
  /** Days the cache served, roll-ups included. */
  readonly cachedDays: number;
  readonly toFetch: readonly LocalDate[];
}

/** Step 3: one batch read of the cache (unless asked not to), and the days left to fetch. */
export async function readCached(deps: UseCaseContext, kind: MeteringKind, store: SealedDays | null, window: Window, useCache: boolean): Promise<Cached> {
  const { days } = window;
  const read = useCache && store && days.length > 0 ? await store.read(days, addDays(window.settledUntil, 1)) : null;
  const found = read?.found ?? new Map<LocalDate, DayText>();
  const rollUps = read?.rollUps ?? new Map<Year, RollUp>();
  // One pass over the days, run by run: which the roll-ups cover, which were found alone, which to fetch.
  const runs = read?.runs ?? coverageRuns(days, rollUps);
  let inRollUps = 0;
  const toFetch: LocalDate[] = [];
  for (const { from, to, rollUp } of runs) {
    if (rollUp) inRollUps += to - from + 1;
    else if (!found.has(days[from]!)) toFetch.push(days[from]!);
  }
  const cachedDays = inRollUps + found.size;
  if (useCache && days.length > 0) deps.telemetry.cacheLookup(kind, cachedDays, days.length - cachedDays);
  return { found, rollUps, runs, cachedDays, toFetch };
}
