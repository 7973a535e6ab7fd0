import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../domain/user.js';
import { newPdl, newUser, pause, type RelationalFactory, type RelationalStore } from './fixtures.js';

export function pdlRepoContract(adapter: string, factory: RelationalFactory) {
  describe(`PdlRepo contract: ${adapter}`, () => {
    let store: RelationalStore;
    let owner: User;
    beforeEach(async () => {
      store = await factory();
      const user = await store.users.create(newUser());
      if (!user.ok) throw new Error('setup');
      owner = user.value;
    });
    afterEach(async () => {
      await store.close();
    });

    it('when a meter is created, then it reads back whole by id and by usage point id', async () => {
      const created = await store.pdls.create(
        newPdl(owner.id, {
          hasProduction: true,
          displayOrder: 3,
          sync: { status: 'failed', error: 'NoConsent: x', syncedAt: new Date('2026-01-02T03:04:05.006Z') },
        }),
      );
      if (!created.ok) throw new Error(created.error.kind);
      const pdl = created.value;
      expect(pdl).toMatchObject({
        userId: owner.id,
        name: 'Home',
        hasConsumption: true,
        hasProduction: true,
        subscribedPower: 6,
        offpeakHours: ['22:00-06:00'],
        activationDate: '2019-08-27',
        oldestAvailableDataDate: null,
        displayOrder: 3,
        isActive: true,
        sync: { status: 'failed', error: 'NoConsent: x', syncedAt: new Date('2026-01-02T03:04:05.006Z') },
      });
      expect(await store.pdls.findById(pdl.id)).toEqual(pdl);
      expect(pdl.consent).toEqual({ grantedAt: null, expiresAt: null });
      expect(await store.pdls.findForOwner(owner.id, pdl.usagePointId)).toEqual(pdl);
      expect(await store.pdls.findForOwner(owner.id, '00000000000000' as never)).toBeNull();
      expect(await store.pdls.findForOwner('00000000-0000-0000-0000-000000000000', pdl.usagePointId)).toBeNull();
      expect(await store.pdls.findById('00000000-0000-0000-0000-000000000000')).toBeNull();
    });

    it('when an account registers a usage point twice, then the second fails, also when two race; another account may register it', async () => {
      const other = await store.users.create(newUser());
      if (!other.ok) throw new Error('setup');
      const first = newPdl(owner.id);
      expect((await store.pdls.create(first)).ok).toBe(true);
      expect(await store.pdls.create(first)).toEqual({ ok: false, error: { kind: 'PdlAlreadyRegistered' } });
      expect((await store.pdls.create({ ...first, userId: other.value.id })).ok).toBe(true);
      const contested = newPdl(owner.id);
      const results = await Promise.all([store.pdls.create(contested), store.pdls.create(contested)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it('when a consent is granted on one meter of a usage point, then it is recorded there and taken from every other account', async () => {
      const accounts = [owner];
      for (let i = 0; i < 2; i++) {
        const user = await store.users.create(newUser());
        if (!user.ok) throw new Error('setup');
        accounts.push(user.value);
      }
      const usagePointId = newPdl(owner.id).usagePointId;
      const meters = [];
      for (const account of accounts) {
        const created = await store.pdls.create(newPdl(account.id, { usagePointId }));
        if (!created.ok) throw new Error('setup');
        meters.push(created.value);
      }
      const unrelated = await store.pdls.create(newPdl(owner.id));
      if (!unrelated.ok) throw new Error('setup');
      const first = { grantedAt: new Date('2026-01-01T00:00:00.000Z'), expiresAt: new Date('2029-01-01T00:00:00.000Z') };
      const second = { grantedAt: new Date('2026-06-01T00:00:00.000Z'), expiresAt: new Date('2029-06-01T00:00:00.000Z') };
      expect(await store.pdls.grantConsent(unrelated.value.id, first)).toMatchObject({ displaced: [] });
      const granted = await store.pdls.grantConsent(meters[0]!.id, first);
      expect(granted).toMatchObject({ pdl: { id: meters[0]!.id, consent: first }, displaced: [] });
      const moved = await store.pdls.grantConsent(meters[1]!.id, second);
      expect(moved?.pdl.consent).toEqual(second);
      expect(moved?.displaced.map((p) => [p.id, p.consent])).toEqual([[meters[0]!.id, { grantedAt: null, expiresAt: null }]]);
      expect((await store.pdls.findById(meters[0]!.id))?.consent).toEqual({ grantedAt: null, expiresAt: null });
      expect((await store.pdls.findById(meters[2]!.id))?.consent).toEqual({ grantedAt: null, expiresAt: null });
      expect((await store.pdls.findById(unrelated.value.id))?.consent).toEqual(first);
      expect(await store.pdls.grantConsent('00000000-0000-0000-0000-000000000000', first)).toBeNull();
    });

    it("when meters are listed, then display order comes first (unset last), then oldest first, and only the owner's", async () => {
      const other = await store.users.create(newUser());
      if (!other.ok) throw new Error('setup');
      await store.pdls.create(newPdl(other.value.id));
      const names: string[] = [];
      for (const [name, displayOrder] of [
        ['unordered-old', null],
        ['second', 2],
        ['first', 1],
        ['unordered-new', null],
      ] as const) {
        await store.pdls.create(newPdl(owner.id, { name, displayOrder }));
        names.push(name);
        await pause(5);
      }
      const listed = await store.pdls.listByOwner(owner.id);
      expect(listed.map((p) => p.name)).toEqual(['first', 'second', 'unordered-old', 'unordered-new']);
      expect(await store.pdls.listByOwner('00000000-0000-0000-0000-000000000000')).toEqual([]);
    });

    it('when a meter is updated, then the patch applies, nulls included, and the rest is kept', async () => {
      const created = await store.pdls.create(newPdl(owner.id, { displayOrder: 4 }));
      if (!created.ok) throw new Error('setup');
      await pause(5);
      const updated = await store.pdls.update(created.value.id, {
        name: null,
        displayOrder: null,
        isActive: false,
        offpeakHours: null,
        sync: { status: 'ok', error: null, syncedAt: new Date('2026-05-05T05:05:05.000Z') },
      });
      expect(updated).toMatchObject({ name: null, displayOrder: null, isActive: false, offpeakHours: null, subscribedPower: 6, sync: { status: 'ok' } });
      expect(updated!.updatedAt.getTime()).toBeGreaterThan(created.value.updatedAt.getTime());
      expect(await store.pdls.update('00000000-0000-0000-0000-000000000000', { name: 'x' })).toBeNull();
    });

    it("when a household's tariff settings are set, then they read back, and clear with null", async () => {
      const created = await store.pdls.create(newPdl(owner.id));
      const producer = await store.pdls.create(newPdl(owner.id, { hasProduction: true }));
      if (!created.ok || !producer.ok) throw new Error('setup');
      expect(created.value).toMatchObject({ pricingOption: null, selectedOfferId: null, linkedProductionPdlId: null });
      const set = await store.pdls.update(created.value.id, {
        pricingOption: 'TEMPO',
        selectedOfferId: 'edf-tempo-2026:9kVA',
        linkedProductionPdlId: producer.value.id,
      });
      expect(set).toMatchObject({ pricingOption: 'TEMPO', selectedOfferId: 'edf-tempo-2026:9kVA', linkedProductionPdlId: producer.value.id });
      expect(await store.pdls.findById(created.value.id)).toMatchObject({ pricingOption: 'TEMPO', linkedProductionPdlId: producer.value.id });
      const cleared = await store.pdls.update(created.value.id, { pricingOption: null, selectedOfferId: null, linkedProductionPdlId: null });
      expect(cleared).toMatchObject({ pricingOption: null, selectedOfferId: null, linkedProductionPdlId: null, name: 'Home' });
    });

    it('when a meter is deleted, then it and its tokens are gone, and its usage point can be registered again', async () => {
      const created = await store.pdls.create(newPdl(owner.id));
      if (!created.ok) throw new Error('setup');
      const tokenOwner = { kind: 'usage_point' as const, usagePointId: created.value.usagePointId, userId: owner.id };
      await store.tokens.save(tokenOwner, { accessToken: 'a', tokenType: 'Bearer', expiresAt: new Date(), scope: null, refreshToken: null });
      expect(await store.pdls.delete(created.value.id)).toBe(true);
      expect(await store.pdls.findById(created.value.id)).toBeNull();
      expect(await store.tokens.find(tokenOwner)).toBeNull();
      expect(await store.pdls.delete(created.value.id)).toBe(false);
      expect((await store.pdls.create(newPdl(owner.id, { usagePointId: created.value.usagePointId }))).ok).toBe(true);
    });
  });
}
