import { consentStatus, type ConsentStatus } from '../consent.js';
import type { ConsentPending, PdlNotFound } from '../errors.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { User } from '../user.js';
import type { Dependencies } from './dependencies.js';
import { findOwnedPdlForReading } from './owned-pdl.js';
import { providerFor } from './sync-pdl.js';

/** Whether the account reads real households' data, and so needs a consent per meter (ADR 0004). */
export const consentRequired = (deps: Dependencies, user: User): boolean => providerFor(deps, user).requiresConsent;

export const meterConsentStatus = (deps: Dependencies, user: User, pdl: Pdl): ConsentStatus =>
  consentStatus(pdl.consent, consentRequired(deps, user), deps.clock.now());

/**
 * Whether what is cached under the meter's usage point is this account's: a meter still waiting for
 * its consent may share its usage point with the account that holds the consent, whose cache a purge
 * through the waiting meter must not touch.
 */
export const holdsUsagePointData = (deps: Dependencies, user: User, pdl: Pdl): boolean => meterConsentStatus(deps, user, pdl) !== 'pending';

/** A meter of the principal's whose data they may read: owned, and consented where consent is required. */
export const findReadablePdl = (deps: Dependencies) => {
  const owned = findOwnedPdlForReading(deps);
  return async (principal: Principal, idOrUsagePoint: string): Promise<Result<Pdl, PdlNotFound | ConsentPending>> => {
    const pdl = await owned(principal, idOrUsagePoint);
    if (!pdl.ok) return pdl;
    const status = meterConsentStatus(deps, principal.user, pdl.value);
    return status === 'pending' || status === 'expired' ? err({ kind: 'ConsentPending', status }) : ok(pdl.value);
  };
};

/** Empties the cache of the meter's usage point when that cache is this account's; the count removed. */
export const purgeMeterCache = (deps: Dependencies, user: User, pdl: Pdl): Promise<number> =>
  holdsUsagePointData(deps, user, pdl) ? deps.days.forgetUsagePoint(pdl.usagePointId) : Promise.resolve(0);

/** purgeMeterCache over every meter of the account. */
export async function purgeAccountCache(deps: Dependencies, user: User): Promise<number> {
  const meters = await deps.pdls.listByOwner(user.id);
  const counts = await Promise.all(meters.map((pdl) => purgeMeterCache(deps, user, pdl)));
  return counts.reduce((a, b) => a + b, 0);
}
