import nodemailer from 'nodemailer';
import type { EmailSender } from './port';

/** SMTP through nodemailer (works with SES, SendGrid, Postmark…); STARTTLS when the server offers it. */
export function createSmtpEmail(opts: {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
  /** Tests talk to a local fake server without TLS. */
  requireTls?: boolean;
}): EmailSender & { close(): void } {
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    requireTLS: opts.requireTls ?? false,
    auth: opts.user ? { user: opts.user, pass: opts.pass ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(msg) {
      const info = await transport.sendMail({ from: opts.from, to: msg.to, subject: msg.subject, text: msg.text });
      return { id: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
