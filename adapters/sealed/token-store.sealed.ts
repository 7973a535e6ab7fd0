import type { Keyring } from '../../ports/keyring.js';
import type { EnedisToken, TokenOwner, TokenStore } from '../../ports/token-store.js';

/**
 * A TokenStore that keeps Enedis' tokens sealed under the server key in the store it wraps, as the
 * client secrets are: the application token reads any consented meter, so a database dump alone
 * must not hand it out. A stored token that does not open (written in clear by an older version, or
 * under another server key) is reported as absent, and the caller fetches a new one.
 */
export class SealedTokenStore implements TokenStore {
  constructor(
    private readonly inner: TokenStore,
    private readonly keyring: Keyring,
  ) {}

  async find(owner: TokenOwner): Promise<EnedisToken | null> {
    const stored = await this.inner.find(owner);
    if (!stored) return null;
    const accessToken = this.keyring.openSecret(stored.accessToken);
    const refreshToken = stored.refreshToken === null ? null : this.keyring.openSecret(stored.refreshToken);
    if (accessToken === null || (stored.refreshToken !== null && refreshToken === null)) return null;
    return { ...stored, accessToken, refreshToken };
  }

  save(owner: TokenOwner, token: EnedisToken): Promise<void> {
    return this.inner.save(owner, {
      ...token,
      accessToken: this.keyring.sealSecret(token.accessToken),
      refreshToken: token.refreshToken === null ? null : this.keyring.sealSecret(token.refreshToken),
    });
  }

  remove(owner: TokenOwner): Promise<boolean> {
    return this.inner.remove(owner);
  }
}
