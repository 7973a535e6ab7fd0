import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../domain/user.js';
import { newPdl, newUser, type RelationalFactory, type RelationalStore } from './fixtures.js';

export function userRepoContract(adapter: string, factory: RelationalFactory) {
  describe(`UserRepo contract: ${adapter}`, () => {
    let store: RelationalStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    const created = async (overrides = {}): Promise<User> => {
      const result = await store.users.create(newUser(overrides));
      if (!result.ok) throw new Error(result.error.kind);
      return result.value;
    };

    it('when a user is created, then it reads back by id, email (any case), client id and secret hash', async () => {
      const user = await created({ emailVerified: true, debugMode: true, role: 'moderator', isDemo: true });
      expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(user.createdAt).toBeInstanceOf(Date);
      expect(await store.users.findById(user.id)).toEqual(user);
      expect(await store.users.findByEmail(user.email.toUpperCase())).toEqual(user);
      expect(await store.users.findByClientId(user.clientId)).toEqual(user);
      expect(await store.users.findByClientSecretHash(user.clientSecretHash)).toEqual(user);
      expect(user).toMatchObject({ emailVerified: true, debugMode: true, role: 'moderator', isDemo: true, isActive: true });
    });

    it('when nothing matches, then every find answers null', async () => {
      expect(await store.users.findById('00000000-0000-0000-0000-000000000000')).toBeNull();
      expect(await store.users.findByEmail('nobody@example.org')).toBeNull();
      expect(await store.users.findByClientId('cli_nobody')).toBeNull();
      expect(await store.users.findByClientSecretHash('nothing')).toBeNull();
    });

    it('when an email is taken, then a second create fails with EmailTaken, also when two race', async () => {
      const user = await created();
      expect(await store.users.create(newUser({ email: user.email }))).toEqual({ ok: false, error: { kind: 'EmailTaken' } });
      const email = `race-${Date.now()}@example.org`;
      const results = await Promise.all([store.users.create(newUser({ email })), store.users.create(newUser({ email }))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: { kind: 'EmailTaken' } }]);
    });

    it('when a user is updated, then the patch is applied, the rest kept, and updatedAt moves', async () => {
      const user = await created();
      await new Promise((r) => setTimeout(r, 5));
      const updated = await store.users.update(user.id, { clientSecretHash: 'new-hash', isActive: false });
      expect(updated).toMatchObject({ clientSecretHash: 'new-hash', isActive: false, email: user.email, clientId: user.clientId });
      expect(updated!.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime());
      expect(await store.users.findByClientSecretHash(user.clientSecretHash)).toBeNull();
      expect(await store.users.update('00000000-0000-0000-0000-000000000000', { isActive: false })).toBeNull();
    });

    it('when a user is deleted, then its meters and tokens go with it, and others stay', async () => {
      const user = await created();
      const other = await created();
      const mine = await store.pdls.create(newPdl(user.id));
      const theirs = await store.pdls.create(newPdl(other.id));
      if (!mine.ok || !theirs.ok) throw new Error('setup');
      const owner = { kind: 'usage_point' as const, usagePointId: mine.value.usagePointId, userId: user.id };
      await store.tokens.save(owner, { accessToken: 'a', tokenType: 'Bearer', expiresAt: new Date(), scope: null, refreshToken: null });

      expect(await store.users.delete(user.id)).toBe(true);
      expect(await store.users.findById(user.id)).toBeNull();
      expect(await store.pdls.findById(mine.value.id)).toBeNull();
      expect(await store.tokens.find(owner)).toBeNull();
      expect(await store.pdls.findById(theirs.value.id)).not.toBeNull();
      expect(await store.users.delete(user.id)).toBe(false);
    });
  });
}
