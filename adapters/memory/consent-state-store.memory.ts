import type { ConsentStateStore } from '../../ports/consent-state-store.js';

export class InMemoryConsentStateStore implements ConsentStateStore {
  private readonly states = new Map<string, { userId: string; expiresAt: number }>();

  async save(state: string, userId: string, expiresAt: Date): Promise<void> {
    this.states.set(state, { userId, expiresAt: expiresAt.getTime() });
  }

  async take(state: string, now: Date): Promise<string | null> {
    const entry = this.states.get(state);
    this.states.delete(state);
    for (const [key, value] of this.states) if (value.expiresAt <= now.getTime()) this.states.delete(key);
    return entry && entry.expiresAt > now.getTime() ? entry.userId : null;
  }
}
