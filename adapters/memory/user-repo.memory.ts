import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../domain/result.js';
import type { EmailTaken } from '../../domain/errors.js';
import type { NewUser, User, UserPatch } from '../../domain/user.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { MemoryDatabase } from './memory-database.js';

export class InMemoryUserRepo implements UserRepo {
  constructor(private readonly db: MemoryDatabase) {}

  async create(user: NewUser): Promise<Result<User, EmailTaken>> {
    const email = user.email.toLowerCase();
    if (this.find((u) => u.email.toLowerCase() === email)) return err({ kind: 'EmailTaken' });
    const now = new Date();
    const created: User = { ...user, id: randomUUID(), createdAt: now, updatedAt: now };
    this.db.users.set(created.id, created);
    return ok(created);
  }

  async findById(id: string): Promise<User | null> {
    return this.db.users.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  async findByClientId(clientId: string): Promise<User | null> {
    return this.find((u) => u.clientId === clientId);
  }

  async findByClientSecretHash(hash: string): Promise<User | null> {
    return this.find((u) => u.clientSecretHash === hash);
  }

  async update(id: string, patch: UserPatch): Promise<User | null> {
    const user = this.db.users.get(id);
    if (!user) return null;
    const updated: User = { ...user, ...patch, updatedAt: new Date() };
    this.db.users.set(id, updated);
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    if (!this.db.users.delete(id)) return false;
    for (const [pdlId, pdl] of this.db.pdls) if (pdl.userId === id) this.db.pdls.delete(pdlId);
    for (const [key, { owner }] of this.db.tokens) {
      if (owner.kind === 'usage_point' && owner.userId === id) this.db.tokens.delete(key);
    }
    return true;
  }

  private find(predicate: (user: User) => boolean): User | null {
    for (const user of this.db.users.values()) if (predicate(user)) return user;
    return null;
  }
}
