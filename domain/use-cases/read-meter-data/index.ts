import type { DomainError } from '../../errors.js';
import { parisDate } from '../../paris-time.js';
import type { Principal } from '../../principal.js';
import { err, ok, type Result } from '../../result.js';
import type { Dependencies } from '../dependencies.js';
import { findReadablePdl } from '../meter-access.js';
import { chargeQuota } from '../quota.js';
import { providerFor } from '../sync-pdl.js';
import { userKeyOf } from '../user-key.js';
import { meterData } from './answer.js';
import { readStored } from './cached.js';
import { dayFetcher } from './fetch.js';
import { describeMissing } from './missing.js';
import { resolveTarget } from './target.js';
import type { MeterData, MeterDataRequest } from './types.js';
import { planWindow } from './window.js';

export type { MeterData, MeterDataRequest, MissingReason, MissingRun } from './types.js';

/**
 * Reads one kind of metering data for a range, day by day through the store (DESIGN §5): the
 * request resolved, the window Enedis can have planned, the store read in one batch, the quota
 * charged, the missing days fetched (runs split to the provider's limit, calls shared, whole days
 * kept, before-activation settled), what is missing described, the answer assembled (which also
 * lets the store keep settled years together).
 */
export const readMeterData = (deps: Dependencies) => {
  const readable = findReadablePdl(deps);
  const charge = chargeQuota(deps);
  const keyOf = userKeyOf(deps);
  const fetchDays = dayFetcher(deps);
  return async (principal: Principal, request: MeterDataRequest): Promise<Result<MeterData, DomainError>> => {
    const target = await resolveTarget(readable, principal, request);
    if (!target.ok) return target;
    const { kind, spec, usagePointId, range, pdl } = target.value;
    const provider = providerFor(deps, principal.user);
    const window = planWindow(spec, pdl, range, parisDate(deps.clock.now()), provider.historyLimited);
    const shelf = { kind, usagePointId, userKey: keyOf(principal), rollsUp: !spec.isCurve };
    const stored = await readStored(deps, shelf, window, request.useCache);
    const quota = request.countQuota === false ? ok(null) : await charge(principal, stored.lacking.length > 0 ? 'uncached' : 'cached');
    if (!quota.ok) return quota;
    const fetched = await fetchDays({ provider, shelf, spec, pdl, yesterday: window.yesterday }, stored.lacking);
    const anyReading = stored.storedDays > stored.emptyDays.length || [...fetched.days.values()].some((d) => d.readings.length > 0);
    if (!anyReading && fetched.firstFailure !== null) return err(fetched.firstFailure);
    const missing = describeMissing(window.edges, stored.emptyDays, fetched);
    const readings = await stored.answer(new Map([...fetched.days].map(([day, { readings }]) => [day, readings])));
    const fields = {
      kind,
      usagePointId,
      range,
      readingType: spec.readingType,
      missing,
      cachedDays: stored.storedDays,
      fetchedDays: fetched.fromProvider,
      quota: quota.value,
      subscribedPowerKva: pdl.subscribedPower,
    };
    return ok(meterData(fields, readings));
  };
};
