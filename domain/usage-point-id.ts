import { invalidInput, type InvalidInput } from './errors.js';
import { err, ok, type Result } from './result.js';

/** A PDL / PRM: the 14-digit identifier of a Linky usage point. */
export type UsagePointId = string & { readonly __brand: 'UsagePointId' };

const PATTERN = /^\d{14}$/;

export function parseUsagePointId(raw: unknown, field = 'usage_point_id'): Result<UsagePointId, InvalidInput> {
  if (typeof raw !== 'string' || !PATTERN.test(raw)) {
    return err(invalidInput(field, 'a usage point id is exactly 14 digits'));
  }
  return ok(raw as UsagePointId);
}
