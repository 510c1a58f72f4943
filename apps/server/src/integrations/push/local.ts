import type { Db } from '../../db/client';
import { devOutbox } from '../../modules/notifications/notifications.tables';
import type { PushSender } from './port';

/** Development: a "push" is a row in the dev outbox (shown at /api/dev/outbox). */
export function createLocalPush(db: Db): PushSender {
  return {
    async send(msg) {
      const [row] = await db
        .insert(devOutbox)
        .values({ channel: 'push', to: msg.token, subject: msg.title, body: msg.body })
        .returning({ id: devOutbox.id });
      return { ok: true, id: row!.id };
    },
  };
}
