import { err, ok, type Result } from '../result.js';
import type { AccountInactive, EmailNotVerified, BearerRefused } from '../errors.js';
import type { Principal } from '../principal.js';
import { secretFingerprint, type Role, type User } from '../user.js';
import type { TokenStamp } from '../../ports/access-tokens.js';
import type { Dependencies } from './dependencies.js';

const looksLikeJwt = (token: string) => token.split('.').length === 3;

/** A token lives while the account's version is the one it was minted under, and its secret is the account's. */
const stampHolds = (user: User, stamp: TokenStamp) =>
  stamp.version === user.tokenVersion && (stamp.secretFingerprint === null || stamp.secretFingerprint === secretFingerprint(user));

/** The stamp a token minted now for this account carries; `bySecret` for the client-credentials grant. */
export const stampFor = (user: User, bySecret: boolean): TokenStamp => ({
  version: user.tokenVersion,
  secretFingerprint: bySecret ? secretFingerprint(user) : null,
});

/**
 * ADMIN_EMAILS makes an account admin only once its address is confirmed: otherwise whoever signed
 * up first with a listed address would be admin.
 */
export const effectiveRole = (user: User, adminEmails: readonly string[]): Role =>
  user.emailVerified && adminEmails.includes(user.email.toLowerCase()) ? 'admin' : user.role;

/**
 * Resolves `Authorization: Bearer <token>` where the token is a JWT issued by this gateway or the
 * client secret itself. A secret is found by its keyed hash through an index, never by a scan.
 */
export const authenticate = (deps: Dependencies) => {
  const { memos } = deps;
  const resolve = resolveBearer(deps);
  return (
    bearer: string | null,
    options: { allowUnverified?: boolean } = {},
  ): Promise<Result<Principal, BearerRefused | AccountInactive | EmailNotVerified>> => {
    if (!bearer) return Promise.resolve(err({ kind: 'BearerRefused', reason: 'missing' }));
    return memos.principals.get(
      `${options.allowUnverified ? 1 : 0}${bearer}`,
      () => resolve(bearer, options),
      (r) => r.ok,
    ) as Promise<Result<Principal, BearerRefused | AccountInactive | EmailNotVerified>>;
  };
};

const resolveBearer =
  ({ users, keyring, accessTokens, settings }: Dependencies) =>
  async (bearer: string, options: { allowUnverified?: boolean }): Promise<Result<Principal, BearerRefused | AccountInactive | EmailNotVerified>> => {
    let user: User | null = null;
    let clientSecret: string | null = null;
    if (looksLikeJwt(bearer)) {
      const verified = await accessTokens.verify(bearer);
      if (verified && 'expired' in verified) return err({ kind: 'BearerRefused', reason: 'expired' });
      if (verified) {
        user = await users.findById(verified.userId);
        if (user && !stampHolds(user, verified)) return err({ kind: 'BearerRefused', reason: 'revoked' });
      }
    } else {
      const hash = keyring.clientSecretHash(bearer);
      const found = await users.findByClientSecretHash(hash);
      if (found && keyring.sameHash(found.clientSecretHash, hash)) {
        user = found;
        clientSecret = bearer;
      }
    }
    if (!user) return err({ kind: 'BearerRefused', reason: 'invalid' });
    if (!user.isActive) return err({ kind: 'AccountInactive' });
    if (settings.requireEmailVerification && !user.emailVerified && !options.allowUnverified) return err({ kind: 'EmailNotVerified' });
    return ok({ user, role: effectiveRole(user, settings.adminEmails), clientSecret });
  };

/**
 * The principal as this client spends quota: on the demo account, whose credentials are published,
 * each client address is a visitor with a quota of its own, so that no visitor can spend the
 * day's quota of every other.
 */
export const asVisitor =
  ({ keyring }: Dependencies) =>
  (principal: Principal, address: string | null): Principal =>
    principal.user.isDemo && address ? { ...principal, visitor: keyring.pseudonym(address) } : principal;
