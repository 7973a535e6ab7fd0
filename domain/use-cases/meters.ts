import { invalidInput, type DomainError } from '../errors.js';
import { hasControlCharacters } from '../text.js';
import type { Pdl, PdlPatch } from '../pdl.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { parseUsagePointId } from '../usage-point-id.js';
import type { Dependencies } from './dependencies.js';
import { findOwnedPdl } from './owned-pdl.js';
import { memosOf } from './memos.js';
import { syncPdl } from './sync-pdl.js';

const demoReadOnly = { kind: 'DemoReadOnly' } as const;

function parseName(raw: unknown): Result<string | null, DomainError> {
  if (raw === undefined || raw === null) return ok(null);
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 100 || hasControlCharacters(raw)) {
    return err(invalidInput('name', 'a name is 1 to 100 characters, without control characters'));
  }
  return ok(raw.trim());
}

/** Registers a meter, then reads its contract and directions from the provider (best effort). */
export const registerPdl = (deps: Dependencies) => {
  const sync = syncPdl(deps);
  return async (principal: Principal, input: { usagePointId: unknown; name?: unknown }): Promise<Result<Pdl, DomainError>> => {
    if (principal.user.isDemo) return err(demoReadOnly);
    const usagePointId = parseUsagePointId(input.usagePointId);
    if (!usagePointId.ok) return usagePointId;
    const name = parseName(input.name);
    if (!name.ok) return name;
    const created = await deps.pdls.create({
      usagePointId: usagePointId.value,
      userId: principal.user.id,
      name: name.value,
      hasConsumption: true,
      hasProduction: false,
      subscribedPower: null,
      offpeakHours: null,
      activationDate: null,
      oldestAvailableDataDate: null,
      displayOrder: null,
      isActive: true,
      sync: { status: 'pending', error: null, syncedAt: null },
    });
    if (!created.ok) return created;
    return ok(await sync(principal.user, created.value));
  };
};

export const listPdls =
  ({ pdls }: Dependencies) =>
  (principal: Principal): Promise<Pdl[]> =>
    pdls.listByOwner(principal.user.id);

export const getPdl = findOwnedPdl;

export const updatePdl = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return async (
    principal: Principal,
    id: string,
    input: { name?: unknown; displayOrder?: unknown; isActive?: unknown },
  ): Promise<Result<Pdl, DomainError>> => {
    if (principal.user.isDemo) return err(demoReadOnly);
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    const patch: { -readonly [K in keyof PdlPatch]: PdlPatch[K] } = {};
    if (input.name !== undefined) {
      const name = parseName(input.name);
      if (!name.ok) return name;
      patch.name = name.value;
    }
    if (input.displayOrder !== undefined) {
      if (input.displayOrder !== null && (!Number.isInteger(input.displayOrder) || (input.displayOrder as number) < 0)) {
        return err(invalidInput('display_order', 'display_order is a non-negative integer or null'));
      }
      patch.displayOrder = input.displayOrder as number | null;
    }
    if (input.isActive !== undefined) {
      if (typeof input.isActive !== 'boolean') return err(invalidInput('is_active', 'is_active is a boolean'));
      patch.isActive = input.isActive;
    }
    const updated = await deps.pdls.update(pdl.value.id, patch);
    memosOf(deps).forget();
    return updated ? ok(updated) : err({ kind: 'PdlNotFound' });
  };
};

/** Removes a meter and everything cached for it. */
export const deletePdl = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    if (principal.user.isDemo) return err(demoReadOnly);
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    const deletedCacheEntries = await deps.cache.deleteUsagePoint(pdl.value.usagePointId);
    await deps.pdls.delete(pdl.value.id);
    memosOf(deps).forget();
    return ok({ deletedCacheEntries });
  };
};

export const resyncPdl = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  const sync = syncPdl(deps);
  return async (principal: Principal, id: string): Promise<Result<Pdl, DomainError>> => {
    if (principal.user.isDemo) return err(demoReadOnly);
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    return ok(await sync(principal.user, pdl.value));
  };
};

export const purgePdlCache = (deps: Dependencies) => {
  const owned = findOwnedPdl(deps);
  return async (principal: Principal, id: string): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    if (principal.user.isDemo) return err(demoReadOnly);
    const pdl = await owned(principal, id);
    if (!pdl.ok) return pdl;
    return ok({ deletedCacheEntries: await deps.cache.deleteUsagePoint(pdl.value.usagePointId) });
  };
};
