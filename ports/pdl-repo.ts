import type { PdlAlreadyRegistered } from '../domain/errors.js';
import type { NewPdl, Pdl, PdlPatch } from '../domain/pdl.js';
import type { Result } from '../domain/result.js';
import type { UsagePointId } from '../domain/usage-point-id.js';

/**
 * Registered meters.
 * - A usage point id is unique across all accounts: `create` fails with PdlAlreadyRegistered when any
 *   account holds it, also under a concurrent create.
 * - `listByOwner` orders by `displayOrder` ascending (nulls last), then by creation time, oldest first.
 * - Every `find*` returns null when nothing matches; ownership is the caller's check.
 * - Infrastructure failures are thrown as InfrastructureFailure('database').
 */
export interface PdlRepo {
  create(pdl: NewPdl): Promise<Result<Pdl, PdlAlreadyRegistered>>;
  findById(id: string): Promise<Pdl | null>;
  findByUsagePointId(usagePointId: UsagePointId): Promise<Pdl | null>;
  listByOwner(userId: string): Promise<Pdl[]>;
  /** Applies the patch and bumps `updatedAt`; null when the meter does not exist. */
  update(id: string, patch: PdlPatch): Promise<Pdl | null>;
  /** True when something was deleted. Removes the tokens tied to that usage point too. */
  delete(id: string): Promise<boolean>;
  counts(): Promise<{ total: number; active: number }>;
}
