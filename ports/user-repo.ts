import type { EmailTaken } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import type { NewUser, User, UserCounts, UserPatch, UserQuery } from '../domain/user.js';

/**
 * Accounts.
 * - Emails are unique case-insensitively; they are stored as given to `create` (already canonical).
 * - `clientId` and `clientSecretHash` are unique; look-ups by them use an index, never a scan.
 * - Every `find*` returns null when nothing matches; none throws for "not found".
 * - `delete` removes the account and, in the same transaction, the meters and Enedis tokens it owns.
 * - Infrastructure failures are thrown as InfrastructureFailure('database').
 */
export interface UserRepo {
  /** Assigns id and timestamps. Fails with EmailTaken when the email exists, also under a concurrent create. */
  create(user: NewUser): Promise<Result<User, EmailTaken>>;
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  findByClientId(clientId: string): Promise<User | null>;
  findByClientSecretHash(hash: string): Promise<User | null>;
  /** Applies the patch and bumps `updatedAt`; null when the user does not exist. */
  update(id: string, patch: UserPatch): Promise<User | null>;
  /** True when something was deleted. */
  delete(id: string): Promise<boolean>;
  /** A page of accounts, newest first, and how many match in all. */
  list(query: UserQuery): Promise<{ users: User[]; total: number }>;
  counts(): Promise<UserCounts>;
}
