import type { BucketState } from '../../ports/rate-limiter.js';
import type { CustomerDataKind, CustomerDataOf } from '../customer-data.js';
import type { DomainError } from '../errors.js';
import { parisDate } from '../paris-time.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { findReadablePdl } from './meter-access.js';
import { chargeQuota } from './quota.js';
import { providerFor } from './sync-pdl.js';
import { userKeyOf } from './user-key.js';

export interface CustomerDataAnswer<K extends CustomerDataKind> {
  readonly data: CustomerDataOf<K>;
  readonly fromCache: boolean;
  readonly quota: BucketState | null;
}

/**
 * Contract, address, identity or contact of a meter. Cached under today's Paris date, so it is
 * fetched again at most once a day (or when the TTL runs out first).
 */
export const readCustomerData = (deps: Dependencies) => {
  const owned = findReadablePdl(deps);
  const charge = chargeQuota(deps);
  const keyOf = userKeyOf(deps);
  return async <K extends CustomerDataKind>(
    principal: Principal,
    request: { kind: K; usagePointId: unknown; useCache: boolean },
  ): Promise<Result<CustomerDataAnswer<K>, DomainError>> => {
    const usagePointId = parseUsagePointId(request.usagePointId);
    if (!usagePointId.ok) return usagePointId;
    const pdl = await owned(principal, usagePointId.value);
    if (!pdl.ok) return pdl;
    if (!pdl.value.isActive) return err({ kind: 'PdlInactive' });

    const today = parisDate(deps.clock.now());
    const userKey = keyOf(principal);
    if (request.useCache && userKey !== null) {
      const stored = await deps.days.readDocument(request.kind, usagePointId.value, today, userKey);
      deps.telemetry.cacheLookup(request.kind, stored === null ? 0 : 1, stored === null ? 1 : 0);
      if (stored !== null) {
        const charged = await charge(principal, 'cached');
        if (!charged.ok) return charged;
        return ok({ data: stored as CustomerDataOf<K>, fromCache: true, quota: charged.value });
      }
    }
    const charged = await charge(principal, 'uncached');
    if (!charged.ok) return charged;
    const answer = await providerFor(deps, principal.user).customerData(request.kind, usagePointId.value);
    deps.telemetry.providerCall(request.kind, answer.ok ? 'ok' : answer.error.kind);
    if (!answer.ok) return answer;
    if (userKey !== null) await deps.days.keepDocument(request.kind, usagePointId.value, today, userKey, answer.value, deps.settings.cacheTtlSeconds);
    return ok({ data: answer.value, fromCache: false, quota: charged.value });
  };
};
