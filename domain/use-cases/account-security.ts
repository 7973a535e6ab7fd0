import { InfrastructureFailure } from '../infrastructure-failure.js';
import type { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { err, ok, type Result } from '../result.js';
import { checkPasswordPolicy, parseEmail, type User } from '../user.js';
import type { OneTimePurpose } from '../../ports/one-time-token-store.js';
import type { AccessGrant } from './accounts.js';
import type { Dependencies } from './dependencies.js';
import { DEMO_READ_ONLY, writersOnly } from './writers-only.js';
import { stampFor } from './authenticate.js';

const VERIFY_EMAIL_TTL_MS = 24 * 3_600_000;
const RESET_PASSWORD_TTL_MS = 3_600_000;

/** A fresh single-use token for the account, stored hashed; the token itself is returned for the link. */
async function issueToken(deps: Dependencies, user: User, purpose: OneTimePurpose, ttlMs: number): Promise<string> {
  const token = deps.keyring.newOneTimeToken();
  const expiresAt = new Date(deps.clock.now().getTime() + ttlMs);
  await deps.oneTimeTokens.save({ purpose, tokenHash: deps.keyring.oneTimeTokenHash(token), userId: user.id, expiresAt });
  return token;
}

/** Sends the mail; false when the mail server did not take it (the caller reports it, the user can retry). */
async function mail(deps: Dependencies, to: string, subject: string, text: string): Promise<boolean> {
  try {
    await deps.mailer.send({ to, subject, text });
    return true;
  } catch (error) {
    if (error instanceof InfrastructureFailure && error.component === 'mailer') return false;
    throw error;
  }
}

export const sendVerificationMail =
  (deps: Dependencies) =>
  async (user: User): Promise<boolean> => {
    const token = await issueToken(deps, user, 'verify_email', VERIFY_EMAIL_TTL_MS);
    const link = `${deps.settings.frontendUrl}/verify-email?token=${encodeURIComponent(token)}`;
    return mail(
      deps,
      user.email,
      'Confirm your email address',
      `Welcome to MyElectricalData.\n\nConfirm your email address by opening this link within 24 hours:\n${link}\n\nIf you did not sign up, ignore this message.`,
    );
  };

export const verifyEmail =
  (deps: Dependencies) =>
  async (token: string): Promise<Result<{ email: string }, DomainError>> => {
    const userId = await deps.oneTimeTokens.take('verify_email', deps.keyring.oneTimeTokenHash(token), deps.clock.now());
    const user = userId ? await deps.users.update(userId, { emailVerified: true }) : null;
    if (!user) return err({ kind: 'OneTimeTokenInvalid' });
    await deps.oneTimeTokens.removeAll(user.id, 'verify_email');
    return ok({ email: user.email });
  };

/**
 * Mails a new verification link when the account exists and is unverified. The answer is the same
 * whatever the case, so it tells nobody whether an address has an account.
 */
export const resendVerification = (deps: Dependencies) => {
  const send = sendVerificationMail(deps);
  return async (rawEmail: unknown): Promise<Result<{ delivered: boolean | null }, DomainError>> => {
    const email = parseEmail(rawEmail);
    if (!email.ok) return email;
    const user = await deps.users.findByEmail(email.value);
    if (!user || user.emailVerified || !user.isActive) return ok({ delivered: null });
    return ok({ delivered: await send(user) });
  };
};

/** Mails a password reset link (valid one hour, single use) when the account exists; same answer either way. */
export const forgotPassword =
  (deps: Dependencies) =>
  async (rawEmail: unknown): Promise<Result<{ delivered: boolean | null }, DomainError>> => {
    const email = parseEmail(rawEmail);
    if (!email.ok) return email;
    const user = await deps.users.findByEmail(email.value);
    if (!user || user.isDemo || !user.isActive) return ok({ delivered: null });
    await deps.oneTimeTokens.removeAll(user.id, 'reset_password');
    const token = await issueToken(deps, user, 'reset_password', RESET_PASSWORD_TTL_MS);
    const link = `${deps.settings.frontendUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const delivered = await mail(
      deps,
      user.email,
      'Reset your password',
      `Someone asked to reset the password of this MyElectricalData account.\n\nChoose a new password within one hour:\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
    );
    return ok({ delivered });
  };

/** Sets a new password; every access token issued before stops working. */
async function setPassword(deps: Dependencies, user: User, password: string): Promise<User | null> {
  const updated = await deps.users.update(user.id, { passwordHash: await deps.passwords.hash(password), revokeTokens: true });
  await deps.oneTimeTokens.removeAll(user.id, 'reset_password');
  return updated;
}

export const resetPassword =
  (deps: Dependencies) =>
  async (input: { token: string; newPassword: unknown }): Promise<Result<{ email: string }, DomainError>> => {
    const password = checkPasswordPolicy(input.newPassword, 'new_password');
    if (!password.ok) return password;
    const userId = await deps.oneTimeTokens.take('reset_password', deps.keyring.oneTimeTokenHash(input.token), deps.clock.now());
    const user = userId ? await deps.users.findById(userId) : null;
    if (!user) return err({ kind: 'OneTimeTokenInvalid' });
    if (user.isDemo) return err(DEMO_READ_ONLY);
    await setPassword(deps, user, password.value);
    return ok({ email: user.email });
  };

/** Needs the current password; answers a fresh token since the old ones stop working. */
export const changePassword = (deps: Dependencies) =>
  writersOnly(async (principal: Principal, input: { currentPassword: unknown; newPassword: unknown }): Promise<Result<AccessGrant, DomainError>> => {
    const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
    if (!(await deps.passwords.verify(current, principal.user.passwordHash))) return err({ kind: 'InvalidCredentials' });
    const password = checkPasswordPolicy(input.newPassword, 'new_password');
    if (!password.ok) return password;
    const updated = await setPassword(deps, principal.user, password.value);
    if (!updated) return err({ kind: 'BearerRefused', reason: 'invalid' });
    const issued = await deps.accessTokens.issue(updated.id, stampFor(updated, false));
    return ok({ accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  });
