import { invalidInput, type InvalidInput } from './errors.js';
import { err, ok, type Result } from './result.js';

/** A calendar day with no time zone attached, `YYYY-MM-DD`. Compares correctly as a string. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

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

const digit = (date: string, at: number) => date.charCodeAt(at) - 48;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Days since 1970-01-01: the arithmetic form of a LocalDate. Plain civil-calendar arithmetic (the
 * proleptic Gregorian calendar, years 0000 to 9999), which is cheaper than going through Date.
 */
export function dayNumber(date: LocalDate): number {
  const y0 = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The LocalDate of a day number, computed. */
function civilDate(day: number): LocalDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` as LocalDate;
}

/**
 * Every date from 1970-01-01 to 2099-12-31, made once when the module loads and never changed: a
 * request for a year of data turns a few hundred day numbers into dates, and building each string
 * would be most of that work (about 1.3 MB, a few milliseconds at start).
 */
const TABLE_DAYS = dayNumber('2100-01-01' as LocalDate);
const DATES: readonly LocalDate[] = Object.freeze(Array.from({ length: TABLE_DAYS }, (_, day) => civilDate(day)));

/** The LocalDate of a day number (the inverse of dayNumber). */
export function fromDayNumber(day: number): LocalDate {
  return day >= 0 && day < TABLE_DAYS ? DATES[day]! : civilDate(day);
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
