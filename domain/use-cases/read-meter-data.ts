import type { BucketState } from '../../ports/rate-limiter.js';
import type { UserKey } from '../../ports/keyring.js';
import type { DayEntry } from '../../ports/day-cache.js';
import type { MeteringProvider } from '../../ports/metering-provider.js';
import { dayKeyString, type DayKey } from '../cache-key.js';
import { groupRuns, intersectRanges, parseDateRange, rangeDays, rangeLength, rangeOf, splitRange, type DateRange } from '../date-range.js';
import { invalidInput, type DomainError, type ProviderFailure } from '../errors.js';
import { addDays, addMonths, maxDate, minDate, type LocalDate } from '../local-date.js';
import { intervalMinutes, KIND_SPECS, readingDay, type IntervalReading, type KindSpec, type MeteringKind, type ReadingType } from '../metering.js';
import { intervalStarts, parisDate } from '../paris-time.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { SingleFlight } from '../single-flight.js';
import { parseUsagePointId, type UsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { findOwnedPdl } from './owned-pdl.js';
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
  readonly readings: IntervalReading[];
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

/** What Enedis can have for this meter: from the history limit or activation, up to J-1 (end = today). */
function availableWindow(spec: KindSpec, pdl: Pdl, today: LocalDate) {
  const history = addMonths(today, -spec.historyMonths);
  const floors = [pdl.activationDate, pdl.oldestAvailableDataDate].filter((d): d is LocalDate => d !== null);
  const meterFloor = floors.reduce<LocalDate | null>((a, b) => (a === null ? b : maxDate(a, b)), null);
  const start = meterFloor !== null && meterFloor > history ? meterFloor : history;
  return { start, end: today, startReason: start === history ? ('beyond_history' as const) : ('before_activation' as const) };
}

/** A curve day is complete when it has every interval of its length (46, 48 or 50 half-hours). */
function isComplete(spec: KindSpec, day: LocalDate, readings: readonly IntervalReading[]): boolean {
  if (readings.length === 0) return false;
  if (!spec.isCurve) return true;
  return readings.length === intervalStarts(day, intervalMinutes(readings[0]!.interval_length)).length;
}

type DayFetch = Map<LocalDate, IntervalReading[]>;

/**
 * Reads one kind of metering data for a range, day by day through the cache (DESIGN §5): one batch
 * read, misses grouped into runs and split to the provider's per-call limit, concurrent identical
 * calls shared, complete days sealed and written back in one batch per call.
 */
export const readMeterData = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
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
    userKey: UserKey | null,
    yesterday: LocalDate,
  ): Promise<Result<DayFetch, ProviderFailure>> {
    const [answer] = await Promise.all([provider.readings(kind, usagePointId, chunk), countUpstream('upstream_calls')]);
    deps.telemetry.providerCall(kind, answer.ok ? 'ok' : answer.error.kind);
    if (!answer.ok) return answer;
    const byDay: DayFetch = new Map(rangeDays(chunk).map((day) => [day, []]));
    for (const reading of answer.value) byDay.get(readingDay(reading) as LocalDate)?.push(reading);
    if (userKey === null) return ok(byDay);
    const entries: DayEntry[] = [];
    for (const [date, readings] of byDay) {
      const dayKey: DayKey = { kind, usagePointId, date };
      const seal = (text: string) => deps.keyring.seal(userKey, text, dayKeyString(dayKey));
      if (isComplete(spec, date, readings)) {
        entries.push({ key: dayKey, value: seal(JSON.stringify(readings)), ttlSeconds: deps.settings.cacheTtlSeconds });
      } else if (readings.length === 0 && date < yesterday) {
        // Remembered briefly so an empty day does not cost a call on every request; J-1 arrives late.
        entries.push({ key: dayKey, value: seal('[]'), ttlSeconds: deps.settings.noDataTtlSeconds });
      }
    }
    if (entries.length > 0) await deps.cache.putMany(entries);
    return ok(byDay);
  }

  async function readCached(kind: MeteringKind, usagePointId: UsagePointId, days: LocalDate[], userKey: UserKey) {
    const keys = days.map((date) => ({ kind, usagePointId, date }));
    const values = await deps.cache.getMany(keys);
    const found = new Map<LocalDate, IntervalReading[]>();
    values.forEach((sealed, i) => {
      if (sealed === null) return;
      const opened = deps.keyring.open(userKey, sealed, dayKeyString(keys[i]!));
      if (opened !== null) found.set(days[i]!, JSON.parse(opened) as IntervalReading[]);
    });
    return found;
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
    const window = availableWindow(spec, pdl.value, today);
    const missing: MissingRun[] = [];
    const before = rangeOf(range.value.start, minDate(window.start, range.value.end));
    if (before) missing.push({ ...before, reason: window.startReason, detail: null });
    const after = rangeOf(maxDate(window.end, range.value.start), range.value.end);
    if (after) missing.push({ ...after, reason: 'not_yet_available', detail: 'data is published from J-1' });

    const served = intersectRanges(range.value, window);
    const days = served ? rangeDays(served) : [];
    const userKey = keyOf(principal);
    const found =
      request.useCache && userKey !== null && days.length > 0
        ? await readCached(kind, usagePointId.value, days, userKey)
        : new Map<LocalDate, IntervalReading[]>();
    const cachedDays = found.size;
    if (request.useCache && days.length > 0) deps.telemetry.cacheLookup(kind, cachedDays, days.length - cachedDays);
    const toFetch = days.filter((day) => !found.has(day));

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
      const yesterday = addDays(today, -1);
      const fetchOne = (chunk: DateRange) =>
        flights.run(`${kind}:${usagePointId.value}:${chunk.start}:${chunk.end}`, () =>
          fetchChunk(provider, spec, kind, usagePointId.value, chunk, userKey, yesterday),
        );
      const outcomes = await Promise.all(chunks.map(fetchOne));
      // "Before activation" naming the first day with data: remember it on the meter, so the next
      // request is clamped before calling, and ask again for what lies after it.
      const activation = outcomes.flatMap((o) => (!o.ok && o.error.kind === 'BeforeActivation' && o.error.oldestAvailable ? [o.error.oldestAvailable] : []))[0];
      if (activation) {
        await deps.pdls.update(pdl.value.id, { oldestAvailableDataDate: activation });
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome.ok || outcome.error.kind !== 'BeforeActivation') continue;
          const chunk = chunks[i]!;
          const early = rangeOf(chunk.start, minDate(activation, chunk.end));
          if (early) missing.push({ ...early, reason: 'before_activation', detail: null });
          const later = rangeOf(maxDate(activation, chunk.start), chunk.end);
          for (const day of early ? rangeDays(early) : []) found.set(day, []);
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
          for (const [day, readings] of outcome.value) found.set(day, readings);
          return;
        }
        firstFailure ??= outcome.error;
        for (const day of rangeDays(chunks[i]!)) failures.set(day, outcome.error);
      });
    }

    const readings = days.flatMap((day) => found.get(day) ?? []);
    if (readings.length === 0 && firstFailure !== null) return err(firstFailure);
    const beforeActivation = new Set(missing.filter((m) => m.reason === 'before_activation').flatMap((m) => rangeDays(m)));
    for (const [reason, lacking] of [
      ['no_data', days.filter((d) => found.get(d)?.length === 0 && !beforeActivation.has(d))],
      ['incomplete', days.filter((d) => { const r = found.get(d); return r !== undefined && r.length > 0 && !isComplete(spec, d, r); })],
    ] as const) {
      for (const run of groupRuns(lacking)) missing.push({ ...run, reason, detail: null });
    }
    for (const run of groupRuns([...failures.keys()])) {
      const failure = failures.get(run.start)!;
      missing.push({ ...run, reason: 'upstream_error', detail: `${failure.kind}: ${failure.message}` });
    }
    missing.sort((a, b) => (a.start < b.start ? -1 : 1));

    return ok({
      kind,
      usagePointId: usagePointId.value,
      range: range.value,
      readingType: spec.readingType,
      readings,
      missing,
      cachedDays,
      fetchedDays: days.length - cachedDays - failures.size - beforeActivation.size,
      quota,
    });
  };
};
