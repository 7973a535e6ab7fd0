import { rangeDays } from './date-range.js';
import { addDays, dayNumber, weekday, type LocalDate } from './local-date.js';
import { inRedSeason, TEMPO_RED_DAYS, TEMPO_WHITE_DAYS, tempoYearOf, type TempoColor, type TempoDay } from './tempo.js';

/** How a Tempo year stands: days of each colour used so far (up to the last published day) and left. */
export interface TempoSeasonStats {
  readonly season: string;
  readonly used: Readonly<Record<TempoColor, number>>;
  readonly remaining: Readonly<Record<TempoColor, number>>;
}

/** The Tempo year of `day` and its days of each colour among `known` (the year's published days). */
export function tempoSeasonStats(day: LocalDate, known: readonly TempoDay[]): TempoSeasonStats {
  const year = tempoYearOf(day);
  const used = { BLUE: 0, WHITE: 0, RED: 0 };
  for (const { date, color } of known) if (date >= year.start && date < year.end) used[color]++;
  const blueDays = dayNumber(year.end) - dayNumber(year.start) - TEMPO_RED_DAYS - TEMPO_WHITE_DAYS;
  return {
    season: `${year.start.slice(0, 4)}/${year.end.slice(0, 4)}`,
    used,
    remaining: { BLUE: blueDays - used.BLUE, WHITE: TEMPO_WHITE_DAYS - used.WHITE, RED: TEMPO_RED_DAYS - used.RED },
  };
}

/** A day's outlook: its colour once published, else the odds of each colour. */
export interface TempoOutlookDay {
  readonly date: LocalDate;
  /** 1 for 1 September. */
  readonly dayInSeason: number;
  readonly probability: Readonly<Record<TempoColor, number>>;
  readonly mostLikely: TempoColor;
  readonly published: boolean;
  /** RTE's published thresholds for the day, from its day number and the stock left (white+red, red). */
  readonly thresholdWhiteRed: number;
  readonly thresholdRed: number;
}

const canBeRed = (day: LocalDate) => inRedSeason(day) && weekday(day) >= 1 && weekday(day) <= 5;
const canBeWhite = (day: LocalDate) => weekday(day) !== 0;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The outlook for `days` (in order) of one Tempo year. A published day is certain. For the others,
 * the odds come from the calendar alone: the red days left spread evenly over the weekdays left
 * between 1 November and 31 March, the white days left over the days left that are not Sundays, the
 * rest blue. It uses neither weather nor consumption forecasts, and says so (`published: false`).
 */
export function tempoOutlook(days: readonly LocalDate[], known: readonly TempoDay[]): TempoOutlookDay[] {
  if (days.length === 0) return [];
  const year = tempoYearOf(days[0]!);
  const stats = tempoSeasonStats(days[0]!, known);
  const colours = new Map(known.map((d) => [d.date, d.color]));
  const open = rangeDays({ start: year.start, end: year.end }).filter((d) => !colours.has(d));
  const openRed = open.filter(canBeRed).length;
  const openWhite = open.filter(canBeWhite).length;
  return days.map((date) => {
    const dayInSeason = dayNumber(date) - dayNumber(year.start) + 1;
    const thresholdWhiteRed = round3(4 - 0.015 * dayInSeason - 0.026 * (stats.remaining.WHITE + stats.remaining.RED));
    const thresholdRed = round3(3.15 - 0.01 * dayInSeason - 0.031 * stats.remaining.RED);
    const color = colours.get(date);
    if (color) {
      const probability = { BLUE: 0, WHITE: 0, RED: 0, [color]: 1 };
      return { date, dayInSeason, probability, mostLikely: color, published: true, thresholdWhiteRed, thresholdRed };
    }
    const red = canBeRed(date) && openRed > 0 ? Math.min(1, stats.remaining.RED / openRed) : 0;
    const white = canBeWhite(date) && openWhite > 0 ? Math.min(1 - red, stats.remaining.WHITE / openWhite) : 0;
    const probability = { BLUE: round3(1 - red - white), WHITE: round3(white), RED: round3(red) };
    const mostLikely = (['BLUE', 'WHITE', 'RED'] as const).reduce((best, c) => (probability[c] > probability[best] ? c : best));
    return { date, dayInSeason, probability, mostLikely, published: false, thresholdWhiteRed, thresholdRed };
  });
}

/** The days from tomorrow to `days` ahead of `today`, within today's Tempo year. */
export const outlookDays = (today: LocalDate, days: number): LocalDate[] =>
  Array.from({ length: days }, (_, i) => addDays(today, i + 1)).filter((d) => d < tempoYearOf(today).end);
