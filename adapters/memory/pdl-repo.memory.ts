import { randomUUID } from 'node:crypto';
import type { PdlAlreadyRegistered } from '../../domain/errors.js';
import type { NewPdl, Pdl, PdlPatch } from '../../domain/pdl.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { PdlRepo } from '../../ports/pdl-repo.js';
import { tokenKey, type MemoryDatabase } from './memory-database.js';

export function compareForListing(a: Pdl, b: Pdl): number {
  if (a.displayOrder !== b.displayOrder) {
    if (a.displayOrder === null) return 1;
    if (b.displayOrder === null) return -1;
    return a.displayOrder - b.displayOrder;
  }
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export class InMemoryPdlRepo implements PdlRepo {
  constructor(private readonly db: MemoryDatabase) {}

  async create(pdl: NewPdl): Promise<Result<Pdl, PdlAlreadyRegistered>> {
    if ([...this.db.pdls.values()].some((p) => p.usagePointId === pdl.usagePointId)) return err({ kind: 'PdlAlreadyRegistered' });
    const now = new Date();
    const created: Pdl = { ...pdl, id: randomUUID(), createdAt: now, updatedAt: now };
    this.db.pdls.set(created.id, created);
    return ok(created);
  }

  async findById(id: string): Promise<Pdl | null> {
    return this.db.pdls.get(id) ?? null;
  }

  async findByUsagePointId(usagePointId: UsagePointId): Promise<Pdl | null> {
    for (const pdl of this.db.pdls.values()) if (pdl.usagePointId === usagePointId) return pdl;
    return null;
  }

  async listByOwner(userId: string): Promise<Pdl[]> {
    // Map iteration follows insertion, so equal timestamps keep creation order (a stable sort).
    return [...this.db.pdls.values()].filter((p) => p.userId === userId).sort(compareForListing);
  }

  async update(id: string, patch: PdlPatch): Promise<Pdl | null> {
    const pdl = this.db.pdls.get(id);
    if (!pdl) return null;
    const updated: Pdl = { ...pdl, ...patch, updatedAt: new Date() };
    this.db.pdls.set(id, updated);
    return updated;
  }

  async counts(): Promise<{ total: number; active: number }> {
    const pdls = [...this.db.pdls.values()];
    return { total: pdls.length, active: pdls.filter((p) => p.isActive).length };
  }

  async delete(id: string): Promise<boolean> {
    const pdl = this.db.pdls.get(id);
    if (!pdl) return false;
    this.db.pdls.delete(id);
    this.db.tokens.delete(tokenKey({ kind: 'usage_point', usagePointId: pdl.usagePointId, userId: pdl.userId }));
    return true;
  }
}
