import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnedisToken } from '../../ports/token-store.js';
import { newPdl, newUser, type RelationalFactory, type RelationalStore } from './fixtures.js';

const token = (accessToken: string, expiresAt = new Date('2026-11-23T12:00:00.000Z')): EnedisToken => ({
  accessToken,
  tokenType: 'Bearer',
  expiresAt,
  scope: 'am_application_scope default',
  refreshToken: null,
});

export function tokenStoreContract(adapter: string, factory: RelationalFactory) {
  describe(`TokenStore contract: ${adapter}`, () => {
    let store: RelationalStore;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('when the application token is saved twice, then the second replaces the first', async () => {
      const app = { kind: 'application' as const };
      await store.tokens.remove(app);
      expect(await store.tokens.find(app)).toBeNull();
      await store.tokens.save(app, token('first'));
      await store.tokens.save(app, token('second', new Date('2026-11-23T15:30:00.000Z')));
      expect(await store.tokens.find(app)).toEqual(token('second', new Date('2026-11-23T15:30:00.000Z')));
    });

    it('when a token has expired, then it is still returned with its expiry', async () => {
      const app = { kind: 'application' as const };
      await store.tokens.save(app, token('old', new Date('2020-01-01T00:00:00.000Z')));
      expect((await store.tokens.find(app))?.expiresAt).toEqual(new Date('2020-01-01T00:00:00.000Z'));
    });

    it('when tokens belong to usage points, then each is kept apart and removal says whether it existed', async () => {
      const user = await store.users.create(newUser());
      if (!user.ok) throw new Error('setup');
      const a = await store.pdls.create(newPdl(user.value.id));
      const b = await store.pdls.create(newPdl(user.value.id));
      if (!a.ok || !b.ok) throw new Error('setup');
      const ownerA = { kind: 'usage_point' as const, usagePointId: a.value.usagePointId, userId: user.value.id };
      const ownerB = { kind: 'usage_point' as const, usagePointId: b.value.usagePointId, userId: user.value.id };
      await store.tokens.save(ownerA, { ...token('a'), refreshToken: 'refresh-a' });
      await store.tokens.save(ownerB, token('b'));
      expect(await store.tokens.find(ownerA)).toMatchObject({ accessToken: 'a', refreshToken: 'refresh-a' });
      expect(await store.tokens.remove(ownerA)).toBe(true);
      expect(await store.tokens.remove(ownerA)).toBe(false);
      expect(await store.tokens.find(ownerB)).toMatchObject({ accessToken: 'b' });
    });
  });
}
