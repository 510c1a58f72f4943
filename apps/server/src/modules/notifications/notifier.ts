import type { JobQueue } from '../../jobs/jobs';
import { createNotificationsRepository } from './notifications.repository';
import type { Notifier } from './notify';
import { effectiveChannels } from './preferences';
import { renderNotification } from './templates';

export const DELIVER_JOB = 'notifications.deliver';

/**
 * The product's notifier: renders the template in the recipient's language (English or Hindi), stores the
 * in-app row and enqueues `notifications.deliver`, all inside the caller's transaction — so nothing is
 * sent for a write that rolls back. The live `notification:created` event is emitted by the deliver job,
 * i.e. only after the commit. A user who turned in-app off for a type gets the row already marked read.
 */
export function createNotifier(deps: { jobs: JobQueue }): Notifier {
  return {
    async notify(tx, input) {
      const repo = createNotificationsRepository(tx);
      const who = await repo.recipient(input.userId);
      if (!who) return;
      const text = renderNotification(input.type, who.language, await localised(repo, who.language, input.data));
      const channels = effectiveChannels(
        input.type,
        who.hasPrefs ? { channels: who.channels ?? {}, smsEnabled: who.smsEnabled ?? true } : null,
      );
      const row = await repo.insert({
        userId: input.userId,
        type: input.type,
        title: text.title,
        body: text.body,
        data: input.data,
        readAt: channels.inApp ? null : new Date(),
      });
      await deps.jobs.send(DELIVER_JOB, { notificationId: row.id }, { tx });
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bookings store the service's English name; a Hindi reader gets the catalogue's Hindi name in the text. */
async function localised(
  repo: ReturnType<typeof createNotificationsRepository>,
  lang: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (lang === 'en' || typeof data.serviceName !== 'string' || typeof data.bookingId !== 'string' || !UUID.test(data.bookingId))
    return data;
  const name = await repo.serviceNameFor(data.bookingId, lang);
  return name ? { ...data, serviceName: name } : data;
}
