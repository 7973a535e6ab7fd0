import { parseDateRange, rangeLength, type DateRange } from '../../date-range.js';
import { invalidInput, type DomainError } from '../../errors.js';
import { KIND_SPECS, type KindSpec, type MeteringKind } from '../../metering.js';
import type { Pdl } from '../../pdl.js';
import type { Principal } from '../../principal.js';
import { err, ok, type Result } from '../../result.js';
import { parseUsagePointId, type UsagePointId } from '../../usage-point-id.js';
import type { findReadablePdl } from '../meter-access.js';
import type { MeterDataRequest } from './types.js';

/** What a request is about, once it is known to be well formed and the principal's to read. */
export interface Target {
  readonly kind: MeteringKind;
  readonly spec: KindSpec;
  readonly usagePointId: UsagePointId;
  readonly range: DateRange;
  readonly pdl: Pdl;
}

/** Step 1: the request parsed, the meter found (readable, active, measuring that direction). */
export async function resolveTarget(
  readable: ReturnType<typeof findReadablePdl>,
  principal: Principal,
  request: MeterDataRequest,
): Promise<Result<Target, DomainError>> {
  const spec = KIND_SPECS[request.kind];
  const usagePointId = parseUsagePointId(request.usagePointId);
  if (!usagePointId.ok) return usagePointId;
  const range = parseDateRange(request.start, request.end);
  if (!range.ok) return range;
  if (rangeLength(range.value) > spec.maxDaysPerRequest) {
    return err(invalidInput('end', `this data is served at most ${spec.maxDaysPerRequest} days per request`));
  }
  const pdl = await readable(principal, usagePointId.value);
  if (!pdl.ok) return pdl;
  if (!pdl.value.isActive) return err({ kind: 'PdlInactive' });
  if (spec.direction === 'production' ? !pdl.value.hasProduction : !pdl.value.hasConsumption) {
    return err({ kind: 'WrongDirection', message: `this meter does not measure ${spec.direction}` });
  }
  return ok({ kind: request.kind, spec, usagePointId: usagePointId.value, range: range.value, pdl: pdl.value });
}
