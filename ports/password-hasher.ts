/** One-way password hashing (slow by design). `verify` is false for a malformed hash, never throws for it. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}
