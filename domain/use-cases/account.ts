import type { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import type { AccessGrant, Credentials } from './accounts.js';
import { stampFor } from './authenticate.js';
import type { Dependencies } from './dependencies.js';
import { writersOnly } from './writers-only.js';
import { purgeAccountCache } from './meter-access.js';

/**
 * A new client secret; the old one stops working at once, and so does every access token minted
 * before (the answer carries a fresh one for the caller). The cache sealed under the old secret
 * could no longer be opened, so it is purged rather than left to expire.
 */
export const regenerateSecret = (deps: Dependencies) =>
  writersOnly(async (principal: Principal): Promise<Result<Credentials & AccessGrant, DomainError>> => {
    // Purge first: if it fails, nothing has changed and the client can retry; the reverse order
    // could commit a secret whose answer never reaches the client.
    await purgeAccountCache(deps, principal.user);
    const clientSecret = deps.keyring.newClientSecret();
    const updated = await deps.users.update(principal.user.id, {
      clientSecretHash: deps.keyring.clientSecretHash(clientSecret),
      clientSecretSealed: deps.keyring.sealSecret(clientSecret),
      revokeTokens: true,
    });
    if (!updated) return err({ kind: 'BearerRefused', reason: 'invalid' });
    const issued = await deps.accessTokens.issue(updated.id, stampFor(updated, false));
    return ok({ clientId: updated.clientId, clientSecret, accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  });

/** Deletes the account, its meters and tokens (one transaction in the repository) and everything cached for its meters. */
export const deleteAccount = (deps: Dependencies) =>
  writersOnly(async (principal: Principal): Promise<Result<{ deletedCacheEntries: number }, DomainError>> => {
    const deletedCacheEntries = await purgeAccountCache(deps, principal.user);
    await deps.users.delete(principal.user.id);
    return ok({ deletedCacheEntries });
  });
