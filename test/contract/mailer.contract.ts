import { describe, expect, it } from 'vitest';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { MailMessage, Mailer } from '../../ports/mailer.js';

export interface MailerHarness {
  readonly mailer: Mailer;
  /** What reached the other side (the SMTP server, the outbox), as recipient, subject and text. */
  delivered(): Promise<MailMessage[]>;
  /** The same mailer when its destination refuses; null when nothing can refuse it. */
  readonly broken: Mailer | null;
  close(): Promise<void>;
}

/** The Mailer contract: `send` resolves once the message is accepted; a failure is InfrastructureFailure('mailer'). */
export function mailerContract(adapter: string, factory: () => Promise<MailerHarness>) {
  describe(`Mailer contract: ${adapter}`, () => {
    it('when a message is sent, then its recipient, subject and text are delivered whole', async () => {
      const harness = await factory();
      try {
        const message = {
          to: 'jeanne@example.org',
          subject: 'Reset your password',
          text: 'Open https://front.test/reset-password?token=abc\nwithin one hour.',
        };
        await harness.mailer.send(message);
        const delivered = await harness.delivered();
        expect(delivered).toHaveLength(1);
        expect(delivered[0]!.to).toBe(message.to);
        expect(delivered[0]!.subject).toBe(message.subject);
        expect(delivered[0]!.text).toContain('reset-password?token=abc');
      } finally {
        await harness.close();
      }
    });

    it('when the destination refuses, then the failure is an InfrastructureFailure of the mailer', async () => {
      const harness = await factory();
      try {
        if (!harness.broken) return expect(harness.broken).toBeNull();
        await expect(harness.broken.send({ to: 'x@example.org', subject: 's', text: 't' })).rejects.toSatisfy(
          (error: unknown) => error instanceof InfrastructureFailure && error.component === 'mailer',
        );
      } finally {
        await harness.close();
      }
    });
  });
}
