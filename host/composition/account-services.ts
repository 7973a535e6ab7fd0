import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { Container } from 'inversify';
import { BcryptPasswordHasher } from '../../adapters/bcrypt/password-hasher.bcrypt.js';
import { JoseAccessTokens } from '../../adapters/jose/access-tokens.jose.js';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { OutboxMailer } from '../../adapters/outbox/mailer.outbox.js';
import { PassThroughCaptchaVerifier } from '../../adapters/pass-through/captcha-verifier.pass-through.js';
import { TurnstileCaptchaVerifier } from '../../adapters/turnstile/captcha-verifier.turnstile.js';
import type { Clock } from '../../ports/clock.js';
import type { Overrides, ResolvedConfig } from '../container.js';
import { TOKENS } from '../tokens.js';
import { bindValue } from './bind.js';

/** Keys, passwords and access tokens, all from the server key. */
export function bindKeys(container: Container, config: ResolvedConfig, overrides: Overrides, clock: Clock): void {
  const serverKey = new TextEncoder().encode(config.secretKey);
  const jwtKey = new Uint8Array(hkdfSync('sha256', serverKey, new Uint8Array(0), 'myelectricaldata:jwt', 32));
  bindValue(container, TOKENS.Keyring, overrides.keyring, () => new NodeCryptoKeyring(serverKey));
  bindValue(container, TOKENS.PasswordHasher, overrides.passwords, () => new BcryptPasswordHasher(config.bcryptCost));
  bindValue(
    container,
    TOKENS.AccessTokens,
    overrides.accessTokens,
    () =>
      new JoseAccessTokens({
        signingKey: jwtKey,
        issuer: 'myelectricaldata-gateway',
        audience: 'myelectricaldata-api',
        lifetimeSeconds: config.accessTokenExpireMinutes * 60,
        clock,
      }),
  );
}

/** Mail (SMTP when configured, loading nodemailer only then; the outbox otherwise) and the captcha. */
export async function bindMailAndCaptcha(container: Container, config: ResolvedConfig, overrides: Overrides): Promise<void> {
  const smtp = config.smtpUrl && !overrides.mailer ? await import('../../adapters/smtp/mailer.smtp.js') : null;
  bindValue(container, TOKENS.Mailer, overrides.mailer, () =>
    smtp && config.smtpUrl ? new smtp.SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(join(config.dataDir, 'outbox')),
  );
  bindValue(container, TOKENS.CaptchaVerifier, overrides.captcha, () =>
    config.turnstile.secretKey
      ? new TurnstileCaptchaVerifier(config.turnstile.secretKey, config.turnstile.verifyUrl ?? undefined)
      : new PassThroughCaptchaVerifier(),
  );
}

export const describeMail = (config: ResolvedConfig, overrides: Overrides): string =>
  overrides.mailer ? 'overridden' : config.smtpUrl ? 'smtp' : `outbox (${join(config.dataDir, 'outbox')})`;
