import type { EnedisToken, TokenOwner, TokenStore } from '../../ports/token-store.js';
import { tokenKey, type MemoryDatabase } from './memory-database.js';

export class InMemoryTokenStore implements TokenStore {
  constructor(private readonly db: MemoryDatabase) {}

  async find(owner: TokenOwner): Promise<EnedisToken | null> {
    return this.db.tokens.get(tokenKey(owner))?.token ?? null;
  }

  async save(owner: TokenOwner, token: EnedisToken): Promise<void> {
    this.db.tokens.set(tokenKey(owner), { owner, token });
  }

  async remove(owner: TokenOwner): Promise<boolean> {
    return this.db.tokens.delete(tokenKey(owner));
  }
}
