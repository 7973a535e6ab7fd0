import { weekday, type LocalDate } from '../../domain/local-date.js';
import { dayLevel, ECOWATT_MESSAGES, type EcoWattDay, type EcoWattLevel } from '../../domain/ecowatt.js';
import { stableHash } from '../mock-enedis/meter-profiles.js';

/**
 * A synthetic EcoWatt day: low-carbon nights (01:00-05:00), normal days, and on some winter
 * weekdays tense mornings and evenings; a very tense evening now and then. The same day always
 * gives the same signal.
 */
export function syntheticEcoWattDay(date: LocalDate): EcoWattDay {
  const month = +date.slice(5, 7);
  const winterWeekday = (month === 12 || month <= 2) && weekday(date) >= 1 && weekday(date) <= 5;
  const draw = stableHash(`ecowatt:${date}`) % 100;
  const tense = winterWeekday && draw < 8;
  const veryTense = tense && draw < 2;
  const hourly = Array.from({ length: 24 }, (_, hour): EcoWattLevel => {
    if (veryTense && hour >= 18 && hour <= 19) return 3;
    if (tense && ((hour >= 8 && hour <= 12) || (hour >= 18 && hour <= 20))) return 2;
    return hour >= 1 && hour <= 5 ? 0 : 1;
  });
  const level = dayLevel(hourly);
  return { date, level, hourly, message: ECOWATT_MESSAGES[level] };
}
