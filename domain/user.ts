import { invalidInput, type InvalidInput, type WeakPassword } from './errors.js';
import { err, ok, type Result } from './result.js';
import { canonicalText, hasUnsafeCharacters } from './text.js';

export type Role = 'admin' | 'moderator' | 'visitor';

/**
 * An account. The client secret is never held in clear: `clientSecretHash` finds the account from a
 * bearer secret, `clientSecretSealed` (sealed with the server key) lets a JWT-authenticated request
 * derive the user's cache key.
 */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly clientId: string;
  readonly clientSecretHash: string;
  readonly clientSecretSealed: string;
  readonly emailVerified: boolean;
  readonly debugMode: boolean;
  readonly isActive: boolean;
  readonly role: Role;
  /** The demo account: read-only, always served by MockEnedis. */
  readonly isDemo: boolean;
  /**
   * Stamped into every access token; a token whose stamp differs is refused. Raised by every change
   * that must end the sessions open before it (password, secret, role, deactivation).
   */
  readonly tokenVersion: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewUser = Omit<User, 'id' | 'createdAt' | 'updatedAt' | 'tokenVersion'>;

export type UserPatch = Partial<
  Pick<User, 'passwordHash' | 'clientSecretHash' | 'clientSecretSealed' | 'emailVerified' | 'debugMode' | 'isActive' | 'role'>
> & {
  /** Raise `tokenVersion` in the same write (an increment, so that no stale copy of the user can undo it). */
  readonly revokeTokens?: boolean;
};

/**
 * What a token minted with the client secret carries of it, so that it dies with that secret: a
 * prefix of the secret's keyed hash (it tells nothing of the secret itself).
 */
export const secretFingerprint = (user: Pick<User, 'clientSecretHash'>): string => user.clientSecretHash.slice(0, 16);

export type Email = string & { readonly __brand: 'Email' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Emails compare case-insensitively; the canonical form is trimmed, composed (NFC) and lower case,
 * the same whatever database stores it. Controls, bidirectional and zero-width characters and lone
 * surrogates are refused: with them two addresses would display alike.
 */
export function parseEmail(raw: unknown, field = 'email'): Result<Email, InvalidInput> {
  const text = typeof raw === 'string' ? raw : '';
  if (hasUnsafeCharacters(text)) return err(invalidInput(field, 'an email address may not hold control, invisible or bidirectional characters'));
  const email = canonicalText(text.trim()).toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) return err(invalidInput(field, 'expected an email address'));
  return ok(email as Email);
}

/** At least 8 characters with an upper-case letter, a lower-case letter and a digit; at most 72 (bcrypt's limit). */
export function checkPasswordPolicy(raw: unknown, field = 'password'): Result<string, WeakPassword> {
  const password = typeof raw === 'string' ? raw : '';
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (new TextEncoder().encode(password).length > 72) problems.push('at most 72 bytes');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/\d/.test(password)) problems.push('a digit');
  if (problems.length > 0) {
    return err({ kind: 'WeakPassword', field, message: `the password needs ${problems.join(', ')}` });
  }
  return ok(password);
}

export interface UserQuery {
  /** Part of an email, any case. */
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface UserCounts {
  readonly total: number;
  readonly active: number;
  readonly verified: number;
  readonly byRole: Readonly<Record<Role, number>>;
}
