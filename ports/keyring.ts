/** A per-user key derived from the user's client secret. Opaque outside the keyring. */
export type UserKey = { readonly __brand: 'UserKey' };

/**
 * The gateway's keys and what is done with them.
 * - Client credentials are random; `clientSecretHash` is keyed with the server key, so a database
 *   dump alone cannot test guesses. `sameHash` compares in constant time.
 * - `sealSecret`/`openSecret` keep a copy of the client secret under the server key.
 * - `userKey` derives (HKDF) the key that seals that user's cached values.
 * - `seal`/`open` are authenticated encryption (AES-256-GCM) bound to `context` (the cache key), so a
 *   value moved to another key does not open. `open` returns null for anything that does not open
 *   under that key and context: a wrong key, a rotated secret, corrupt bytes. Both work on bytes:
 *   cached values are stored and served as bytes, never as text. The bytes `open` returns may be
 *   shared with other callers: they are read, never altered.
 */
export interface Keyring {
  newClientId(): string;
  newClientSecret(): string;
  /** A random, URL-safe value of at most 100 characters (Enedis' limit for a consent `state`). */
  newOneTimeToken(): string;
  /** The keyed hash under which a one-time token is stored. */
  oneTimeTokenHash(token: string): string;
  /**
   * A stable stand-in for an identifier (an e-mail, a client address) where it would otherwise be
   * written in clear, such as a Redis key name: keyed with the server key, so it cannot be reversed
   * by trying guesses; the same value always gives the same pseudonym.
   */
  pseudonym(value: string): string;
  clientSecretHash(secret: string): string;
  sameHash(a: string, b: string): boolean;
  sealSecret(secret: string): string;
  openSecret(sealed: string): string | null;
  userKey(secret: string, userId: string): UserKey;
  seal(key: UserKey, plaintext: Uint8Array, context: string): Uint8Array;
  open(key: UserKey, sealed: Uint8Array, context: string): Uint8Array | null;
}
