import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll } from 'vitest';
import { BcryptPasswordHasher } from '../../adapters/bcrypt/password-hasher.bcrypt.js';
import { JoseAccessTokens } from '../../adapters/jose/access-tokens.jose.js';
import { SilentTelemetry } from '../../adapters/memory/telemetry.silent.js';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { OutboxMailer } from '../../adapters/outbox/mailer.outbox.js';
import { PassThroughCaptchaVerifier } from '../../adapters/pass-through/captcha-verifier.pass-through.js';
import { PrometheusTelemetry } from '../../adapters/prometheus/telemetry.prometheus.js';
import { SmtpMailer } from '../../adapters/smtp/mailer.smtp.js';
import { SystemClock } from '../../adapters/system/clock.system.js';
import { TurnstileCaptchaVerifier } from '../../adapters/turnstile/captcha-verifier.turnstile.js';
import type { MailMessage } from '../../ports/mailer.js';
import { ManualClock } from '../support/clock.js';
import { smtpSink } from '../support/smtp.js';
import { accessTokensContract } from './access-tokens.contract.js';
import { captchaVerifierContract } from './captcha-verifier.contract.js';
import { clockContract } from './clock.contract.js';
import { keyringContract } from './keyring.contract.js';
import { mailerContract } from './mailer.contract.js';
import { passwordHasherContract } from './password-hasher.contract.js';
import { telemetryContract } from './telemetry.contract.js';

/** The adapters that live in the process (no server of their own), each against its port's contract. */
passwordHasherContract('bcrypt', () => new BcryptPasswordHasher(4));

accessTokensContract('jose', () => {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const lifetimeSeconds = 3600;
  return {
    tokens: new JoseAccessTokens({
      signingKey: new TextEncoder().encode('contract-signing-key-0123456789abcdef'),
      issuer: 'i',
      audience: 'a',
      lifetimeSeconds,
      clock,
    }),
    clock,
    lifetimeSeconds,
  };
});

keyringContract('node-crypto', (key) => new NodeCryptoKeyring(new TextEncoder().encode(key)));

clockContract('system', () => new SystemClock());

telemetryContract('silent', () => ({ telemetry: new SilentTelemetry(), counted: async () => null }));
telemetryContract('prometheus', () => {
  const registry = new Registry();
  return { telemetry: new PrometheusTelemetry(registry), counted: () => registry.metrics() };
});

const turnstile = setupServer(
  http.post('https://turnstile.test/siteverify', async ({ request }) =>
    HttpResponse.json({ success: new URLSearchParams(await request.text()).get('response') === 'good-token' }),
  ),
  http.post('https://turnstile-down.test/siteverify', () => new HttpResponse('bad gateway', { status: 502 })),
);
beforeAll(() => turnstile.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => turnstile.close());

captchaVerifierContract('turnstile', () => ({
  verifier: new TurnstileCaptchaVerifier('secret', 'https://turnstile.test/siteverify', 1000),
  accepted: 'good-token',
  refused: 'bad-token',
  unreachable: new TurnstileCaptchaVerifier('secret', 'https://turnstile-down.test/siteverify', 1000),
}));
captchaVerifierContract('pass-through', () => ({ verifier: new PassThroughCaptchaVerifier(), accepted: 'anything', refused: null, unreachable: null }));

/** `To:` and `Subject:` headers, then the text, as the outbox writes a message and as SMTP carries it. */
function parseMessage(raw: string): MailMessage {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head ?? '')?.[1]?.trim() ?? '';
  return { to: header('To'), subject: header('Subject'), text: rest.join('\n\n') };
}

mailerContract('outbox', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-contract-'));
  const blocked = join(dir, 'a-file');
  writeFileSync(blocked, 'not a directory');
  return {
    mailer: new OutboxMailer(join(dir, 'mail')),
    delivered: async () => readdirSync(join(dir, 'mail')).map((f) => parseMessage(readFileSync(join(dir, 'mail', f), 'utf8'))),
    broken: new OutboxMailer(join(blocked, 'mail')),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

mailerContract('smtp', async () => {
  const sink = await smtpSink();
  const mailer = new SmtpMailer(`smtp://127.0.0.1:${sink.port}`, 'Gateway <no-reply@example.org>');
  const broken = new SmtpMailer('smtp://127.0.0.1:1', 'no-reply@example.org');
  return {
    mailer,
    delivered: async () => sink.received.map(parseMessage),
    broken,
    close: async () => {
      mailer.close();
      broken.close();
      await sink.close();
    },
  };
});
