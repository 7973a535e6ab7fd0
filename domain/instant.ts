import { invalidInput, type DomainError } from './errors.js';
import { parseLocalDate } from './local-date.js';
import { parisMidnightUtcMs } from './paris-time.js';
import { err, ok, type Result } from './result.js';

/** An instant as upstream's grid routes take it: `YYYY-MM-DD` (Paris midnight) or ISO 8601 with an offset. */
export function parseInstant(raw: unknown, field: string): Result<number, DomainError> {
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const day = parseLocalDate(raw, field);
    return day.ok ? ok(parisMidnightUtcMs(day.value)) : day;
  }
  const ms = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(ms) ? err(invalidInput(field, `${field} is YYYY-MM-DD or an ISO 8601 instant with its offset`)) : ok(ms);
}

/**
 * A span of instants as upstream's grid routes take it: `start` and `end` (each `YYYY-MM-DD` or ISO
 * 8601), either one defaulted, `end` after `start`, at most `maxMs` long.
 */
export function parseInstantSpan(
  rawStart: unknown,
  rawEnd: unknown,
  defaults: { from: number; to: (fromMs: number) => number },
  maxMs: number,
): Result<{ fromMs: number; toMs: number }, DomainError> {
  const from = rawStart === undefined ? ok(defaults.from) : parseInstant(rawStart, 'start_date');
  if (!from.ok) return from;
  const to = rawEnd === undefined ? ok(defaults.to(from.value)) : parseInstant(rawEnd, 'end_date');
  if (!to.ok) return to;
  if (to.value <= from.value) return err(invalidInput('end_date', 'end_date must be after start_date'));
  if (to.value - from.value > maxMs) return err(invalidInput('end_date', `at most ${Math.round(maxMs / 86_400_000)} days per request`));
  return ok({ fromMs: from.value, toMs: to.value });
}
