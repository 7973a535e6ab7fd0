import nodemailer, { type Transporter } from 'nodemailer';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';
import type { Mailer, MailMessage } from '../../ports/mailer.js';

/** Mail over SMTP with nodemailer; `url` like `smtp://user:password@host:587` or `smtps://…`. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
    } catch (error) {
      throw new InfrastructureFailure('mailer', 'the mail server did not accept the message', { cause: error });
    }
  }

  close(): void {
    this.transport.close();
  }
}
