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
