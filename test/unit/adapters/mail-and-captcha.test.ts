import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../../adapters/outbox/mailer.outbox.js';
import { SmtpMailer } from '../../../adapters/smtp/mailer.smtp.js';
import { TurnstileCaptchaVerifier } from '../../../adapters/turnstile/captcha-verifier.turnstile.js';
import { InfrastructureFailure } from '../../../domain/infrastructure-failure.js';
import { smtpSink } from '../../support/smtp.js';

describe('SmtpMailer', () => {
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let port: number;
  let received: string[];
  beforeAll(async () => {
    sink = await smtpSink();
    ({ port, received } = sink);
  });
  afterAll(() => sink.close());

  it('when a message is sent, then the SMTP server receives it with its sender, recipient, subject and text', async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'Gateway <no-reply@example.org>');
    await mailer.send({ to: 'jeanne@example.org', subject: 'Reset your password', text: 'Open https://front.test/reset-password?token=abc' });
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^From: Gateway <no-reply@example\.org>/m);
    expect(received[0]).toMatch(/^To: jeanne@example\.org/m);
    expect(received[0]).toMatch(/^Subject: Reset your password/m);
    expect(received[0]).toContain('reset-password?token=abc');
  });

  it('when no server listens, then the failure is an InfrastructureFailure of the mailer', async () => {
    const mailer = new SmtpMailer('smtp://127.0.0.1:1', 'no-reply@example.org');
    await expect(mailer.send({ to: 'x@example.org', subject: 's', text: 't' })).rejects.toSatisfy(
      (error: unknown) => error instanceof InfrastructureFailure && error.component === 'mailer',
    );
    mailer.close();
  });
});

describe('OutboxMailer', () => {
  it('when a directory is given, then each message is also written there for a developer to open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const mailer = new OutboxMailer(dir);
      await mailer.send({ to: 'dev@example.org', subject: 'Confirm', text: 'link: https://front.test/verify-email?token=xyz' });
      expect(mailer.lastTo('dev@example.org')?.subject).toBe('Confirm');
      const [file] = readdirSync(dir);
      expect(readFileSync(join(dir, file!), 'utf8')).toContain('verify-email?token=xyz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('TurnstileCaptchaVerifier', () => {
  const server = setupServer();
  let seen: URLSearchParams | null = null;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const verifier = new TurnstileCaptchaVerifier('secret-key', 'https://turnstile.test/siteverify', 500);

  it('when Turnstile accepts or refuses the token, then the verdict follows, and the secret, token and address are sent', async () => {
    server.use(
      http.post('https://turnstile.test/siteverify', async ({ request }) => {
        seen = new URLSearchParams(await request.text());
        return HttpResponse.json({ success: seen.get('response') === 'good', 'error-codes': [] });
      }),
    );
    expect(await verifier.verify('good', '203.0.113.7')).toBe('valid');
    expect(Object.fromEntries(seen!)).toEqual({ secret: 'secret-key', response: 'good', remoteip: '203.0.113.7' });
    expect(await verifier.verify('bad', null)).toBe('invalid');
  });

  it('when Turnstile fails or cannot be reached, then the verdict is unavailable', async () => {
    server.use(http.post('https://turnstile.test/siteverify', () => new HttpResponse('oops', { status: 502 })));
    expect(await verifier.verify('good', null)).toBe('unavailable');
    server.use(http.post('https://turnstile.test/siteverify', () => HttpResponse.error()));
    expect(await verifier.verify('good', null)).toBe('unavailable');
  });
});
