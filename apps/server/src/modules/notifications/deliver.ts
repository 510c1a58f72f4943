import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import type { RateLimiter } from '../../http/rate-limit';
import type { EmailSender } from '../../integrations/email/port';
import type { PushSender } from '../../integrations/push/port';
import type { SmsSender } from '../../integrations/sms/port';
import type { JobQueue } from '../../jobs/jobs';
import type { EventBus } from '../../lib/events';
import type { PresenceLookup } from '../chat/chat.service';
import { notificationView } from './notification.view';
import { createNotificationsRepository } from './notifications.repository';
import { DELIVER_JOB } from './notifier';
import type { NotificationType } from './notify';
import { effectiveChannels, quietHoursEnd } from './preferences';

export interface DeliverJob {
  notificationId: string;
  /** Set on the re-run scheduled for the end of quiet hours. */
  afterQuietHours?: boolean;
}

export interface DeliverDeps {
  db: Db;
  jobs: JobQueue;
  events: EventBus;
  push: PushSender;
  email: EmailSender;
  sms: SmsSender;
  presence: PresenceLookup;
  rateLimiter: RateLimiter;
  logger: Logger;
  now?: () => Date;
}

/** At most one chat SMS per room per this many seconds: a burst of messages is one text. */
const CHAT_SMS_WINDOW_SEC = 15 * 60;

/**
 * The `notifications.deliver` job. In-app: emits `notification.created` (→ socket `notification:created`)
 * right away. Push and SMS: held until the end of the user's quiet hours (a second job is scheduled then);
 * a chat message goes out on push/SMS only if the recipient has no connected socket. Email is not held.
 * Each channel is recorded in `deliveries` once done, so a retried job never sends twice.
 */
export function createDeliverHandler(deps: DeliverDeps) {
  const repo = createNotificationsRepository(deps.db);
  const now = deps.now ?? (() => new Date());

  return async function deliver(job: DeliverJob): Promise<void> {
    const n = await repo.get(job.notificationId);
    if (!n) return;
    const who = await repo.recipient(n.userId);
    if (!who) return;
    const type = n.type as NotificationType;
    const channels = effectiveChannels(
      type,
      who.hasPrefs ? { channels: who.channels ?? {}, smsEnabled: who.smsEnabled ?? true } : null,
    );
    const done = (ch: string) => n.deliveries[ch] !== undefined && !n.deliveries[ch]!.startsWith('deferred');
    const mark = (ch: string, status: string) => repo.markDelivered(n.id, ch, status);

    if (!done('inApp')) {
      if (channels.inApp) deps.events.emit('notification.created', { userId: n.userId, notification: notificationView(n) });
      await mark('inApp', channels.inApp ? 'emitted' : 'off');
    }

    if (!done('email')) {
      if (channels.email && who.email) {
        await deps.email.send({ to: who.email, subject: n.title, text: `${n.body}\n\n— LocalPro Connect` });
        await mark('email', `sent ${now().toISOString()}`);
      } else await mark('email', channels.email ? 'no-address' : 'off');
    }

    const wantPush = channels.push && !done('push');
    const wantSms = channels.sms && !done('sms');
    if (!wantPush && !wantSms) {
      if (!done('push')) await mark('push', 'off');
      if (!done('sms')) await mark('sms', 'off');
      return;
    }
    if (type === 'CHAT_MESSAGE' && (await deps.presence.isOnline(n.userId))) {
      await mark('push', 'skipped-online');
      await mark('sms', 'skipped-online');
      return;
    }
    const quietUntil = job.afterQuietHours ? null : quietHoursEnd(now(), who.quietHoursStart, who.quietHoursEnd);
    if (quietUntil) {
      await deps.jobs.send(DELIVER_JOB, { notificationId: n.id, afterQuietHours: true }, { startAfter: quietUntil });
      if (wantPush) await mark('push', `deferred ${quietUntil.toISOString()}`);
      if (wantSms) await mark('sms', `deferred ${quietUntil.toISOString()}`);
      return;
    }

    if (wantPush) {
      const devices = await repo.devices(n.userId);
      let sent = 0;
      for (const d of devices) {
        const r = await deps.push.send({
          token: d.token,
          title: n.title,
          body: n.body,
          data: { notificationId: n.id, type: n.type, ...stringData(n.data) },
        });
        if (r.ok) sent++;
        else if (r.reason === 'UNREGISTERED') await repo.forgetToken(d.token);
        else deps.logger.warn({ notificationId: n.id, detail: r.detail }, 'push failed');
      }
      await mark('push', devices.length === 0 ? 'no-device' : `sent ${sent}/${devices.length}`);
    } else if (!done('push')) await mark('push', 'off');

    if (wantSms) {
      let allowed = true;
      if (type === 'CHAT_MESSAGE' && typeof n.data.roomId === 'string') {
        allowed = (await deps.rateLimiter.hit(`chat-sms:${n.userId}:${n.data.roomId}`, 1, CHAT_SMS_WINDOW_SEC)).allowed;
      }
      if (allowed) {
        await deps.sms.send({ to: who.phone, body: `LocalPro: ${n.title}. ${n.body}`.slice(0, 300) });
        await mark('sms', `sent ${now().toISOString()}`);
      } else await mark('sms', 'skipped-recent');
    } else if (!done('sms')) await mark('sms', 'off');
  };
}

function stringData(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
  return out;
}

export function registerNotificationJobs(jobs: JobQueue, deps: DeliverDeps): void {
  const deliver = createDeliverHandler(deps);
  jobs.work<DeliverJob>(DELIVER_JOB, (data) => deliver(data));
}
