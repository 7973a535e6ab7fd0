import { addDays, dayNumber, fromDayNumber, type LocalDate } from './local-date.js';

/**
 * Europe/Paris wall-clock arithmetic, by the EU rule in force since 1996: summer time (UTC+2) from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1 otherwise.
 * Computed rather than looked up so that the domain needs no time-zone database; a unit test checks
 * it against the platform's tz data.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekdayOfLast = new Date(lastDay).getUTCDay();
  return lastDay - weekdayOfLast * DAY_MS + HOUR_MS;
}

/** Offset of Paris from UTC, in minutes (60 or 120), at the instant `utcMs`. */
export function parisOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9) ? 120 : 60;
}

/** A Paris calendar day and the instants that open and close it (23, 24 or 25 hours apart). */
export interface ParisDay {
  readonly date: LocalDate;
  readonly startMs: number;
  readonly endMs: number;
}

/** The Paris day holding the instant `utcMs`. */
export function parisDayOf(utcMs: number): ParisDay {
  const local = utcMs + parisOffsetMinutes(utcMs) * 60_000;
  const date = fromDayNumber(Math.floor(local / DAY_MS));
  return { date, startMs: parisMidnightUtcMs(date), endMs: parisMidnightUtcMs(addDays(date, 1)) };
}

/** The Paris calendar day of an instant. */
export function parisDate(instant: Date): LocalDate {
  return parisDayOf(instant.getTime()).date;
}

/** The instant of local midnight opening `date` in Paris (never inside a DST jump, which is at 02:00). */
export function parisMidnightUtcMs(date: LocalDate): number {
  const utcMidnight = dayNumber(date) * DAY_MS;
  return utcMidnight - parisOffsetMinutes(utcMidnight - 2 * HOUR_MS) * 60_000;
}

/** ISO 8601 with Paris' offset at that instant, e.g. `2024-03-31T03:00:00+02:00`. */
export function formatParisIso(utcMs: number): string {
  const offset = parisOffsetMinutes(utcMs);
  const local = new Date(utcMs + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+0${offset / 60}:00`;
}

/**
 * The start instants of a Paris day's intervals of `stepMinutes`: 48 half-hours on an ordinary day,
 * 46 on the spring-forward day, 50 on the fall-back day.
 */
export function intervalStarts(date: LocalDate, stepMinutes: number): number[] {
  const from = parisMidnightUtcMs(date);
  const to = parisMidnightUtcMs(addDays(date, 1));
  const starts: number[] = [];
  for (let t = from; t < to; t += stepMinutes * 60_000) starts.push(t);
  return starts;
}

/** Wall-clock hour of day in Paris, fractional (13.5 is 13:30), at an instant. */
export function parisHourOfDay(utcMs: number): number {
  const local = utcMs + parisOffsetMinutes(utcMs) * 60_000;
  return (((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instants a naive Paris wall-clock time (`2025-10-26 02:30:00`) can denote: one on most days,
 * two in the hour repeated in October, none in the hour skipped in March. Null if unreadable.
 */
export function parisWallClockInstants(wallClock: string): number[] | null {
  const m = WALL_CLOCK.exec(wallClock);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (Number.isNaN(asUtc)) return null;
  return [120, 60].map((offset) => asUtc - offset * 60_000).filter((t) => parisOffsetMinutes(t) * 60_000 === asUtc - t);
}

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/;

/** The instant a time label with an offset (`2022-08-01T01:00:00+02:00`, `...+0200`, `...Z`) names; null for a naive one. */
export function instantWithOffset(label: string): number | null {
  const m = WITH_OFFSET.exec(label);
  if (!m) return null;
  const offset = m[3] === 'Z' ? 'Z' : `${m[3]!.slice(0, 3)}:${m[3]!.slice(-2)}`;
  const at = Date.parse(`${m[1]}T${m[2]}${offset}`);
  return Number.isNaN(at) ? null : at;
}

/**
 * Converts a sequence of Paris time labels, in the order a meter reported them, to instants. A
 * label with an offset names its instant; a naive wall-clock label takes the earliest instant it
 * can denote that comes after the previous one, which is how the repeated October hour is told
 * apart (its labels come twice, in order). A label that denotes nothing after its predecessor gives null.
 */
export function parisWallClockSequence(labels: readonly string[]): (number | null)[] {
  let previous = Number.NEGATIVE_INFINITY;
  return labels.map((label) => {
    const absolute = instantWithOffset(label);
    const next = absolute ?? parisWallClockInstants(label)?.find((t) => t > previous) ?? null;
    if (next !== null) previous = next;
    return next;
  });
}
