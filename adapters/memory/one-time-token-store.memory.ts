import type { MemoryDatabase } from './memory-database.js';
import type { OneTimePurpose, OneTimeToken, OneTimeTokenStore } from '../../ports/one-time-token-store.js';

export class InMemoryOneTimeTokenStore implements OneTimeTokenStore {
  private readonly tokens: Map<string, OneTimeToken>;

  constructor(db: MemoryDatabase) {
    this.tokens = db.oneTimeTokens;
  }

  async save(token: OneTimeToken): Promise<void> {
    this.tokens.set(token.tokenHash, token);
  }

  async take(purpose: OneTimePurpose, tokenHash: string, now: Date): Promise<string | null> {
    const token = this.tokens.get(tokenHash);
    if (!token || token.purpose !== purpose) return null;
    this.tokens.delete(tokenHash);
    for (const [hash, other] of this.tokens) if (other.expiresAt <= now) this.tokens.delete(hash);
    return token.expiresAt > now ? token.userId : null;
  }

  async removeAll(userId: string, purpose: OneTimePurpose): Promise<void> {
    for (const [hash, token] of this.tokens) if (token.userId === userId && token.purpose === purpose) this.tokens.delete(hash);
  }
}
