import { invalidInput, type InvalidInput } from './errors.js';
import { err, ok, type Result } from './result.js';

/** A calendar day with no time zone attached, `YYYY-MM-DD`. Compares correctly as a string. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function parseLocalDate(raw: unknown, field: string): Result<LocalDate, InvalidInput> {
  const match = typeof raw === 'string' ? PATTERN.exec(raw) : null;
  if (!match) return err(invalidInput(field, 'expected a date as YYYY-MM-DD'));
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return err(invalidInput(field, `${String(raw)} is not a calendar date`));
  }
  return ok(raw as LocalDate);
}

/**
 * Conversions between a date and its day number are kept: a year of data converts the same few
 * hundred dates on every request, and formatting a date is the dearer part.
 */
const numbers = new Map<string, number>();
const dates = new Map<number, LocalDate>();
const MEMO_LIMIT = 20_000;

/** Days since 1970-01-01: the arithmetic form of a LocalDate. */
export function dayNumber(date: LocalDate): number {
  let day = numbers.get(date);
  if (day === undefined) {
    day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
    if (numbers.size < MEMO_LIMIT) numbers.set(date, day);
  }
  return day;
}

export function fromDayNumber(day: number): LocalDate {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;
    if (dates.size < MEMO_LIMIT) dates.set(day, date);
  }
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Same day of month `months` later (negative goes back), clamped to the month's last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const d = +date.slice(8, 10);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10) as LocalDate;
}

/** 1 for January 1st. */
export function dayOfYear(date: LocalDate): number {
  return dayNumber(date) - dayNumber(`${date.slice(0, 4)}-01-01` as LocalDate) + 1;
}

/** 0 for Sunday through 6 for Saturday. */
export function weekday(date: LocalDate): number {
  return (dayNumber(date) + 4) % 7;
}

export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
