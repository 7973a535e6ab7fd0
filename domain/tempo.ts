import { addDays, type LocalDate } from './local-date.js';

/** A Tempo day's colour, as RTE names them. */
export type TempoColor = 'BLUE' | 'WHITE' | 'RED';

export interface TempoDay {
  readonly date: LocalDate;
  readonly color: TempoColor;
}

/** How many days of each colour a Tempo year has (RTE's rules): the rest are blue. */
export const TEMPO_RED_DAYS = 22;
export const TEMPO_WHITE_DAYS = 43;

/** The Tempo year holding `day`: from 1 September to 31 August, named by the year it starts in. */
export function tempoYearOf(day: LocalDate): { start: LocalDate; end: LocalDate } {
  const year = +day.slice(0, 4) - (day.slice(5) < '09-01' ? 1 : 0);
  return { start: `${year}-09-01` as LocalDate, end: `${year + 1}-09-01` as LocalDate };
}

/** Red days fall between 1 November and 31 March. */
export const inRedSeason = (day: LocalDate): boolean => {
  const monthDay = day.slice(5);
  return monthDay >= '11-01' || monthDay <= '03-31';
};

/** The last day whose colour is known at this Paris date and hour: tomorrow from 11:00, today before. */
export const lastKnownTempoDay = (today: LocalDate, parisHour: number): LocalDate => (parisHour >= 11 ? addDays(today, 1) : today);
