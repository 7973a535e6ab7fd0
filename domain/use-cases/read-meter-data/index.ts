import type { DomainError } from '../../errors.js';
import { parisDate } from '../../paris-time.js';
import type { Principal } from '../../principal.js';
import { err, ok, type Result } from '../../result.js';
import type { UseCaseContext } from '../dependencies.js';
import { findReadablePdl } from '../meter-access.js';
import { chargeQuota } from '../quota.js';
import { sealedDays } from '../sealed-days.js';
import { providerFor } from '../sync-pdl.js';
import { userKeyOf } from '../user-key.js';
import { assembleDays, meterData } from './answer.js';
import { readCached } from './cached.js';
import { dayFetcher } from './fetch.js';
import { describeMissing } from './missing.js';
import { resolveTarget } from './target.js';
import type { MeterData, MeterDataRequest } from './types.js';
import { planWindow } from './window.js';

export type { MeterData, MeterDataRequest, MissingReason, MissingRun } from './types.js';

/**
 * Reads one kind of metering data for a range, day by day through the cache (DESIGN §5): the
 * request resolved, the window Enedis can have planned, the cache read in one batch, the quota
 * charged, the missing days fetched (runs split to the provider's limit, calls shared, whole days
 * written back, before-activation settled), roll-ups extended, what is missing described.
 */
export const readMeterData = (deps: UseCaseContext) => {
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
    const userKey = keyOf(principal);
    const store = userKey ? sealedDays(deps, kind, usagePointId, userKey, !spec.isCurve) : null;
    const cached = await readCached(deps, kind, store, window, request.useCache);
    const quota = request.countQuota === false ? ok(null) : await charge(principal, cached.toFetch.length > 0 ? 'uncached' : 'cached');
    if (!quota.ok) return quota;
    const fetched = await fetchDays({ provider, kind, spec, usagePointId, pdl, store, yesterday: window.yesterday }, cached.toFetch);
    const known = new Map([...cached.found, ...fetched.days]);
    // Years whose settled days are now all known get their roll-up extended.
    const rolled = store && window.days.length > 0 ? store.rollUpEntries(cached.rollUps, known, window.settledUntil) : [];
    if (rolled.length > 0) await deps.cache.putMany(rolled);
    const anyReading = cached.cachedDays > cached.found.size || [...known.values()].some((d) => d.count > 0);
    if (!anyReading && fetched.firstFailure !== null) return err(fetched.firstFailure);
    const missing = describeMissing(window.edges, known, fetched);
    const fields = {
      kind,
      usagePointId,
      range,
      readingType: spec.readingType,
      missing,
      cachedDays: cached.cachedDays,
      fetchedDays: fetched.fromProvider,
      quota: quota.value,
    };
    return ok(meterData(fields, assembleDays(store, window.days, cached.runs, known)));
  };
};
