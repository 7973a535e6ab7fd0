import { rangeOf, splitRange, type DateRange } from '../../domain/date-range.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { addDays, minDate, type LocalDate } from '../../domain/local-date.js';
import { formatParisIso, parisDate, parisHourOfDay, parisMidnightUtcMs } from '../../domain/paris-time.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lastKnownTempoDay, type TempoColor, type TempoDay } from '../../domain/tempo.js';
import type { Clock } from '../../ports/clock.js';
import type { RteClient } from './rte-client.js';

/** RTE answers at most this many days per calendar call. */
const DAYS_PER_CALL = 366;
const COLORS: ReadonlySet<string> = new Set(['BLUE', 'WHITE', 'RED']);

interface CalendarAnswer {
  tempo_like_calendars?: { values?: Array<{ start_date?: string; value?: string }> };
}

/**
 * RTE's "Tempo like supply contract" calendar, asked in spans of at most 366 days and never past the last day RTE
 * can have published. The colours of past days never change, so this process keeps those it was
 * given and asks RTE only for the others.
 */
export class RteTempo {
  /** Days RTE answered for, up to the day before yesterday (final); later days are asked again. */
  private readonly settled = new Map<LocalDate, TempoColor>();

  constructor(
    private readonly rte: RteClient,
    private readonly clock: Clock,
  ) {}

  async tempoDays(range: DateRange): Promise<Result<TempoDay[], ProviderFailure>> {
    const now = this.clock.now();
    const today = parisDate(now);
    const asked = rangeOf(range.start, minDate(range.end, addDays(lastKnownTempoDay(today, parisHourOfDay(now.getTime())), 1)));
    if (!asked) return ok([]);
    const days: TempoDay[] = [];
    const missing: LocalDate[] = [];
    for (let day = asked.start; day < asked.end; day = addDays(day, 1)) {
      const color = this.settled.get(day);
      if (color) days.push({ date: day, color });
      else missing.push(day);
    }
    if (missing.length > 0) {
      const fetched = await this.fetchDays(rangeOf(missing[0]!, addDays(missing.at(-1)!, 1))!, addDays(today, -1));
      if (!fetched.ok) return fetched;
      const wanted = new Set(missing);
      days.push(...fetched.value.filter((d) => wanted.has(d.date)));
    }
    return ok(days.sort((a, b) => (a.date < b.date ? -1 : 1)));
  }

  /** The calendar of `range` from RTE, in spans it accepts; days before `settledBefore` are kept. */
  private async fetchDays(range: DateRange, settledBefore: LocalDate): Promise<Result<TempoDay[], ProviderFailure>> {
    const days: TempoDay[] = [];
    for (const span of splitRange(range, DAYS_PER_CALL)) {
      const answer = await this.calendar(span);
      if (!answer.ok) return answer;
      for (const day of answer.value) {
        if (day.date < span.start || day.date >= span.end) continue;
        days.push(day);
        if (day.date < settledBefore) this.settled.set(day.date, day.color);
      }
    }
    return ok(days);
  }

  private async calendar(span: DateRange): Promise<Result<TempoDay[], ProviderFailure>> {
    const query = new URLSearchParams({
      start_date: formatParisIso(parisMidnightUtcMs(span.start)),
      end_date: formatParisIso(parisMidnightUtcMs(span.end)),
    });
    const answer = await this.rte.get(`/open_api/tempo_like_supply_contract/v1/tempo_like_calendars?${query}`);
    if (!answer.ok) return answer;
    const values = (answer.value as CalendarAnswer).tempo_like_calendars?.values;
    if (!Array.isArray(values)) return err({ kind: 'BadUpstreamData', message: 'RTE answered a calendar without tempo_like_calendars.values' });
    const days: TempoDay[] = [];
    for (const value of values) {
      const date = value.start_date?.slice(0, 10) as LocalDate | undefined;
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !COLORS.has(value.value ?? '')) {
        return err({ kind: 'BadUpstreamData', message: `RTE answered an unreadable Tempo day: ${JSON.stringify(value).slice(0, 200)}` });
      }
      days.push({ date, color: value.value as TempoColor });
    }
    return ok(days);
  }
}
