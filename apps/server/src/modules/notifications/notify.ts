import type { Tx } from '../../db/client';
import type { JobQueue } from '../../jobs/jobs';
import type { EventBus } from '../../lib/events';
import { notifications } from './notifications.tables';

/** Every notification the product sends. Templates (English and Hindi) are keyed by these. */
export type NotificationType =
  | 'BOOKING_REQUESTED'
  | 'BOOKING_CONFIRMED'
  | 'BOOKING_REJECTED'
  | 'BOOKING_EXPIRED'
  | 'BOOKING_CANCELLED'
  | 'BOOKING_RESCHEDULE_PROPOSED'
  | 'BOOKING_RESCHEDULED'
  | 'PROVIDER_ON_THE_WAY'
  | 'JOB_STARTED'
  | 'JOB_COMPLETED'
  | 'PAYMENT_RECORDED'
  | 'REFUND_ISSUED'
  | 'REFUND_FAILED'
  | 'REVIEW_RECEIVED'
  | 'KYC_VERIFIED'
  | 'BACKGROUND_CHECK_PASSED'
  | 'BACKGROUND_CHECK_FAILED'
  | 'PROVIDER_SUBMITTED'
  | 'PROVIDER_APPROVED'
  | 'PROVIDER_REJECTED'
  | 'PROVIDER_SUSPENDED'
  | 'PROVIDER_REINSTATED'
  | 'PAYOUT_PROCESSED'
  | 'PAYOUT_FAILED'
  | 'BOOKING_DISPUTED'
  | 'DISPUTE_RESOLVED'
  | 'CHAT_MESSAGE';

export interface NotifyInput {
  userId: string;
  type: NotificationType;
  /** Values the templates interpolate (bookingNumber, providerName, reason, amountPaise…). */
  data: Record<string, unknown>;
}

export interface Notifier {
  /** Records the in-app notification and enqueues delivery on the other channels, inside `tx`. */
  notify(tx: Tx, input: NotifyInput): Promise<void>;
}

/**
 * Minimal notifier: stores the in-app row and enqueues `notifications.deliver`. The notifications
 * module replaces the title/body rendering with its bilingual templates and channel preferences.
 */
export function createBasicNotifier(deps: { jobs: JobQueue; events: EventBus }): Notifier {
  return {
    async notify(tx, input) {
      const [row] = await tx
        .insert(notifications)
        .values({ userId: input.userId, type: input.type, title: input.type, body: input.type, data: input.data })
        .returning();
      await deps.jobs.send('notifications.deliver', { notificationId: row!.id }, { tx });
    },
  };
}
