import { type DomainError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkPasswordPolicy, parseEmail, type User } from '../user.js';
import type { Dependencies } from './dependencies.js';

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AccessGrant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

/** Creates an account and returns its credentials; the secret is shown here and never again. */
export const signUp =
  ({ users, passwords, keyring }: Dependencies) =>
  async (input: { email: unknown; password: unknown }): Promise<Result<{ user: User } & Credentials, DomainError>> => {
    const email = parseEmail(input.email);
    if (!email.ok) return email;
    const password = checkPasswordPolicy(input.password);
    if (!password.ok) return password;
    const clientSecret = keyring.newClientSecret();
    const created = await users.create({
      email: email.value,
      passwordHash: await passwords.hash(password.value),
      clientId: keyring.newClientId(),
      clientSecretHash: keyring.clientSecretHash(clientSecret),
      clientSecretSealed: keyring.sealSecret(clientSecret),
      emailVerified: false,
      debugMode: false,
      isActive: true,
      role: 'visitor',
      isDemo: false,
    });
    if (!created.ok) return created;
    return ok({ user: created.value, clientId: created.value.clientId, clientSecret });
  };

export const logIn = ({ users, passwords, accessTokens }: Dependencies) => {
  // Verified against when the email is unknown, so that both paths cost one hash check.
  let decoyHash: Promise<string> | undefined;
  return async (input: { email: unknown; password: unknown }): Promise<Result<AccessGrant, DomainError>> => {
    const email = parseEmail(input.email);
    const password = typeof input.password === 'string' ? input.password : '';
    const user = email.ok ? await users.findByEmail(email.value) : null;
    decoyHash ??= passwords.hash('timing decoy');
    const valid = await passwords.verify(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid) return err({ kind: 'InvalidCredentials' });
    if (!user.isActive) return err({ kind: 'AccountInactive' });
    const issued = await accessTokens.issue(user.id);
    return ok({ accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  };
};

/** OAuth2 client credentials: exchanges client_id + client_secret for an access token. */
export const issueClientToken =
  ({ users, keyring, accessTokens }: Dependencies) =>
  async (input: { clientId: string; clientSecret: string }): Promise<Result<AccessGrant, DomainError>> => {
    const user = await users.findByClientId(input.clientId);
    const presented = keyring.clientSecretHash(input.clientSecret);
    if (!user || !keyring.sameHash(user.clientSecretHash, presented)) return err({ kind: 'InvalidClient' });
    if (!user.isActive) return err({ kind: 'AccountInactive' });
    const issued = await accessTokens.issue(user.id);
    return ok({ accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  };
