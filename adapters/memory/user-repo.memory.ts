import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../domain/result.js';
import type { EmailTaken } from '../../domain/errors.js';
import type { NewUser, Role, User, UserCounts, UserPatch, UserQuery } from '../../domain/user.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { MemoryDatabase } from './memory-database.js';

export class InMemoryUserRepo implements UserRepo {
  constructor(private readonly db: MemoryDatabase) {}

  async create(user: NewUser): Promise<Result<User, EmailTaken>> {
    const email = user.email.toLowerCase();
    if (this.find((u) => u.email.toLowerCase() === email)) return err({ kind: 'EmailTaken' });
    const now = new Date();
    const created: User = { ...user, id: randomUUID(), tokenVersion: 0, createdAt: now, updatedAt: now };
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
    const { revokeTokens, ...fields } = patch;
    const updated: User = { ...user, ...fields, tokenVersion: user.tokenVersion + (revokeTokens ? 1 : 0), updatedAt: new Date() };
    this.db.users.set(id, updated);
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    if (!this.db.users.delete(id)) return false;
    for (const [pdlId, pdl] of this.db.pdls) if (pdl.userId === id) this.db.pdls.delete(pdlId);
    for (const [key, { owner }] of this.db.tokens) {
      if (owner.kind === 'usage_point' && owner.userId === id) this.db.tokens.delete(key);
    }
    for (const [hash, token] of this.db.oneTimeTokens) if (token.userId === id) this.db.oneTimeTokens.delete(hash);
    return true;
  }

  async list(query: UserQuery): Promise<{ users: User[]; total: number }> {
    const search = query.search?.toLowerCase();
    const matching = [...this.db.users.values()]
      .filter((u) => !search || u.email.toLowerCase().includes(search))
      .reverse()
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return { users: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }

  async counts(): Promise<UserCounts> {
    const users = [...this.db.users.values()];
    const byRole: Record<Role, number> = { admin: 0, moderator: 0, visitor: 0 };
    for (const user of users) byRole[user.role]++;
    return { total: users.length, active: users.filter((u) => u.isActive).length, verified: users.filter((u) => u.emailVerified).length, byRole };
  }

  private find(predicate: (user: User) => boolean): User | null {
    for (const user of this.db.users.values()) if (predicate(user)) return user;
    return null;
  }
}
