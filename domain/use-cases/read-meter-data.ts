import type { BucketState } from '../../ports/rate-limiter.js';
import type { DayEntry } from '../../ports/day-cache.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import { groupRuns, intersectRanges, parseDateRange, rangeDays, rangeLength, rangeOf, splitRange, type DateRange } from '../date-range.js';
import { invalidInput, type DomainError, type ProviderFailure } from '../errors.js';
import { addDays, addMonths, maxDate, minDate, type LocalDate } from '../local-date.js';
import { KIND_SPECS, readingDay, type IntervalReading, type KindSpec, type MeteringKind, type ReadingType } from '../metering.js';
import { parisDate } from '../paris-time.js';
import { coversDay } from '../day-coverage.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { SingleFlight } from '../single-flight.js';
import { arrayPieces, concatBytes, insideOf, textOf, utf8 } from '../json-bytes.js';
import { coverageRuns, sealedDays, type DayText, type RollUp, type SealedDays, type Year } from './sealed-days.js';
import { parseUsagePointId, type UsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { findReadablePdl } from './meter-access.js';
import { memosOf } from './memos.js';
import { chargeQuota, countStat } from './quota.js';
import { providerFor } from './sync-pdl.js';
import { userKeyOf } from './user-key.js';

export type MissingReason =
  | 'not_yet_available'
  | 'beyond_history'
  | 'before_activation'
  | 'no_data'
  | 'incomplete'
  | 'upstream_error';

/** Days of the requested range that the answer lacks, and why. */
export interface MissingRun {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly reason: MissingReason;
  readonly detail: string | null;
}

export interface MeterData {
  readonly kind: MeteringKind;
  readonly usagePointId: UsagePointId;
  readonly range: DateRange;
  readonly readingType: ReadingType;
  /** The readings, parsed on first use. */
  readonly readings: IntervalReading[];
  /**
   * The readings as pieces of one JSON array's UTF-8 bytes, spliced from the cached bytes without
   * decoding or parsing them: written one after another, they are the array.
   */
  readingsPieces(): Uint8Array[];
  /** The readings as one JSON array text. */
  readingsJson(): string;
  readonly missing: MissingRun[];
  readonly cachedDays: number;
  readonly fetchedDays: number;
  /** The quota bucket this request was counted in; null when not counted (admins, internal callers). */
  readonly quota: BucketState | null;
}

export interface MeterDataRequest {
  readonly kind: MeteringKind;
  readonly usagePointId: unknown;
  readonly start: unknown;
  readonly end: unknown;
  /** False: do not serve from the cache (what is fetched is still written to it). */
  readonly useCache: boolean;
  /** False for internal callers such as cache warming. */
  readonly countQuota?: boolean;
}

/**
 * What Enedis can have for this meter: from the history limit, or the first day Enedis said it has
 * (learned from a "before activation" answer), up to J-1 (end = today). The contract's activation
 * date is not a floor: it is sometimes wrong, and days of data would be lost to it.
 */
function availableWindow(spec: KindSpec, pdl: Pdl, today: LocalDate, historyLimited: boolean) {
  const history = historyLimited ? addMonths(today, -spec.historyMonths) : ('0001-01-01' as LocalDate);
  const meterFloor = pdl.oldestAvailableDataDate;
  const start = meterFloor !== null && meterFloor > history ? meterFloor : history;
  return { start, end: today, startReason: start === history ? ('beyond_history' as const) : ('before_activation' as const) };
}

/** A daily value is a whole day; a curve day is whole when its intervals cover it (day-coverage.ts). */
function isComplete(spec: KindSpec, day: LocalDate, readings: readonly IntervalReading[]): boolean {
  if (readings.length === 0) return false;
  return !spec.isCurve || coversDay(day, readings);
}

const NO_READINGS = utf8('[]');

/** What one provider call brought for each of its days: the day's readings as text, and whether the day is whole. */
type DayFetch = Map<LocalDate, DayText & { readonly complete: boolean }>;

/** An answer whose readings stay bytes until someone asks for them as text or objects. */
function meterData(fields: Omit<MeterData, 'readings' | 'readingsPieces' | 'readingsJson'>, inner: readonly Uint8Array[]): MeterData {
  let pieces: Uint8Array[] | undefined;
  let json: string | undefined;
  let parsed: IntervalReading[] | undefined;
  const readingsPieces = () => (pieces ??= arrayPieces(inner));
  const readingsJson = () => (json ??= textOf(concatBytes(readingsPieces())));
  return {
    ...fields,
    readingsPieces,
    readingsJson,
    get readings() {
      return (parsed ??= JSON.parse(readingsJson()) as IntervalReading[]);
    },
  };
}

/**
 * Reads one kind of metering data for a range, day by day through the cache (DESIGN §5): one batch
 * read (whole past months of daily data come as one roll-up each), misses grouped into runs and
 * split to the provider's per-call limit, concurrent identical calls shared, complete days sealed
 * and written back in one batch per call, and months completed by the read rolled up.
 */
export const readMeterData = (deps: Dependencies) => {
  const owned = findReadablePdl(deps);
  const charge = chargeQuota(deps);
  const keyOf = userKeyOf(deps);
  const countUpstream = countStat(deps);
  const flights = new SingleFlight<Result<DayFetch, ProviderFailure>>();

  async function fetchChunk(
    provider: MeteringProvider,
    spec: KindSpec,
    kind: MeteringKind,
    usagePointId: UsagePointId,
    chunk: DateRange,
    store: SealedDays | null,
    yesterday: LocalDate,
  ): Promise<Result<DayFetch, ProviderFailure>> {
    const [answer] = await Promise.all([provider.readings(kind, usagePointId, chunk), countUpstream('upstream_calls')]);
    deps.telemetry.providerCall(kind, answer.ok ? 'ok' : answer.error.kind);
    if (!answer.ok) return answer;
    const byDay = new Map<LocalDate, IntervalReading[]>(rangeDays(chunk).map((day) => [day, []]));
    for (const reading of answer.value) byDay.get(readingDay(reading) as LocalDate)?.push(reading);
    const fetched: DayFetch = new Map();
    const entries: DayEntry[] = [];
    for (const [date, readings] of byDay) {
      const bytes = utf8(JSON.stringify(readings));
      const complete = isComplete(spec, date, readings);
      fetched.set(date, { bytes, count: readings.length, complete });
      if (!store) continue;
      if (complete) entries.push(store.entry(date, bytes, deps.settings.cacheTtlSeconds));
      // Remembered briefly so an empty day does not cost a call on every request; J-1 arrives late.
      else if (readings.length === 0 && date < yesterday) entries.push(store.entry(date, bytes, deps.settings.noDataTtlSeconds));
    }
    if (entries.length > 0) await deps.cache.putMany(entries);
    return ok(fetched);
  }

  return async (principal: Principal, request: MeterDataRequest): Promise<Result<MeterData, DomainError>> => {
    const { kind } = request;
    const spec = KIND_SPECS[kind];
    const usagePointId = parseUsagePointId(request.usagePointId);
    if (!usagePointId.ok) return usagePointId;
    const range = parseDateRange(request.start, request.end);
    if (!range.ok) return range;
    if (rangeLength(range.value) > spec.maxDaysPerRequest) {
      return err(invalidInput('end', `this data is served at most ${spec.maxDaysPerRequest} days per request`));
    }
    const pdl = await owned(principal, usagePointId.value);
    if (!pdl.ok) return pdl;
    if (!pdl.value.isActive) return err({ kind: 'PdlInactive' });
    if (spec.direction === 'production' ? !pdl.value.hasProduction : !pdl.value.hasConsumption) {
      return err({ kind: 'WrongDirection', message: `this meter does not measure ${spec.direction}` });
    }

    const today = parisDate(deps.clock.now());
    const yesterday = addDays(today, -1);
    const window = availableWindow(spec, pdl.value, today, providerFor(deps, principal.user).historyLimited);
    const missing: MissingRun[] = [];
    const before = rangeOf(range.value.start, minDate(window.start, range.value.end));
    if (before) missing.push({ ...before, reason: window.startReason, detail: null });
    const after = rangeOf(maxDate(window.end, range.value.start), range.value.end);
    if (after) missing.push({ ...after, reason: 'not_yet_available', detail: 'data is published from J-1' });

    const served = intersectRanges(range.value, window);
    const days = served ? rangeDays(served) : [];
    const userKey = keyOf(principal);
    const store = userKey ? sealedDays(deps, kind, usagePointId.value, userKey, !spec.isCurve) : null;
    // Up to the day before yesterday days are settled; yesterday (J-1) may still arrive late.
    const settledUntil = addDays(today, -2);
    const cached = request.useCache && store && days.length > 0 ? await store.read(days, addDays(settledUntil, 1)) : null;
    const found = cached?.found ?? new Map<LocalDate, DayText>();
    const rollUps = cached?.rollUps ?? new Map<Year, RollUp>();
    const fetched = found as Map<LocalDate, DayText & { complete?: boolean }>;
    // One pass over the days, run by run: which the roll-ups cover, which were found alone, which to fetch.
    const runs = cached?.runs ?? coverageRuns(days, rollUps);
    let inRollUps = 0;
    const toFetch: LocalDate[] = [];
    for (const { from, to, rollUp } of runs) {
      if (rollUp) inRollUps += to - from + 1;
      else if (!found.has(days[from]!)) toFetch.push(days[from]!);
    }
    const cachedDays = inRollUps + found.size;
    if (request.useCache && days.length > 0) deps.telemetry.cacheLookup(kind, cachedDays, days.length - cachedDays);

    let quota: BucketState | null = null;
    if (request.countQuota !== false) {
      const charged = await charge(principal, toFetch.length > 0 ? 'uncached' : 'cached');
      if (!charged.ok) return charged;
      quota = charged.value;
    }

    const failures = new Map<LocalDate, ProviderFailure>();
    let firstFailure: ProviderFailure | null = null;
    if (toFetch.length > 0) {
      const provider = providerFor(deps, principal.user);
      const chunks = groupRuns(toFetch).flatMap((run) => splitRange(run, spec.maxDaysPerCall));
      const fetchOne = (chunk: DateRange) =>
        flights.run(`${kind}:${usagePointId.value}:${chunk.start}:${chunk.end}`, () =>
          fetchChunk(provider, spec, kind, usagePointId.value, chunk, store, yesterday),
        );
      const outcomes = await inBatches(chunks, FETCHES_AT_ONCE, fetchOne);
      // "Before activation" naming the first day with data of each chunk: the latest of them is the
      // meter's first day, remembered so that the next request is clamped before calling; what
      // lies after it in each chunk is asked again.
      const firstDays = outcomes.flatMap((o) => (!o.ok && o.error.kind === 'BeforeActivation' && o.error.oldestAvailable ? [o.error.oldestAvailable] : []));
      if (firstDays.length > 0) {
        const activation = firstDays.reduce((a, b) => maxDate(a, b));
        await deps.pdls.update(pdl.value.id, { oldestAvailableDataDate: activation });
        memosOf(deps).forget();
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome.ok || outcome.error.kind !== 'BeforeActivation' || !outcome.error.oldestAvailable) continue;
          const chunk = chunks[i]!;
          const early = rangeOf(chunk.start, minDate(activation, chunk.end));
          if (early) missing.push({ ...early, reason: 'before_activation', detail: null });
          const later = rangeOf(maxDate(activation, chunk.start), chunk.end);
          for (const day of early ? rangeDays(early) : []) fetched.set(day, { bytes: NO_READINGS, count: 0, complete: true });
          if (later) {
            chunks[i] = later;
            outcomes[i] = await fetchOne(later);
          } else {
            outcomes[i] = ok(new Map());
          }
        }
      }
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) {
          for (const [day, text] of outcome.value) fetched.set(day, text);
          return;
        }
        firstFailure ??= outcome.error;
        for (const day of rangeDays(chunks[i]!)) failures.set(day, outcome.error);
      });
    }

    // Months whose settled days are now all known get their roll-up extended.
    if (store && days.length > 0) {
      const rolled = store.rollUpEntries(rollUps, fetched, settledUntil);
      if (rolled.length > 0) await deps.cache.putMany(rolled);
    }
    const texts = store ? store.assemble(days, runs, fetched) : days.map((d) => insideOf(fetched.get(d)?.bytes ?? NO_READINGS));

    const anyReading = inRollUps > 0 || [...fetched.values()].some((d) => d.count > 0);
    if (!anyReading && firstFailure !== null) return err(firstFailure);
    const beforeActivation = new Set(missing.filter((m) => m.reason === 'before_activation').flatMap((m) => rangeDays(m)));
    const noData: LocalDate[] = [];
    const incomplete: LocalDate[] = [];
    for (const [day, known] of fetched) {
      if (known.count === 0 && !beforeActivation.has(day)) noData.push(day);
      else if (known.count > 0 && known.complete === false) incomplete.push(day);
    }
    for (const [reason, lacking] of [['no_data', noData], ['incomplete', incomplete]] as const) {
      for (const run of groupRuns(lacking)) missing.push({ ...run, reason, detail: null });
    }
    for (const run of groupRuns([...failures.keys()])) {
      const failure = failures.get(run.start)!;
      missing.push({ ...run, reason: 'upstream_error', detail: `${failure.kind}: ${failure.message}` });
    }
    missing.sort((a, b) => (a.start < b.start ? -1 : 1));

    return ok(
      meterData(
        {
          kind,
          usagePointId: usagePointId.value,
          range: range.value,
          readingType: spec.readingType,
          missing,
          cachedDays,
          fetchedDays: days.length - cachedDays - failures.size - beforeActivation.size,
          quota,
        },
        texts,
      ),
    );
  };
};

/**
 * Provider calls for one request, a few at a time: the shared throttle paces them anyway, and a
 * request for two years of curves then waits for its slots one batch after another instead of
 * queuing a hundred calls past the throttle's patience.
 */
const FETCHES_AT_ONCE = 5;

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
