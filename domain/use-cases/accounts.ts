import { type DomainError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkPasswordPolicy, parseEmail, type User } from '../user.js';
import { hasControlCharacters } from '../text.js';
import type { Dependencies } from './dependencies.js';
import { sendVerificationMail } from './account-security.js';
import { stampFor } from './authenticate.js';

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface AccessGrant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

export interface SignUpInput {
  readonly email: unknown;
  readonly password: unknown;
  readonly captchaToken?: unknown;
  readonly remoteAddress?: string | null;
}

/** Whether the verification mail went out: `not_required` when verification is off. */
export type VerificationMail = 'sent' | 'failed' | 'not_required';

async function checkCaptcha(deps: Dependencies, token: unknown, remoteAddress: string | null): Promise<DomainError | null> {
  if (!deps.settings.requireCaptcha) return null;
  if (typeof token !== 'string' || token === '') return { kind: 'CaptchaRequired' };
  const verdict = await deps.captcha.verify(token, remoteAddress);
  if (verdict === 'invalid') return { kind: 'CaptchaFailed' };
  if (verdict === 'unavailable') return { kind: 'CaptchaUnavailable' };
  return null;
}

/**
 * Creates an account and returns its credentials; the secret is shown here and never again. With
 * verification required, a link is mailed; a mail that fails does not undo the account (the user
 * can ask for the link again).
 */
export const signUp = (deps: Dependencies) => {
  const mailVerification = sendVerificationMail(deps);
  return async (input: SignUpInput): Promise<Result<{ user: User; verification: VerificationMail } & Credentials, DomainError>> => {
    const { users, passwords, keyring } = deps;
    const email = parseEmail(input.email);
    if (!email.ok) return email;
    const password = checkPasswordPolicy(input.password);
    if (!password.ok) return password;
    const captcha = await checkCaptcha(deps, input.captchaToken, input.remoteAddress ?? null);
    if (captcha) return err(captcha);
    const throttled = await signUpThrottle(deps, input.remoteAddress ?? null);
    if (throttled) return err(throttled);
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
    // An address listed in ADMIN_EMAILS is confirmed before it is admin, whatever the setting.
    const confirm = deps.settings.requireEmailVerification || deps.settings.adminEmails.includes(email.value);
    const verification: VerificationMail = confirm ? ((await mailVerification(created.value)) ? 'sent' : 'failed') : 'not_required';
    return ok({ user: created.value, clientId: created.value.clientId, clientSecret, verification });
  };
};

/** Bucket names carry pseudonyms, never the e-mail or the address itself. */
/** Counts a sign-up against its client address; the refusal when the address has had its share of the window. */
async function signUpThrottle(deps: Dependencies, address: string | null): Promise<DomainError | null> {
  if (!address) return null;
  const { perAddress, windowSeconds } = deps.settings.signUpLimits;
  const state = await deps.limiter.consume(`signup:address:${deps.keyring.pseudonym(address)}`, perAddress, windowSeconds * 1000);
  if (state.allowed) return null;
  return { kind: 'SignUpThrottled', retryAfterSeconds: Math.max(1, Math.ceil((state.resetAt.getTime() - deps.clock.now().getTime()) / 1000)) };
}

const loginBuckets = (keyring: Dependencies['keyring'], email: string, address: string | null) => [
  { name: `login_fail:account:${keyring.pseudonym(email)}`, kind: 'perAccount' as const },
  ...(address ? [{ name: `login_fail:address:${keyring.pseudonym(address)}`, kind: 'perAddress' as const }] : []),
];

/**
 * Email and password for an access token. Failed attempts are limited per account and per client
 * address: past the limit, even the right password waits for the window to end.
 */
export const logIn = ({ users, passwords, accessTokens, limiter, clock, settings, keyring }: Dependencies) => {
  // Verified against when the email is unknown, so that both paths cost one hash check.
  let decoyHash: Promise<string> | undefined;
  const { windowSeconds } = settings.loginLimits;
  return async (input: { email: unknown; password: unknown; remoteAddress?: string | null }): Promise<Result<AccessGrant, DomainError>> => {
    const email = parseEmail(input.email);
    const password = typeof input.password === 'string' ? input.password : '';
    const buckets = loginBuckets(keyring, email.ok ? email.value : String(input.email).toLowerCase(), input.remoteAddress ?? null);
    const windowMs = windowSeconds * 1000;
    const states = await Promise.all(buckets.map((b) => limiter.peek(b.name, settings.loginLimits[b.kind], windowMs)));
    const blocked = states.filter((state) => state.used >= state.limit);
    if (blocked.length > 0) {
      const until = Math.max(...blocked.map((state) => state.resetAt.getTime()));
      return err({ kind: 'LoginThrottled', retryAfterSeconds: Math.ceil((until - clock.now().getTime()) / 1000) });
    }
    const user = email.ok ? await users.findByEmail(email.value) : null;
    decoyHash ??= passwords.hash('timing decoy');
    const valid = await passwords.verify(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !valid) {
      await Promise.all(buckets.map((b) => limiter.consume(b.name, settings.loginLimits[b.kind], windowMs)));
      return err({ kind: 'InvalidCredentials' });
    }
    await limiter.reset(buckets[0]!.name);
    if (!user.isActive) return err({ kind: 'AccountInactive' });
    const issued = await accessTokens.issue(user.id, stampFor(user, false));
    return ok({ accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  };
};

/** OAuth2 client credentials: exchanges client_id + client_secret for an access token. */
export const issueClientToken =
  ({ users, keyring, accessTokens }: Dependencies) =>
  async (input: { clientId: string; clientSecret: string }): Promise<Result<AccessGrant, DomainError>> => {
    if (hasControlCharacters(input.clientId)) return err({ kind: 'InvalidClient' });
    const user = await users.findByClientId(input.clientId);
    const presented = keyring.clientSecretHash(input.clientSecret);
    if (!user || !keyring.sameHash(user.clientSecretHash, presented)) return err({ kind: 'InvalidClient' });
    if (!user.isActive) return err({ kind: 'AccountInactive' });
    const issued = await accessTokens.issue(user.id, stampFor(user, true));
    return ok({ accessToken: issued.token, expiresInSeconds: issued.expiresInSeconds });
  };
