import type { Pdl } from '../../domain/pdl.js';
import type { User } from '../../domain/user.js';
import type { OneTimeToken } from '../../ports/one-time-token-store.js';
import type { EnedisToken, TokenOwner } from '../../ports/token-store.js';

/**
 * The tables behind the in-memory UserRepo, PdlRepo, TokenStore and OneTimeTokenStore. They share one so that deleting
 * an account removes its meters and tokens at once, as the SQL adapters do with a transaction.
 */
export interface MemoryDatabase {
  readonly users: Map<string, User>;
  readonly pdls: Map<string, Pdl>;
  readonly tokens: Map<string, { owner: TokenOwner; token: EnedisToken }>;
  readonly oneTimeTokens: Map<string, OneTimeToken>;
}

export const createMemoryDatabase = (): MemoryDatabase => ({ users: new Map(), pdls: new Map(), tokens: new Map(), oneTimeTokens: new Map() });

export const tokenKey = (owner: TokenOwner): string => (owner.kind === 'application' ? 'application' : `usage_point:${owner.usagePointId}`);
