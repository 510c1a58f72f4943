import type { Executor } from '../../db/client';
import { recordOutbox } from '../../modules/dev-outbox/dev-outbox.repository';
import type { SmsSender } from './port';

/** Development adapter: "sends" by writing to the dev outbox (GET /api/dev/outbox?to=…). */
export function createLocalSms(db: Executor): SmsSender {
  return {
    provider: 'local',
    async send(message) {
      await recordOutbox(db, { channel: 'sms', to: message.to, body: message.body });
      return { providerMessageId: null };
    },
  };
}
