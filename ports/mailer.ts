export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail. Resolves once the message is accepted for delivery; failures are thrown as InfrastructureFailure('mailer'). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
