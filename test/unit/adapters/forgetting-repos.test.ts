import { describe, expect, it } from 'vitest';
import { createMemoryDatabase } from '../../../adapters/memory/memory-database.js';
import { InMemoryPdlRepo } from '../../../adapters/memory/pdl-repo.memory.js';
import { InMemoryUserRepo } from '../../../adapters/memory/user-repo.memory.js';
import { ok } from '../../../domain/result.js';
import { forgettingPdlRepo, forgettingUserRepo } from '../../../adapters/memory/forgetting-repos.js';
import { createMemos } from '../../../adapters/memory/memos.memory.js';
import { ManualClock } from '../../support/clock.js';
import { newPdl, newUser } from '../../contract/fixtures.js';

describe('repositories that forget the memos on every write', () => {
  it('when anything is written through them, then the memos are forgotten; reads leave them alone', async () => {
    const memos = createMemos(new ManualClock('2026-11-23T10:00:00Z'), 60_000);
    const db = createMemoryDatabase();
    const users = forgettingUserRepo(new InMemoryUserRepo(db), memos);
    const pdls = forgettingPdlRepo(new InMemoryPdlRepo(db), memos);
    let loads = 0;
    const remembered = () => memos.meters.get('k', async () => (loads++, ok(null as never)));
    const user = await users.create(newUser());
    if (!user.ok) throw new Error('setup');
    const pdl = await pdls.create(newPdl(user.value.id));
    if (!pdl.ok) throw new Error('setup');
    const writes = [
      () => users.update(user.value.id, { debugMode: true }),
      () => pdls.update(pdl.value.id, { name: 'x' }),
      () => pdls.grantConsent(pdl.value.id, { grantedAt: new Date(), expiresAt: null }),
      () => pdls.delete(pdl.value.id),
      () => users.delete(user.value.id),
    ];
    for (const write of writes) {
      await remembered();
      await users.findById(user.value.id);
      await pdls.listByOwner(user.value.id);
      await remembered();
      const before = loads;
      await write();
      await remembered();
      expect(loads, String(write)).toBe(before + 1);
    }
  });
});
