import { rangeDays, type DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { dayLevel, ECOWATT_MESSAGES, type EcoWattDay, type EcoWattLevel } from '../../domain/ecowatt.js';
import { addDays, type LocalDate } from '../../domain/local-date.js';
import { parisDate } from '../../domain/paris-time.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Clock } from '../../ports/clock.js';
import type { RteClient } from './rte-client.js';

/** RTE allows one call to EcoWatt every 15 minutes. */
const REFRESH_MS = 15 * 60_000;

interface SignalsAnswer {
  signals?: Array<{ jour?: string; dvalue?: number; message?: string; values?: Array<{ pas?: number; hvalue?: number }> }>;
}

/**
 * RTE's EcoWatt signals (today and the three days after), asked at most once every 15 minutes; the
 * days this process was given stay, so past days are answered from what it kept.
 */
export class RteEcoWatt {
  private readonly kept = new Map<LocalDate, EcoWattDay>();
  private fetchedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly rte: RteClient,
    private readonly clock: Clock,
  ) {}

  async ecowattDays(range: DateRange): Promise<Result<EcoWattDay[], ProviderFailure>> {
    const now = this.clock.now();
    const today = parisDate(now);
    const wantsCurrent = range.end > today && range.start <= addDays(today, 3);
    if (wantsCurrent && now.getTime() - this.fetchedAt >= REFRESH_MS) {
      const fetched = await this.fetchSignals();
      if (!fetched.ok) return fetched;
      this.fetchedAt = now.getTime();
    }
    return ok(rangeDays(range).flatMap((day) => this.kept.get(day) ?? []));
  }

  private async fetchSignals(): Promise<Result<null, ProviderFailure>> {
    const answer = await this.rte.get('/open_api/ecowatt/v5/signals');
    if (!answer.ok) return answer;
    const signals = (answer.value as SignalsAnswer).signals;
    if (!Array.isArray(signals)) return err({ kind: 'BadUpstreamData', message: 'RTE answered EcoWatt without signals' });
    for (const signal of signals) {
      const day = readSignal(signal);
      if (!day) return err({ kind: 'BadUpstreamData', message: `RTE answered an unreadable EcoWatt day: ${JSON.stringify(signal).slice(0, 200)}` });
      this.kept.set(day.date, day);
    }
    return ok(null);
  }
}

/** One of RTE's EcoWatt days, checked: a date, 24 hours each 0 to 3. */
function readSignal(signal: NonNullable<SignalsAnswer['signals']>[number]): EcoWattDay | null {
  const date = signal.jour?.slice(0, 10);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !Array.isArray(signal.values)) return null;
  const hourly: EcoWattLevel[] = Array(24).fill(1);
  for (const { pas, hvalue } of signal.values) {
    if (!Number.isInteger(pas) || pas! < 0 || pas! > 23 || ![0, 1, 2, 3].includes(hvalue as number)) return null;
    hourly[pas!] = hvalue as EcoWattLevel;
  }
  const level = dayLevel(hourly);
  return { date: date as LocalDate, level, hourly, message: signal.message ?? ECOWATT_MESSAGES[level] };
}
