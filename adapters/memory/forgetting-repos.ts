import type { PdlRepo } from '../../ports/pdl-repo.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { Memos } from '../../ports/memos.js';

/** Runs a write, then forgets every memo: no use case has to remember to. */
const thenForget =
  (memos: Memos) =>
  async <T>(write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      memos.forget();
    }
  };

/** The UserRepo with every write followed by forgetting what the memos hold. */
export function forgettingUserRepo(inner: UserRepo, memos: Memos): UserRepo {
  const after = thenForget(memos);
  return {
    create: (user) => after(inner.create(user)),
    findById: (id) => inner.findById(id),
    findByEmail: (email) => inner.findByEmail(email),
    findByClientId: (clientId) => inner.findByClientId(clientId),
    findByClientSecretHash: (hash) => inner.findByClientSecretHash(hash),
    update: (id, patch) => after(inner.update(id, patch)),
    delete: (id) => after(inner.delete(id)),
    list: (query) => inner.list(query),
    counts: () => inner.counts(),
  };
}

/** The PdlRepo with every write followed by forgetting what the memos hold. */
export function forgettingPdlRepo(inner: PdlRepo, memos: Memos): PdlRepo {
  const after = thenForget(memos);
  return {
    create: (pdl) => after(inner.create(pdl)),
    findById: (id) => inner.findById(id),
    findForOwner: (userId, usagePointId) => inner.findForOwner(userId, usagePointId),
    listByOwner: (userId) => inner.listByOwner(userId),
    update: (id, patch) => after(inner.update(id, patch)),
    grantConsent: (id, consent) => after(inner.grantConsent(id, consent)),
    delete: (id) => after(inner.delete(id)),
    counts: () => inner.counts(),
  };
}
