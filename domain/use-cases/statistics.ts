import { rangeDays } from '../date-range.js';
import { invalidInput, type DomainError } from '../errors.js';
import { addDays, addMonths, maxDate, minDate, parseLocalDate, type LocalDate } from '../local-date.js';
import type { Direction } from '../metering.js';
import { parisDate, parisMidnightUtcMs } from '../paris-time.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import {
  completeDays,
  decodeCursor,
  decodeLedger,
  encodeCursor,
  encodeLedger,
  hourRows,
  ledgerOrigin,
  sumBefore,
  type Ledger,
  type StatisticsCursor,
  type StatisticsRow,
} from '../statistics.js';
import type { Dependencies } from './dependencies.js';
import { findReadablePdl } from './meter-access.js';
import type { MissingRun, readMeterData } from './read-meter-data/index.js';
import { userKeyOf } from './user-key.js';

/** Days per page: a month of hours (744 rows at most). */
const PAGE_DAYS = 31;
/** Days before a cursor read again, so that a correction of a recent day is seen. */
const LOOKBACK_DAYS = 7;
/** How long a missing day may still arrive (Enedis publishes late by days, not months). */
const GAP_DAYS = 14;
const CONTEXT = 'statistics-ledger';

export interface StatisticsAnswer {
  readonly pdl: Pdl;
  readonly direction: Direction;
  readonly origin: LocalDate;
  readonly rows: StatisticsRow[];
  readonly nextSince: string;
  readonly hasMore: boolean;
  /** When a day already served changed (a correction, or a late day before the cursor): re-import from this instant. */
  readonly correctedFrom: string | null;
  readonly missing: MissingRun[];
}

/** Where to start: a cursor, a day or instant (`YYYY-MM-DD` or ISO 8601), or the origin. */
function startOf(since: unknown, origin: LocalDate): Result<{ from: LocalDate; cursor: StatisticsCursor | null }, DomainError> {
  if (since === undefined || since === '') return ok({ from: origin, cursor: null });
  const text = String(since);
  const day = /^\d{4}-\d{2}-\d{2}/.test(text) ? parseLocalDate(text.slice(0, 10), 'since') : null;
  if (day?.ok) return ok({ from: maxDate(day.value, origin), cursor: null });
  const cursor = decodeCursor(text);
  if (!cursor) return err(invalidInput('since', 'since is a next_since cursor, a day (YYYY-MM-DD) or an ISO 8601 instant'));
  return ok({ from: maxDate(addDays(cursor.next, -LOOKBACK_DAYS), origin), cursor });
}

async function openLedger(deps: Dependencies, principal: Principal, pdl: Pdl, direction: Direction): Promise<Ledger> {
  const key = userKeyOf(deps)(principal);
  const sealed = key ? await deps.ledgers.read(pdl.id, direction) : null;
  const opened = key && sealed ? deps.keyring.open(key, sealed, `${CONTEXT}:${pdl.id}:${direction}`) : null;
  return decodeLedger(opened);
}

async function keepLedger(deps: Dependencies, principal: Principal, pdl: Pdl, direction: Direction, ledger: Ledger): Promise<void> {
  const key = userKeyOf(deps)(principal);
  if (key) await deps.ledgers.write(pdl.id, direction, deps.keyring.seal(key, encodeLedger(ledger), `${CONTEXT}:${pdl.id}:${direction}`));
}

/**
 * Hourly statistics for Home Assistant, a page (a month) at a time from `since`: each row the hour's
 * energy (`state`) and the sum since the origin (`sum`, kWh), from complete days only, so a later
 * read of any window gives the same sums. `next_since` resumes where the page stopped and brings
 * back days that were missing then; a day already served that changed is announced (`corrected_from`).
 */
export const readStatistics =
  (deps: Dependencies, read: ReturnType<typeof readMeterData>) =>
  async (principal: Principal, request: { direction: Direction; usagePointId: unknown; since?: unknown }): Promise<Result<StatisticsAnswer, DomainError>> => {
    const { direction } = request;
    const pdl = await findReadablePdl(deps)(principal, String(request.usagePointId));
    if (!pdl.ok) return pdl;
    if (direction === 'consumption' ? !pdl.value.hasConsumption : !pdl.value.hasProduction) {
      return err(invalidInput('usage_point_id', `this meter has no ${direction}`));
    }
    const ledger = await openLedger(deps, principal, pdl.value, direction);
    const today = parisDate(deps.clock.now());
    const origin = ledgerOrigin(ledger) ?? addDays(addMonths(today, -24), 1);
    const start = startOf(request.since, origin);
    if (!start.ok) return start;
    const { from, cursor } = start.value;
    // Rows start where the reader stopped; the days before it are read again only to see corrections.
    const rowsStart = cursor ? maxDate(cursor.next, origin) : from;
    const to = minDate(addDays(rowsStart, PAGE_DAYS), today);
    // Days before the page the ledger lacks (a reader jumping ahead, or gaps that may have arrived) are read too.
    const lacking = rangeDays({ start: origin, end: from }).find((d) => ledger.days[d] === undefined);
    const readFrom = [lacking ?? from, ...(cursor?.gaps ?? [])].reduce((a, b) => minDate(a, b), from);
    if (readFrom >= to) {
      return ok({
        pdl: pdl.value,
        direction,
        origin,
        rows: [],
        nextSince: encodeCursor({ next: to, gaps: cursor?.gaps ?? [] }),
        hasMore: false,
        correctedFrom: null,
        missing: [],
      });
    }
    const data = await read(principal, { kind: `${direction}:detail`, usagePointId: pdl.value.usagePointId, start: readFrom, end: to, useCache: true });
    if (!data.ok) return data;
    const fresh = completeDays(data.value.readings);
    const servedUpTo = cursor?.next ?? null;
    const changed = [...fresh]
      .filter(([d, w]) => servedUpTo !== null && d < servedUpTo && ledger.days[d] !== w)
      .map(([d]) => d)
      .sort();
    const updated: Ledger = { days: { ...ledger.days, ...Object.fromEntries(fresh) } };
    await keepLedger(deps, principal, pdl.value, direction, updated);
    const rowsFrom = minDate(changed[0] ?? rowsStart, rowsStart);
    const rowDays = new Set([...fresh.keys()].filter((d) => d >= rowsFrom && d < to));
    const stillOpen = [...new Set([...(cursor?.gaps ?? []), ...rangeDays({ start: readFrom, end: to })])]
      .filter((d) => updated.days[d] === undefined && d >= addDays(today, -GAP_DAYS))
      .sort() as LocalDate[];
    return ok({
      pdl: pdl.value,
      direction,
      origin,
      rows: hourRows(data.value.readings, rowDays, sumBefore(updated, rowsFrom)),
      nextSince: encodeCursor({ next: to, gaps: stillOpen }),
      hasMore: to < today,
      correctedFrom: changed[0] ? new Date(parisMidnightUtcMs(changed[0] as LocalDate)).toISOString().replace('.000Z', 'Z') : null,
      missing: data.value.missing,
    });
  };
