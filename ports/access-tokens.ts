/**
 * Signed access tokens (the API's bearer JWTs).
 * - `verify` returns the subject of a valid, unexpired token signed by this gateway, and
 *   `{ expired: true }` or null otherwise; it never throws for a bad token. Unsigned tokens and
 *   tokens with another algorithm are invalid.
 */
export interface AccessTokens {
  issue(userId: string): Promise<{ token: string; expiresInSeconds: number }>;
  verify(token: string): Promise<{ userId: string; issuedAt: Date } | { expired: true } | null>;
}
