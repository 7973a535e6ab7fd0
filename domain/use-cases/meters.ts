import { invalidInput, type DomainError } from '../errors.js';
import { canonicalText, hasUnsafeCharacters } from '../text.js';
import { newPdl, type Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { writersOnly } from './writers-only.js';
import { findOwnedPdl } from './owned-pdl.js';
import { syncPdl } from './sync-pdl.js';
import { startConsent, type ConsentStart } from './consent.js';
import { consentRequired, findReadablePdl, purgeMeterCache } from './meter-access.js';

export function parseName(raw: unknown): Result<string | null, DomainError> {
  if (raw === undefined || raw === null) return ok(null);
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 100 || hasUnsafeCharacters(raw)) {
    return err(invalidInput('name', 'a name is 1 to 100 characters, without control, invisible or bidirectional characters'));
  }
  return ok(canonicalText(raw.trim()));
}

export interface Registration {
  readonly pdl: Pdl;
  /** Where the account completes the meter's consent, when its data needs one (ADR 0004). */
  readonly consent: ConsentStart | null;
}

/**
 * Registers a meter. Where consent is required, the meter waits for it: nothing is asked of Enedis,
 * so the answer is the same whether the meter exists, has consented to the application or is held
 * by another account. Otherwise its contract and directions are read at once (best effort).
 */
export const registerPdl = (deps: Dependencies) => {
  const sync = syncPdl(deps);
  const start = startConsent(deps);
  return writersOnly(async (principal: Principal, input: { usagePointId: unknown; name?: unknown }): Promise<Result<Registration, DomainError>> => {
    const usagePointId = parseUsagePointId(input.usagePointId);
    if (!usagePointId.ok) return usagePointId;
    const name = parseName(input.name);
    if (!name.ok) return name;
    const limit = deps.settings.maxPdlsPerUser;
    if ((await deps.pdls.listByOwner(principal.user.id)).length >= limit) return err({ kind: 'PdlLimitReached', limit });
    const created = await deps.pdls.create(newPdl(principal.user.id, usagePointId.value, name.value));
    if (!created.ok) return created;
    if (consentRequired(deps, principal.user)) {
      const consent = await start(principal);
      return consent.ok ? ok({ pdl: created.value, consent: consent.value }) : consent;
    }
    return ok({ pdl: await sync(principal.user, created.value), consent: null });
  });
};

export const listPdls =
  ({ pdls }: Dependencies) =>
  (principal: Principal): Promise<Pdl[]> =>
    pdls.listByOwner(principal.user.id);

export const getPdl = findOwnedPdl;

/** Removes a meter and everything cached for it. */
export const deletePdl = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return writersOnly(async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    const deletedCacheEntries = await purgeMeterCache(deps, principal.user, pdl.value);
    await deps.pdls.delete(pdl.value.id);
    await deps.tariffs.forget(pdl.value.id);
    await deps.ledgers.forget(pdl.value.id);
    // A consumption meter shown with this one forgets the link.
    const linking = (await deps.pdls.listByOwner(principal.user.id)).filter((other) => other.linkedProductionPdlId === pdl.value.id);
    await Promise.all(linking.map((other) => deps.pdls.update(other.id, { linkedProductionPdlId: null })));
    return ok({ deletedCacheEntries });
  });
};

export const resyncPdl = (deps: Dependencies) => {
  const owned = findReadablePdl(deps);
  const sync = syncPdl(deps);
  return writersOnly(async (principal: Principal, id: string): Promise<Result<Pdl, DomainError>> => {
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    return ok(await sync(principal.user, pdl.value));
  });
};

export const purgePdlCache = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return writersOnly(async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    return ok({ deletedCacheEntries: await purgeMeterCache(deps, principal.user, pdl.value) });
  });
};
