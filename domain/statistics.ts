import { dayMinutes } from './aggregate.js';
import { parseLocalDate, type LocalDate } from './local-date.js';
import { intervalMinutes, readingDay, type IntervalReading } from './metering.js';

/**
 * What Home Assistant statistics are summed from: each complete day served, in watt-minutes. Its
 * first day is the origin of every `sum`; it never moves once set, so re-reading a window gives the
 * same sums.
 */
export interface Ledger {
  readonly days: Readonly<Record<string, number>>;
}

export const emptyLedger: Ledger = { days: {} };

export const encodeLedger = (ledger: Ledger): Uint8Array => new TextEncoder().encode(JSON.stringify(ledger));
export function decodeLedger(bytes: Uint8Array | null): Ledger {
  if (!bytes) return emptyLedger;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Ledger;
    return typeof parsed?.days === 'object' && parsed.days !== null ? parsed : emptyLedger;
  } catch {
    return emptyLedger;
  }
}

export const ledgerOrigin = (ledger: Ledger): LocalDate | null => (Object.keys(ledger.days).sort()[0] as LocalDate | undefined) ?? null;

/** Watt-minutes of the ledger's days before `day`. */
export const sumBefore = (ledger: Ledger, day: LocalDate): number => Object.entries(ledger.days).reduce((s, [d, w]) => (d < day ? s + w : s), 0);

/** The complete days of a load curve (its intervals cover the whole day) and their watt-minutes. */
export function completeDays(readings: readonly IntervalReading[]): Map<LocalDate, number> {
  const days = new Map<LocalDate, { wmin: number; minutes: number }>();
  for (const r of readings) {
    const day = readingDay(r) as LocalDate;
    const minutes = intervalMinutes(r.interval_length);
    const d = days.get(day) ?? { wmin: 0, minutes: 0 };
    days.set(day, { wmin: d.wmin + r.value * minutes, minutes: d.minutes + minutes });
  }
  const complete = new Map<LocalDate, number>();
  for (const [day, { wmin, minutes }] of days) {
    if (minutes >= dayMinutes(day)) complete.set(day, wmin);
  }
  return complete;
}

/** Where a reader of the statistics stopped: the day after the last served, and earlier days that were missing then. */
export interface StatisticsCursor {
  readonly next: LocalDate;
  readonly gaps: readonly LocalDate[];
}

export const encodeCursor = (c: StatisticsCursor): string => Buffer.from(JSON.stringify({ v: 1, d: c.next, g: c.gaps })).toString('base64url');

export function decodeCursor(token: string): StatisticsCursor | null {
  try {
    const raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: number; d?: unknown; g?: unknown };
    const next = parseLocalDate(raw.d, 'since');
    if (raw.v !== 1 || !next.ok || !Array.isArray(raw.g) || raw.g.length > 400) return null;
    const gaps = raw.g.map((g) => parseLocalDate(g, 'since'));
    return gaps.every((g) => g.ok) ? { next: next.value, gaps: gaps.map((g) => (g.ok ? g.value : next.value)) } : null;
  } catch {
    return null;
  }
}

/** One Home Assistant statistics row: the hour's start (UTC, top of the hour), its energy and the running sum, in kWh. */
export interface StatisticsRow {
  readonly start: string;
  readonly state: number;
  readonly sum: number;
}

const HOUR_MS = 3_600_000;
const kwh = (wmin: number) => Math.round(wmin / 60) / 1000;

/** Hourly rows of the given days, the sum running on from `sumBeforeWmin` (watt-minutes before the first of them). */
export function hourRows(readings: readonly IntervalReading[], days: ReadonlySet<string>, sumBeforeWmin: number): StatisticsRow[] {
  const hours = new Map<number, number>();
  for (const r of readings) {
    if (!days.has(readingDay(r))) continue;
    const hour = Math.floor(Date.parse(r.date) / HOUR_MS) * HOUR_MS;
    hours.set(hour, (hours.get(hour) ?? 0) + r.value * intervalMinutes(r.interval_length));
  }
  let running = sumBeforeWmin;
  return [...hours]
    .sort(([a], [b]) => a - b)
    .map(([hour, wmin]) => {
      running += wmin;
      return { start: new Date(hour).toISOString().replace('.000Z', 'Z'), state: kwh(wmin), sum: kwh(running) };
    });
}
