import { invalidInput, type DomainError } from '../errors.js';
import { parseInstantSpan } from '../instant.js';
import { NATIONAL_SERIES, type NationalConsumption, type NationalSeries } from '../national-consumption.js';
import { err, ok, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';

const DAY_MS = 86_400_000;
/** At most a week per request. */
const MAX_SPAN_MS = 7 * DAY_MS;

export interface NationalRequest {
  readonly type?: unknown;
  readonly start?: unknown;
  readonly end?: unknown;
}

/**
 * Mainland France's consumption, realised and forecast: the series named (all by default), over
 * `start` to `end` (by default the last day and the next), at most a week.
 */
export const nationalConsumption =
  (deps: Dependencies) =>
  async (request: NationalRequest): Promise<Result<{ series: NationalConsumption[]; fromMs: number; toMs: number }, DomainError>> => {
    const nowMs = deps.clock.now().getTime();
    const series = request.type === undefined ? NATIONAL_SERIES : String(request.type).split(',');
    const unknown = series.find((s) => !NATIONAL_SERIES.includes(s as NationalSeries));
    if (unknown !== undefined) return err(invalidInput('type', `type is one or more of ${NATIONAL_SERIES.join(', ')}`));
    const span = parseInstantSpan(request.start, request.end, { from: nowMs - DAY_MS, to: () => nowMs + DAY_MS }, MAX_SPAN_MS);
    if (!span.ok) return span;
    const answer = await deps.gridSignals.nationalConsumption(series as NationalSeries[], span.value.fromMs, span.value.toMs);
    return answer.ok ? ok({ series: answer.value, ...span.value }) : answer;
  };
