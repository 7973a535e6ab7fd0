import { rangeDays } from '../../domain/date-range.js';
import { weekday, type LocalDate } from '../../domain/local-date.js';
import { inRedSeason, TEMPO_RED_DAYS, TEMPO_WHITE_DAYS, tempoYearOf, type TempoColor } from '../../domain/tempo.js';
import { stableHash } from '../mock-enedis/meter-profiles.js';

/** White days of the synthetic calendar fall in the colder months, as RTE's mostly do. */
const inWhiteSeason = (day: LocalDate) => {
  const month = +day.slice(5, 7);
  return month >= 10 || month <= 4;
};

/** Days in a stable pseudo-random order, drawn from their date and a salt. */
const shuffled = (days: readonly LocalDate[], salt: string) => [...days].sort((a, b) => stableHash(`${salt}:${a}`) - stableHash(`${salt}:${b}`));

/**
 * A synthetic Tempo year that keeps RTE's rules: 22 red days between 1 November and 31 March,
 * Monday to Friday only; 43 white days, never on a Sunday; the rest blue. The same year always
 * gives the same calendar.
 */
export function syntheticTempoYear(anyDayOfTheYear: LocalDate): Map<LocalDate, TempoColor> {
  const days = rangeDays(tempoYearOf(anyDayOfTheYear));
  const red = new Set(
    shuffled(
      days.filter((d) => inRedSeason(d) && weekday(d) >= 1 && weekday(d) <= 5),
      'red',
    ).slice(0, TEMPO_RED_DAYS),
  );
  const white = new Set(
    shuffled(
      days.filter((d) => !red.has(d) && inWhiteSeason(d) && weekday(d) !== 0),
      'white',
    ).slice(0, TEMPO_WHITE_DAYS),
  );
  return new Map(days.map((d) => [d, red.has(d) ? 'RED' : white.has(d) ? 'WHITE' : 'BLUE']));
}
