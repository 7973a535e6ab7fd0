import type { UserKey } from '../../ports/keyring.js';
import type { Principal } from '../principal.js';
import type { Dependencies } from './dependencies.js';

/**
 * The key that seals this user's cached values, derived from the client secret: the one presented,
 * or the copy sealed under the server key. Null when that copy does not open (the server key
 * changed): the cache is then bypassed, never shared.
 */
export const userKeyOf = (deps: Dependencies) => {
  const { keyring } = deps;
  const keys = deps.memos.userKeys;
  // Derived again only when the secret changes: the sealed copy changes with it.
  return (principal: Principal): UserKey | null =>
    keys.get(`${principal.user.id}:${principal.user.clientSecretSealed}`, () => {
      const secret = principal.clientSecret ?? keyring.openSecret(principal.user.clientSecretSealed);
      return secret === null ? null : keyring.userKey(secret, principal.user.id);
    });
};
