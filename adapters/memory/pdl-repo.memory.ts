import { randomUUID } from 'node:crypto';
import type { PdlAlreadyRegistered } from '../../domain/errors.js';
import { NO_CONSENT, type NewPdl, type Pdl, type PdlConsent, type PdlPatch } from '../../domain/pdl.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { ConsentTransfer, PdlRepo } from '../../ports/pdl-repo.js';
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
    if ([...this.db.pdls.values()].some((p) => p.usagePointId === pdl.usagePointId && p.userId === pdl.userId)) return err({ kind: 'PdlAlreadyRegistered' });
    const now = new Date();
    const created: Pdl = { ...pdl, id: randomUUID(), createdAt: now, updatedAt: now };
    this.db.pdls.set(created.id, created);
    return ok(created);
  }

  async findById(id: string): Promise<Pdl | null> {
    return this.db.pdls.get(id) ?? null;
  }

  async findForOwner(userId: string, usagePointId: UsagePointId): Promise<Pdl | null> {
    for (const pdl of this.db.pdls.values()) if (pdl.usagePointId === usagePointId && pdl.userId === userId) return pdl;
    return null;
  }

  async grantConsent(id: string, consent: PdlConsent): Promise<ConsentTransfer | null> {
    const pdl = this.db.pdls.get(id);
    if (!pdl) return null;
    const now = new Date();
    const displaced: Pdl[] = [];
    for (const other of this.db.pdls.values()) {
      if (other.id === id || other.usagePointId !== pdl.usagePointId || other.consent.grantedAt === null) continue;
      const cleared: Pdl = { ...other, consent: NO_CONSENT, updatedAt: now };
      this.db.pdls.set(other.id, cleared);
      displaced.push(cleared);
    }
    const granted: Pdl = { ...pdl, consent, updatedAt: now };
    this.db.pdls.set(id, granted);
    return { pdl: granted, displaced };
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
    const key = tokenKey({ kind: 'usage_point', usagePointId: pdl.usagePointId, userId: pdl.userId });
    const token = this.db.tokens.get(key);
    if (token?.owner.kind === 'usage_point' && token.owner.userId === pdl.userId) this.db.tokens.delete(key);
    return true;
  }
}
