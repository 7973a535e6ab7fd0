import type { DayToKeep, Shelf } from '../../../ports/day-store.js';
import type { MeteringProvider } from '../../../ports/metering-provider.js';
import { coversDay } from '../../day-coverage.js';
import { groupRuns, rangeDays, rangeOf, splitRange, type DateRange } from '../../date-range.js';
import type { ProviderFailure } from '../../errors.js';
import { maxDate, minDate, type LocalDate } from '../../local-date.js';
import { readingDay, type IntervalReading, type KindSpec } from '../../metering.js';
import type { Pdl } from '../../pdl.js';
import { ok, type Result } from '../../result.js';
import { SingleFlight } from '../../single-flight.js';
import type { Dependencies } from '../dependencies.js';
import type { FetchedDay } from './types.js';

/** What one provider call brought for each of its days. */
type DayFetch = Map<LocalDate, FetchedDay>;

/** What fetching brought: each day known, the days that failed (and the first failure), the days before activation. */
export interface Fetched {
  readonly days: ReadonlyMap<LocalDate, FetchedDay>;
  readonly failures: ReadonlyMap<LocalDate, ProviderFailure>;
  readonly firstFailure: ProviderFailure | null;
  readonly beforeActivation: readonly DateRange[];
  /** Days the provider answered for (with readings or empty). */
  readonly fromProvider: number;
}

/** Everything a fetch is about. */
export interface FetchContext {
  readonly provider: MeteringProvider;
  readonly shelf: Shelf;
  readonly spec: KindSpec;
  readonly pdl: Pdl;
  readonly yesterday: LocalDate;
}

/**
 * Provider calls for one request, a few at a time: the shared throttle paces them anyway, and a
 * request for two years of curves then waits for its slots one batch after another instead of
 * queuing a hundred calls past the throttle's patience.
 */
const FETCHES_AT_ONCE = 5;

/**
 * Step 5: the days the cache lacked, from the provider: runs split to its per-call limit, identical
 * concurrent calls shared (single flight), a few at a time; "before activation" settled.
 */
export function dayFetcher(deps: Dependencies) {
  const flights = new SingleFlight<Result<DayFetch, ProviderFailure>>();
  const call = callOnce(deps);
  return async (context: FetchContext, toFetch: readonly LocalDate[]): Promise<Fetched> => {
    if (toFetch.length === 0) return { days: new Map(), failures: new Map(), firstFailure: null, beforeActivation: [], fromProvider: 0 };
    const { spec, shelf } = context;
    const { kind, usagePointId } = shelf;
    const fetchOne = (chunk: DateRange) => flights.run(`${kind}:${usagePointId}:${chunk.start}:${chunk.end}`, () => call(context, chunk));
    const chunks = groupRuns(toFetch).flatMap((run) => splitRange(run, spec.maxDaysPerCall));
    const outcomes = await inBatches(chunks, FETCHES_AT_ONCE, fetchOne);
    const settled = await settleBeforeActivation(deps, context.pdl, chunks, outcomes, fetchOne);
    return collect(settled);
  };
}

/** One provider call for a chunk: its days grouped, and those worth keeping written back in one batch. */
function callOnce(deps: Dependencies) {
  return async ({ provider, spec, shelf, yesterday }: FetchContext, chunk: DateRange): Promise<Result<DayFetch, ProviderFailure>> => {
    const [answer] = await Promise.all([provider.readings(shelf.kind, shelf.usagePointId, chunk), deps.tally.count('upstream_calls')]);
    deps.telemetry.providerCall(shelf.kind, answer.ok ? 'ok' : answer.error.kind);
    if (!answer.ok) return answer;
    const byDay = new Map<LocalDate, IntervalReading[]>(rangeDays(chunk).map((day) => [day, []]));
    for (const reading of answer.value) byDay.get(readingDay(reading) as LocalDate)?.push(reading);
    const fetched: DayFetch = new Map();
    const toKeep: DayToKeep[] = [];
    for (const [date, readings] of byDay) {
      // A daily value is a whole day; a curve day is whole when its intervals cover it.
      const complete = readings.length > 0 && (!spec.isCurve || coversDay(date, readings));
      fetched.set(date, { readings, complete });
      const ttlSeconds = keptFor(deps, complete, readings.length === 0 && date < yesterday);
      if (ttlSeconds !== null) toKeep.push({ date, readings, ttlSeconds });
    }
    await deps.days.keep(shelf, toKeep);
    return ok(fetched);
  };
}

/** A whole day is kept; an empty one briefly, so that it does not cost a call on every request (never J-1, which arrives late). */
const keptFor = (deps: Dependencies, complete: boolean, settledEmpty: boolean): number | null =>
  complete ? deps.settings.cacheTtlSeconds : settledEmpty ? deps.settings.noDataTtlSeconds : null;

interface Outcome {
  readonly chunk: DateRange;
  readonly result: Result<DayFetch, ProviderFailure>;
  /** The part of the chunk before the meter's first day, known empty. */
  readonly early: DateRange | null;
}

/**
 * "Before activation" naming the first day with data of each chunk: the latest of them is the
 * meter's first day, remembered on the meter so that the next request is clamped before calling;
 * what lies after it in each refused chunk is asked again.
 */
async function settleBeforeActivation(
  deps: Dependencies,
  pdl: Pdl,
  chunks: readonly DateRange[],
  results: readonly Result<DayFetch, ProviderFailure>[],
  fetchOne: (chunk: DateRange) => Promise<Result<DayFetch, ProviderFailure>>,
): Promise<Outcome[]> {
  const firstDayOf = (r: Result<DayFetch, ProviderFailure>) => (!r.ok && r.error.kind === 'BeforeActivation' ? (r.error.oldestAvailable ?? null) : null);
  const firstDays = results.map(firstDayOf).filter((d): d is LocalDate => d !== null);
  if (firstDays.length === 0) return chunks.map((chunk, i) => ({ chunk, result: results[i]!, early: null }));
  const activation = firstDays.reduce((a, b) => maxDate(a, b));
  await deps.pdls.update(pdl.id, { oldestAvailableDataDate: activation });
  const outcomes: Outcome[] = [];
  for (const [i, chunk] of chunks.entries()) {
    if (firstDayOf(results[i]!) === null) {
      outcomes.push({ chunk, result: results[i]!, early: null });
      continue;
    }
    const early = rangeOf(chunk.start, minDate(activation, chunk.end));
    const later = rangeOf(maxDate(activation, chunk.start), chunk.end);
    outcomes.push({ chunk: later ?? chunk, result: later ? await fetchOne(later) : ok(new Map()), early });
  }
  return outcomes;
}

/** The outcomes as days known, days failed and days before activation. */
function collect(outcomes: readonly Outcome[]): Fetched {
  const days = new Map<LocalDate, FetchedDay>();
  const failures = new Map<LocalDate, ProviderFailure>();
  let firstFailure: ProviderFailure | null = null;
  const beforeActivation: DateRange[] = [];
  let fromProvider = 0;
  for (const { chunk, result, early } of outcomes) {
    if (early) {
      beforeActivation.push(early);
      for (const day of rangeDays(early)) days.set(day, { readings: [], complete: true });
    }
    if (result.ok) {
      for (const [day, text] of result.value) days.set(day, text);
      fromProvider += result.value.size;
      continue;
    }
    firstFailure ??= result.error;
    for (const day of rangeDays(chunk)) failures.set(day, result.error);
  }
  return { days, failures, firstFailure, beforeActivation, fromProvider };
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}
