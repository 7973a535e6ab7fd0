import { textOf, utf8 } from '../json-bytes.js';
import type { BucketState } from '../../ports/rate-limiter.js';
import { dayKeyString } from '../cache-key.js';
import type { CustomerDataKind, CustomerDataOf } from '../customer-data.js';
import type { DomainError } from '../errors.js';
import { parisDate } from '../paris-time.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { UseCaseContext } from './dependencies.js';
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
export const readCustomerData = (deps: UseCaseContext) => {
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

    const key = { kind: request.kind, usagePointId: usagePointId.value, date: parisDate(deps.clock.now()) };
    const context = dayKeyString(key);
    const userKey = keyOf(principal);
    if (request.useCache && userKey !== null) {
      const [sealed] = await deps.cache.getMany([key]);
      const opened = sealed ? deps.keyring.open(userKey, sealed, context) : null;
      deps.telemetry.cacheLookup(request.kind, opened === null ? 0 : 1, opened === null ? 1 : 0);
      if (opened !== null) {
        const charged = await charge(principal, 'cached');
        if (!charged.ok) return charged;
        return ok({ data: JSON.parse(textOf(opened)) as CustomerDataOf<K>, fromCache: true, quota: charged.value });
      }
    }
    const charged = await charge(principal, 'uncached');
    if (!charged.ok) return charged;
    const answer = await providerFor(deps, principal.user).customerData(request.kind, usagePointId.value);
    deps.telemetry.providerCall(request.kind, answer.ok ? 'ok' : answer.error.kind);
    if (!answer.ok) return answer;
    if (userKey !== null) {
      const value = deps.keyring.seal(userKey, utf8(JSON.stringify(answer.value)), context);
      await deps.cache.putMany([{ key, value, ttlSeconds: deps.settings.cacheTtlSeconds }]);
    }
    return ok({ data: answer.value, fromCache: false, quota: charged.value });
  };
};
