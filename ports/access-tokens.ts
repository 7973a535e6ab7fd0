/** What an access token is bound to besides its subject. */
export interface TokenStamp {
  /** The account's `tokenVersion` when the token was minted. */
  readonly version: number;
  /** For a token minted with the client secret: that secret's fingerprint; null for a log-in. */
  readonly secretFingerprint: string | null;
}

export interface VerifiedToken extends TokenStamp {
  readonly userId: string;
  /** Unique per token. */
  readonly tokenId: string;
  readonly issuedAt: Date;
}

/**
 * Signed access tokens (the API's bearer JWTs).
 * - `issue` mints a token for the user carrying the stamp and a unique id.
 * - `verify` returns the subject and stamp of a valid, unexpired token signed by this gateway, and
 *   `{ expired: true }` or null otherwise; it never throws for a bad token. Unsigned tokens, tokens
 *   with another algorithm and tokens without a stamp are invalid.
 */
export interface AccessTokens {
  issue(userId: string, stamp: TokenStamp): Promise<{ token: string; expiresInSeconds: number }>;
  verify(token: string): Promise<VerifiedToken | { expired: true } | null>;
}
