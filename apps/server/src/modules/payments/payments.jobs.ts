import type { Container } from '../../container';
import type { SignedWebhook } from '../../integrations/payments/sandbox';
import type { JobQueue } from '../../jobs/jobs';
import type { BookingHook } from '../bookings/bookings.service';
import type { PaymentService } from './payments.service';

const REFUNDABLE_ENDINGS = ['CANCELLED', 'NO_SHOW', 'REJECTED', 'EXPIRED'];

/** Queues payments send to inside transactions (created at start, before any handler registers). */
export const paymentQueues = [
  'payments.refund_cancelled',
  'payments.refund_execute',
  'payments.sandbox_webhooks',
  'payouts.process',
  'payouts.auto_weekly',
] as const;

/** Background work of payments and wallets. */
export function registerPaymentJobs(c: Container): void {
  const { jobs, payments, wallet } = c;
  jobs.work<{ bookingId: string }>('payments.refund_cancelled', async ({ bookingId }) =>
    payments.refundCancelledBooking(bookingId),
  );
  jobs.work<{ refundId: string }>('payments.refund_execute', async ({ refundId }) => payments.escrow.executeRefund(refundId));
  // The sandbox gateway's webhooks, delivered asynchronously like the real gateway's.
  jobs.work<{ webhooks: SignedWebhook[] }>('payments.sandbox_webhooks', async ({ webhooks }) => {
    for (const w of webhooks) await payments.handleWebhook('sandbox', w.rawBody, { signature: w.signature, eventId: w.eventId });
  });
  jobs.work<{ payoutId: string }>('payouts.process', async ({ payoutId }) => wallet.processPayout(payoutId));
  jobs.work('payouts.auto_weekly', async () => {
    await wallet.runAutoPayouts();
  });
  // Mondays 10:00 India time.
  jobs.schedule('payouts.auto_weekly', '0 10 * * 1');
}

/**
 * In-transaction hooks on the booking lifecycle:
 * - the customer (or the 24 h auto-confirm) confirms completion → release the escrow in that same transaction;
 * - a booking ends cancelled / no-show / rejected / expired → a refund job (the gateway call runs outside the tx).
 */
export function connectBookingHooks(
  bookings: { onCustomerConfirmed(h: BookingHook): void; onTransition(h: BookingHook): void },
  payments: PaymentService,
  jobs: JobQueue,
): void {
  bookings.onCustomerConfirmed(async (tx, e) => {
    await payments.releaseEscrowForBooking(tx, e.booking.id);
  });
  bookings.onTransition(async (tx, e) => {
    if (REFUNDABLE_ENDINGS.includes(e.to)) {
      await jobs.send('payments.refund_cancelled', { bookingId: e.booking.id }, { tx, singletonKey: `refund:${e.booking.id}` });
    }
  });
}
