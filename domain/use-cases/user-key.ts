import type { UserKey } from '../../ports/keyring.js';
import type { Principal } from '../principal.js';
import type { UseCaseContext } from './dependencies.js';

/**
 * The key that seals this user's cached values, derived from the client secret: the one presented,
 * or the copy sealed under the server key. Null when that copy does not open (the server key
 * changed): the cache is then bypassed, never shared.
 */
export const userKeyOf = (deps: UseCaseContext) => {
  const { keyring } = deps;
  const keys = deps.memos.userKeys;
  return (principal: Principal): UserKey | null => {
    // Derived again only when the secret changes: the sealed copy changes with it.
    const name = `${principal.user.id}:${principal.user.clientSecretSealed}`;
    const known = keys.get(name);
    if (known) return known;
    const secret = principal.clientSecret ?? keyring.openSecret(principal.user.clientSecretSealed);
    if (secret === null) return null;
    const key = keyring.userKey(secret, principal.user.id);
    if (keys.size >= 10_000) keys.clear();
    keys.set(name, key);
    return key;
  };
};
