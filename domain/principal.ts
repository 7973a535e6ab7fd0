import type { Role, User } from './user.js';

/**
 * Who a request acts for. `clientSecret` is known when the request authenticated with the secret
 * itself; otherwise the cache key comes from the sealed copy.
 */
export interface Principal {
  readonly user: User;
  /** The role in force: ADMIN_EMAILS makes an account admin whatever its stored role. */
  readonly role: Role;
  readonly clientSecret: string | null;
}

export const isAdmin = (principal: Principal): boolean => principal.role === 'admin';
