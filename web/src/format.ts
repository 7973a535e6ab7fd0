/** French, Paris-time formatting for dates and quantities. */
const PARIS = 'Europe/Paris';

export const frDay = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

export const frTime = (iso: string) => new Date(iso).toLocaleTimeString('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' });

export const frDateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' });

export const kwh = (wh: number) => `${(wh / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} kWh`;

/** Today in Paris as YYYY-MM-DD, and days around it. */
export function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARIS }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
