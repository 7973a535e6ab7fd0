/**
 * Paris time as the platform's time-zone database computes it (Intl): the oracle tests check the
 * gateway's own Paris arithmetic, and its readings' instants, against. Nothing here comes from domain/.
 */
const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `YYYY-MM-DD HH:MM:SS`, Paris wall-clock time of the instant. */
export function platformWallClock(utcMs: number): string {
  const p = Object.fromEntries(PARIS.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Paris' offset from UTC at the instant, in minutes (60 or 120). */
export const platformOffsetMinutes = (utcMs: number): number =>
  (Date.parse(`${platformWallClock(utcMs).replace(' ', 'T')}Z`) - Math.floor(utcMs / 1000) * 1000) / 60_000;

/** ISO 8601 with the Paris offset: `2025-10-26T02:30:00+01:00`. */
export function platformIso(utcMs: number): string {
  const minutes = platformOffsetMinutes(utcMs);
  return `${platformWallClock(utcMs).replace(' ', 'T')}+${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
