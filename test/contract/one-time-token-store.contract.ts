import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../domain/user.js';
import type { OneTimeTokenStore } from '../../ports/one-time-token-store.js';
import { newUser, type RelationalStore } from './fixtures.js';

type Store = RelationalStore & { oneTimeTokens: OneTimeTokenStore };

export function oneTimeTokenStoreContract(adapter: string, factory: () => Promise<Store>) {
  describe(`OneTimeTokenStore contract: ${adapter}`, () => {
    let store: Store;
    let user: User;
    const now = new Date('2026-11-23T10:00:00.000Z');
    const later = new Date('2026-11-23T10:10:00.000Z');
    beforeEach(async () => {
      store = await factory();
      const created = await store.users.create(newUser());
      if (!created.ok) throw new Error('setup');
      user = created.value;
    });
    afterEach(async () => {
      await store.close();
    });

    it('when a live token is taken, then it gives its account once and never again', async () => {
      await store.oneTimeTokens.save({ purpose: 'consent', tokenHash: 'h1', userId: user.id, expiresAt: later });
      expect(await store.oneTimeTokens.take('consent', 'h1', now)).toBe(user.id);
      expect(await store.oneTimeTokens.take('consent', 'h1', now)).toBeNull();
    });

    it('when two requests race for one token, then only one gets it', async () => {
      await store.oneTimeTokens.save({ purpose: 'reset_password', tokenHash: 'h2', userId: user.id, expiresAt: later });
      const results = await Promise.all([store.oneTimeTokens.take('reset_password', 'h2', now), store.oneTimeTokens.take('reset_password', 'h2', now)]);
      expect(results.filter((r) => r === user.id)).toHaveLength(1);
    });

    it('when a token has expired, is of another purpose, or never existed, then taking it gives null', async () => {
      await store.oneTimeTokens.save({ purpose: 'verify_email', tokenHash: 'h3', userId: user.id, expiresAt: later });
      expect(await store.oneTimeTokens.take('reset_password', 'h3', now)).toBeNull();
      expect(await store.oneTimeTokens.take('verify_email', 'h3', new Date('2026-11-23T10:10:00.001Z'))).toBeNull();
      expect(await store.oneTimeTokens.take('verify_email', 'never-issued', now)).toBeNull();
    });

    it('when all tokens of a purpose are revoked, then none of them works and others stay', async () => {
      await store.oneTimeTokens.save({ purpose: 'reset_password', tokenHash: 'r1', userId: user.id, expiresAt: later });
      await store.oneTimeTokens.save({ purpose: 'reset_password', tokenHash: 'r2', userId: user.id, expiresAt: later });
      await store.oneTimeTokens.save({ purpose: 'verify_email', tokenHash: 'v1', userId: user.id, expiresAt: later });
      await store.oneTimeTokens.removeAll(user.id, 'reset_password');
      expect(await store.oneTimeTokens.take('reset_password', 'r1', now)).toBeNull();
      expect(await store.oneTimeTokens.take('reset_password', 'r2', now)).toBeNull();
      expect(await store.oneTimeTokens.take('verify_email', 'v1', now)).toBe(user.id);
    });

    it('when the account is deleted, then its tokens go with it', async () => {
      await store.oneTimeTokens.save({ purpose: 'consent', tokenHash: 'd1', userId: user.id, expiresAt: later });
      await store.users.delete(user.id);
      expect(await store.oneTimeTokens.take('consent', 'd1', now)).toBeNull();
    });
  });
}
