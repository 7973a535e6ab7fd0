import type { UsagePointId } from '../domain/usage-point-id.js';

/** An OAuth token obtained from Enedis. */
export interface EnedisToken {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresAt: Date;
  readonly scope: string | null;
  readonly refreshToken: string | null;
}

/** Whose token: the application's client-credentials token, or consent data for one usage point. */
export type TokenOwner = { readonly kind: 'application' } | { readonly kind: 'usage_point'; readonly usagePointId: UsagePointId; readonly userId: string };

/**
 * Enedis OAuth tokens.
 * - One token per owner: `save` replaces any previous one (upsert), atomically.
 * - `find` returns null when none is stored; an expired token is still returned, its `expiresAt`
 *   tells the caller to refresh it (so that one caller refreshes, not each one that misses).
 * - Tokens of a usage point go when its meter or its account is deleted.
 * - Infrastructure failures are thrown as InfrastructureFailure('token_store').
 */
export interface TokenStore {
  find(owner: TokenOwner): Promise<EnedisToken | null>;
  save(owner: TokenOwner, token: EnedisToken): Promise<void>;
  /** True when something was deleted. */
  remove(owner: TokenOwner): Promise<boolean>;
}
