import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import type { PaymentGateway } from '../../integrations/payments/port';
import type { JobQueue } from '../../jobs/jobs';
import { nonZero } from '../ledger/accounts';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../notifications/notify';
import { splitEscrow } from './fees';
import type { BookingForPayment, PaymentRow } from './payments.repository';
import * as repo from './payments.repository';
import { CANCELLED_STATES, createRefunds } from './refunds';

export interface EscrowDeps {
  db: Db;
  ledger: Ledger;
  gateway: PaymentGateway;
  jobs: JobQueue;
  notifier: Notifier;
  config: Config;
  logger: Logger;
}

/**
 * In-app money movements: capture into escrow, release to provider + platform, and refunds (refunds.ts).
 * Every step
 * runs with the payment row locked and posts to the ledger idempotently, so webhooks, the checkout
 * callback and jobs may arrive in any order and any number of times.
 */
export function createEscrow(deps: EscrowDeps) {
  const { ledger, jobs, notifier } = deps;

  async function notifyBoth(
    tx: Tx,
    b: BookingForPayment,
    type: 'PAYMENT_RECORDED' | 'REFUND_ISSUED',
    data: Record<string, unknown>,
  ) {
    const base = { bookingId: b.id, bookingNumber: b.bookingNumber, ...data };
    await notifier.notify(tx, { userId: b.customerUserId, type, data: base });
    await notifier.notify(tx, { userId: b.providerUserId, type, data: base });
  }

  /**
   * A captured gateway payment on `payment`'s order (payment row locked by the caller). The first
   * capture moves the money gateway clearing → escrow; any other capture on the same order (or on a
   * payment already superseded/refunded) is a DUPLICATE and is refunded in full.
   */
  async function applyCapture(tx: Tx, payment: PaymentRow, input: { gatewayPaymentId: string; amount: number | null }) {
    const existing = await repo.findAttempt(tx, input.gatewayPaymentId);
    if (existing && existing.status !== 'FAILED') return 'ALREADY_RECORDED' as const;
    const amount = input.amount ?? payment.amount;
    const booking = (await repo.findBookingForPayment(tx, payment.bookingId))!;
    const firstCapture =
      (payment.status === 'PENDING' || payment.status === 'AUTHORIZED') &&
      amount === payment.amount &&
      !(await repo.capturedAttempt(tx, payment.id));
    if (firstCapture) {
      await repo.upsertAttempt(tx, {
        paymentId: payment.id,
        gatewayPaymentId: input.gatewayPaymentId,
        status: 'CAPTURED',
        amount,
      });
      const updated = await repo.updatePayment(tx, payment.id, {
        status: 'CAPTURED',
        transactionId: input.gatewayPaymentId,
        paidAt: new Date(),
      });
      await ledger.post(tx, {
        kind: 'CAPTURE',
        reference: payment.id,
        bookingId: payment.bookingId,
        lines: [
          { account: 'gateway_clearing', amount },
          { account: 'escrow', amount: -amount },
        ],
      });
      await notifyBoth(tx, booking, 'PAYMENT_RECORDED', { amountPaise: amount, method: 'ONLINE', heldInEscrow: true });
      if (booking.status === 'COMPLETED' && booking.customerConfirmedAt) await releaseLocked(tx, updated, booking);
      else if (CANCELLED_STATES.includes(booking.status)) {
        await jobs.send('payments.refund_cancelled', { bookingId: booking.id }, { tx, singletonKey: `refund:${booking.id}` });
      }
      return 'CAPTURED' as const;
    }
    // Duplicate: money arrived that we must give back.
    await repo.upsertAttempt(tx, {
      paymentId: payment.id,
      gatewayPaymentId: input.gatewayPaymentId,
      status: 'DUPLICATE',
      amount,
    });
    await ledger.post(tx, {
      kind: 'DUPLICATE_CAPTURE',
      reference: input.gatewayPaymentId,
      bookingId: payment.bookingId,
      lines: [
        { account: 'gateway_clearing', amount },
        { account: 'refunds_payable', amount: -amount },
      ],
    });
    const refund = await repo.insertRefund(tx, {
      paymentId: payment.id,
      kind: 'DUPLICATE_CAPTURE',
      amount,
      gatewayPaymentId: input.gatewayPaymentId,
      reason: 'A second payment on the same order is refunded automatically',
    });
    if (refund) {
      await jobs.send('payments.refund_execute', { refundId: refund.id }, { tx, singletonKey: `refund-exec:${refund.id}` });
      await notifier.notify(tx, {
        userId: booking.customerUserId,
        type: 'REFUND_ISSUED',
        data: { bookingId: booking.id, bookingNumber: booking.bookingNumber, amountPaise: amount, reason: 'DUPLICATE_PAYMENT' },
      });
    }
    return 'DUPLICATE' as const;
  }

  /** A failed attempt: recorded, never regresses a capture; the order stays open for a retry. */
  async function applyFailure(
    tx: Tx,
    payment: PaymentRow,
    input: { gatewayPaymentId: string; amount: number | null; reason: string | null },
  ) {
    const existing = await repo.findAttempt(tx, input.gatewayPaymentId);
    if (existing) return 'ALREADY_RECORDED' as const;
    await repo.upsertAttempt(tx, {
      paymentId: payment.id,
      gatewayPaymentId: input.gatewayPaymentId,
      status: 'FAILED',
      amount: input.amount ?? payment.amount,
      errorReason: input.reason,
    });
    return 'FAILED_ATTEMPT' as const;
  }

  async function releaseLocked(tx: Tx, payment: PaymentRow, booking: BookingForPayment) {
    const releasable = payment.status === 'CAPTURED' || payment.status === 'PARTIALLY_REFUNDED';
    if (payment.method !== 'ONLINE' || !releasable || payment.releasedAt || !payment.transactionId) return false;
    const held = await ledger.heldInEscrow(tx, { bookingId: booking.id });
    if (held <= 0) return false;
    const split = splitEscrow(held, booking.platformFeeBps, deps.config.GST_RATE_BPS);
    const posted = await ledger.post(tx, {
      kind: 'ESCROW_RELEASE',
      reference: payment.id,
      bookingId: booking.id,
      lines: nonZero([
        { account: 'escrow', amount: held },
        { account: 'platform_revenue', amount: -split.platformFee },
        { account: 'gst_payable', amount: -split.gstOnFee },
        { account: { wallet: booking.providerId }, amount: -split.providerEarnings },
      ]),
    });
    if (!posted) return false;
    await repo.updatePayment(tx, payment.id, {
      status: payment.refundedAmount > 0 ? 'PARTIALLY_REFUNDED' : 'COMPLETED',
      platformFee: split.platformFee,
      providerEarnings: split.providerEarnings,
      releasedAt: new Date(),
    });
    return true;
  }

  /**
   * Releases the escrow of a booking the customer has confirmed (or that was auto-confirmed):
   * platform fee → revenue, GST on it → GST payable, the rest → the provider's wallet. Call it inside
   * the confirm-completion transaction; a no-op when nothing is held or it already ran.
   */
  async function releaseEscrowForBooking(tx: Tx, bookingId: string): Promise<boolean> {
    const payment = await repo.findLivePayment(tx, bookingId, true);
    if (!payment) return false;
    const booking = await repo.findBookingForPayment(tx, bookingId);
    if (booking?.status !== 'COMPLETED' || !booking.customerConfirmedAt) return false;
    return releaseLocked(tx, payment, booking);
  }

  return {
    applyCapture,
    applyFailure,
    releaseEscrowForBooking,
    ...createRefunds(deps),
  };
}
export type Escrow = ReturnType<typeof createEscrow>;
