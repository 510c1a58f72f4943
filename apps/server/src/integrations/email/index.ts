import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { createLocalEmail } from './local';
import type { EmailSender } from './port';
import { createSmtpEmail } from './smtp';

export function createEmailSender(config: Config, db: Db): EmailSender {
  if (config.EMAIL_PROVIDER === 'smtp') {
    if (!config.SMTP_HOST) throw new Error('EMAIL_PROVIDER=smtp needs SMTP_HOST');
    return createSmtpEmail({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      user: config.SMTP_USER,
      pass: config.SMTP_PASS,
      from: config.EMAIL_FROM,
      requireTls: config.isProduction && !config.SMTP_SECURE,
    });
  }
  return createLocalEmail(db);
}
