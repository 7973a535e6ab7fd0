import type { PdlAlreadyRegistered } from '../domain/errors.js';
import type { NewPdl, Pdl, PdlConsent, PdlPatch } from '../domain/pdl.js';
import type { Result } from '../domain/result.js';
import type { UsagePointId } from '../domain/usage-point-id.js';

/** What granting a consent did: the meter as it now stands, and the other accounts' meters it took the consent from. */
export interface ConsentTransfer {
  readonly pdl: Pdl;
  readonly displaced: readonly Pdl[];
}

/**
 * Registered meters.
 * - An account holds a usage point at most once: `create` fails with PdlAlreadyRegistered when this
 *   same account holds it, also under a concurrent create. Other accounts may hold it too.
 * - At most one meter of a usage point has a consent recorded (`consent.grantedAt` set):
 *   `grantConsent` records one and, in the same transaction, clears it from every other account's
 *   meter of that usage point.
 * - `listByOwner` orders by `displayOrder` ascending (nulls last), then by creation time, oldest first.
 * - Every `find*` returns null when nothing matches; ownership is the caller's check.
 * - Infrastructure failures are thrown as InfrastructureFailure('database').
 */
export interface PdlRepo {
  create(pdl: NewPdl): Promise<Result<Pdl, PdlAlreadyRegistered>>;
  findById(id: string): Promise<Pdl | null>;
  /** This account's meter of that usage point. */
  findForOwner(userId: string, usagePointId: UsagePointId): Promise<Pdl | null>;
  listByOwner(userId: string): Promise<Pdl[]>;
  /** Applies the patch and bumps `updatedAt`; null when the meter does not exist. */
  update(id: string, patch: PdlPatch): Promise<Pdl | null>;
  /** Null when the meter does not exist (nothing changed then). */
  grantConsent(id: string, consent: PdlConsent): Promise<ConsentTransfer | null>;
  /** True when something was deleted. Removes the tokens tied to that usage point too. */
  delete(id: string): Promise<boolean>;
  counts(): Promise<{ total: number; active: number }>;
}
