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
  /**
   * For an account whose credentials are public (the demo): a pseudonym of the client's address,
   * so that each visitor gets a quota of their own instead of one visitor spending everyone's.
   */
  readonly visitor?: string;
}

/** Whose quota a request spends: the account, or the visitor of a shared account. */
export const quotaOwner = (principal: Principal): string => (principal.visitor ? `${principal.user.id}:${principal.visitor}` : principal.user.id);

export const isAdmin = (principal: Principal): boolean => principal.role === 'admin';
