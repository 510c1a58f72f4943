import type { Db } from '../../db/client';
import { devOutbox } from '../../modules/notifications/notifications.tables';
import type { EmailSender } from './port';

/** Development: an email is a row in the dev outbox. */
export function createLocalEmail(db: Db): EmailSender {
  return {
    async send(msg) {
      const [row] = await db
        .insert(devOutbox)
        .values({ channel: 'email', to: msg.to, subject: msg.subject, body: msg.text })
        .returning({ id: devOutbox.id });
      return { id: row!.id };
    },
  };
}
