import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentStateStore } from '../../ports/consent-state-store.js';
import type { User } from '../../domain/user.js';
import { newUser, type RelationalStore } from './fixtures.js';

export function consentStateStoreContract(adapter: string, factory: () => Promise<RelationalStore & { consentStates: ConsentStateStore }>) {
  describe(`ConsentStateStore contract: ${adapter}`, () => {
    let store: RelationalStore & { consentStates: ConsentStateStore };
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

    it('when a live state is taken, then it gives its account once and never again', async () => {
      await store.consentStates.save('state-1', user.id, later);
      expect(await store.consentStates.take('state-1', now)).toBe(user.id);
      expect(await store.consentStates.take('state-1', now)).toBeNull();
    });

    it('when two callbacks race for one state, then only one gets it', async () => {
      await store.consentStates.save('state-2', user.id, later);
      const results = await Promise.all([store.consentStates.take('state-2', now), store.consentStates.take('state-2', now)]);
      expect(results.filter((r) => r === user.id)).toHaveLength(1);
    });

    it('when a state has expired or never existed, then taking it gives null', async () => {
      await store.consentStates.save('state-3', user.id, later);
      expect(await store.consentStates.take('state-3', new Date('2026-11-23T10:10:00.001Z'))).toBeNull();
      expect(await store.consentStates.take('never-issued', now)).toBeNull();
    });
  });
}
