import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { Mailer, MailMessage } from '../../ports/mailer.js';

/**
 * A Mailer that delivers nothing: it keeps every message, for tests to read, and when given a
 * directory also writes each one there as a text file, for a developer to open and follow the link.
 */
export class OutboxMailer implements Mailer {
  readonly messages: Array<MailMessage & { readonly sentAt: Date }> = [];

  constructor(private readonly directory: string | null = null) {}

  async send(message: MailMessage): Promise<void> {
    const sentAt = new Date();
    this.messages.push({ ...message, sentAt });
    if (this.directory === null) return;
    const name = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${message.to.replace(/[^\w.@-]/g, '_')}.txt`;
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(join(this.directory, name), `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`, { mode: 0o600 });
    } catch (error) {
      throw new InfrastructureFailure('mailer', 'the outbox directory cannot be written', { cause: error });
    }
  }

  /** The newest message to that address, or undefined. */
  lastTo(address: string): (MailMessage & { readonly sentAt: Date }) | undefined {
    return [...this.messages].reverse().find((m) => m.to === address);
  }
}
