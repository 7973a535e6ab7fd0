/** What a one-time token is for. */
export type OneTimePurpose = 'consent' | 'verify_email' | 'reset_password';

export interface OneTimeToken {
  readonly purpose: OneTimePurpose;
  /** The keyed hash of the token: the token itself is never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

/**
 * Single-use tokens bound to an account: consent `state`s, email verification and password reset.
 * - `take` removes the token and returns its account in one atomic step, so a token serves once, also
 *   when two requests race; null when unknown, already used, expired at `now`, or of another purpose.
 * - `removeAll` revokes every token of that purpose of an account; tokens go with their account.
 * - Infrastructure failures are thrown as InfrastructureFailure('database').
 */
export interface OneTimeTokenStore {
  save(token: OneTimeToken): Promise<void>;
  take(purpose: OneTimePurpose, tokenHash: string, now: Date): Promise<string | null>;
  removeAll(userId: string, purpose: OneTimePurpose): Promise<void>;
}
