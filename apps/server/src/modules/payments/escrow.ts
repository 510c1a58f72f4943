import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import type { PaymentGateway } from '../../integrations/payments/port';
import type { JobQueue } from '../../jobs/jobs';
import { AppError, businessRule, notFound } from '../../lib/errors';
import { nonZero } from '../ledger/accounts';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../notifications/notify';
import { activeAdminIds } from '../users/users.repository';
import { cancellationSplit, splitEscrow } from './fees';
import type { BookingForPayment, PaymentRow } from './payments.repository';
import * as repo from './payments.repository';
import { refundIdempotencyKey, refundRetryAction } from './refund-retry';

export interface EscrowDeps {
  db: Db;
  ledger: Ledger;
  gateway: PaymentGateway;
  jobs: JobQueue;
  notifier: Notifier;
  config: Config;
  logger: Logger;
}

const CANCELLED_STATES = ['CANCELLED', 'NO_SHOW', 'REJECTED', 'EXPIRED'];

/**
 * In-app money movements: capture into escrow, release to provider + platform, refunds. Every step
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

  /**
   * Moves `amount` of a payment back to the customer (payment row locked by the caller): from escrow
   * while held, beyond that from the platform's refunds expense (after release, e.g. a dispute).
   */
  async function createRefund(
    tx: Tx,
    payment: PaymentRow,
    input: {
      kind: 'CANCELLATION' | 'ADMIN';
      amount: number;
      providerShare?: number;
      reason: string | null;
      requestedByUserId?: string | null;
    },
  ) {
    const providerShare = input.providerShare ?? 0;
    if (!payment.transactionId) throw businessRule('NOT_CAPTURED', 'This payment has not been captured');
    const held = await ledger.heldInEscrow(tx, { bookingId: payment.bookingId });
    if (input.amount + providerShare > payment.amount - payment.refundedAmount) {
      throw businessRule('REFUND_EXCEEDS_PAYMENT', 'The refund is more than what is left of the payment', {
        refundable: payment.amount - payment.refundedAmount,
      });
    }
    const refund = await repo.insertRefund(tx, {
      paymentId: payment.id,
      kind: input.kind,
      amount: input.amount,
      providerShare,
      gatewayPaymentId: payment.transactionId,
      reason: input.reason,
      requestedByUserId: input.requestedByUserId ?? null,
    });
    if (!refund) return null;
    const fromEscrowToProvider = Math.min(held, providerShare);
    if (fromEscrowToProvider > 0) {
      const booking = (await repo.findBookingForPayment(tx, payment.bookingId))!;
      await ledger.post(tx, {
        kind: 'CANCELLATION_FEE',
        reference: refund.id,
        bookingId: payment.bookingId,
        lines: [
          { account: 'escrow', amount: fromEscrowToProvider },
          { account: { wallet: booking.providerId }, amount: -fromEscrowToProvider },
        ],
      });
    }
    if (input.amount > 0) {
      const fromEscrow = Math.min(held - fromEscrowToProvider, input.amount);
      await ledger.post(tx, {
        kind: 'REFUND',
        reference: refund.id,
        bookingId: payment.bookingId,
        lines: nonZero([
          { account: 'escrow', amount: fromEscrow },
          { account: 'refunds_expense', amount: input.amount - fromEscrow },
          { account: 'refunds_payable', amount: -input.amount },
        ]),
      });
      await jobs.send('payments.refund_execute', { refundId: refund.id }, { tx, singletonKey: `refund-exec:${refund.id}` });
    } else {
      await repo.updateRefund(tx, refund.id, { status: 'PROCESSED', processedAt: new Date() });
    }
    const refundedAmount = payment.refundedAmount + input.amount;
    const fullyGone = refundedAmount + providerShare >= payment.amount;
    await repo.updatePayment(tx, payment.id, {
      refundedAmount,
      refundedAt: input.amount > 0 ? new Date() : payment.refundedAt,
      providerEarnings: payment.providerEarnings + providerShare,
      status:
        refundedAmount === payment.amount
          ? 'REFUNDED'
          : refundedAmount > 0
            ? 'PARTIALLY_REFUNDED'
            : fullyGone
              ? 'COMPLETED'
              : payment.status,
      ...(payment.releasedAt == null && fullyGone ? { releasedAt: new Date() } : {}),
    });
    if (input.amount > 0) {
      const booking = (await repo.findBookingForPayment(tx, payment.bookingId))!;
      await notifier.notify(tx, {
        userId: booking.customerUserId,
        type: 'REFUND_ISSUED',
        data: { bookingId: booking.id, bookingNumber: booking.bookingNumber, amountPaise: input.amount, reason: input.kind },
      });
    }
    return refund;
  }

  /** After a cancellation / no-show: refund what is held minus the late fee, which goes to the provider. */
  async function refundCancelledBooking(bookingId: string) {
    const refundId = await deps.db.transaction(async (tx) => {
      const payment = await repo.findLivePayment(tx, bookingId, true);
      if (payment?.method !== 'ONLINE' || payment.releasedAt || !payment.transactionId) return null;
      const booking = (await repo.findBookingForPayment(tx, bookingId))!;
      if (!CANCELLED_STATES.includes(booking.status)) return null;
      const held = await ledger.heldInEscrow(tx, { bookingId });
      if (held <= 0) return null;
      const fee = booking.status === 'CANCELLED' || booking.status === 'NO_SHOW' ? booking.cancellationFee : 0;
      const split = cancellationSplit(held, fee);
      const refund = await createRefund(tx, payment, {
        kind: 'CANCELLATION',
        amount: split.refund,
        providerShare: split.providerShare,
        reason: `Booking ${booking.status.toLowerCase()}`,
      });
      return refund && split.refund > 0 ? refund.id : null;
    });
    if (refundId) await executeRefund(refundId);
  }

  /**
   * Sends a PENDING refund to the gateway once (the refund row stays locked during the call), then
   * settles it in the ledger when the gateway reports it processed (now or by webhook).
   */
  async function executeRefund(refundId: string) {
    await deps.db.transaction(async (tx) => {
      const refund = await repo.findRefund(tx, refundId, true);
      if (refund?.status !== 'PENDING' || refund.gatewayRefundId || refund.amount <= 0) return;
      const result = await deps.gateway.refund({
        paymentId: refund.gatewayPaymentId,
        amountPaise: refund.amount,
        idempotencyKey: refundIdempotencyKey(refund.id, refund.attempt),
        notes: { refundId: refund.id, kind: refund.kind },
      });
      await repo.updateRefund(tx, refund.id, { gatewayRefundId: result.refundId });
      if (result.status === 'PROCESSED') await settleRefundLocked(tx, refund.id, refund.amount, refund.paymentId);
    });
  }

  async function settleRefundLocked(tx: Tx, refundId: string, amount: number, paymentId: string) {
    await repo.updateRefund(tx, refundId, { status: 'PROCESSED', processedAt: new Date() });
    const payment = await repo.findPayment(tx, paymentId);
    await ledger.post(tx, {
      kind: 'REFUND_SETTLED',
      reference: refundId,
      bookingId: payment?.bookingId ?? null,
      lines: [
        { account: 'refunds_payable', amount },
        { account: 'gateway_clearing', amount: -amount },
      ],
    });
  }

  /** refund.processed / refund.failed webhooks. */
  async function applyRefundEvent(tx: Tx, gatewayRefundId: string, ok: boolean) {
    const refund = await repo.findRefundByGatewayId(tx, gatewayRefundId, true);
    if (!refund) return 'UNKNOWN_REFUND' as const;
    if (refund.status !== 'PENDING') return 'ALREADY_RECORDED' as const;
    if (ok) {
      await settleRefundLocked(tx, refund.id, refund.amount, refund.paymentId);
      return 'REFUND_PROCESSED' as const;
    }
    // The money stays owed in refunds_payable; the admins are told, and retry it from the console.
    await repo.updateRefund(tx, refund.id, { status: 'FAILED' });
    deps.logger.warn({ refundId: refund.id }, 'gateway reported a refund as failed');
    const payment = await repo.findPayment(tx, refund.paymentId);
    const booking = payment ? await repo.findBookingForPayment(tx, payment.bookingId) : null;
    const data = {
      refundId: refund.id,
      paymentId: refund.paymentId,
      bookingId: booking?.id ?? null,
      bookingNumber: booking?.bookingNumber ?? '',
      amountPaise: refund.amount,
    };
    for (const userId of await activeAdminIds(tx)) await notifier.notify(tx, { userId, type: 'REFUND_FAILED', data });
    return 'REFUND_FAILED' as const;
  }

  /**
   * Readies a refund for another send (admin retry): a FAILED one becomes the next attempt (new
   * idempotency key; the failed gateway id is kept), a PENDING one the gateway never acknowledged is
   * sent again as is. The money stays owed in refunds payable throughout. Returns the refund before.
   */
  async function reopenRefund(tx: Tx, refundId: string) {
    const refund = await repo.findRefund(tx, refundId, true);
    if (!refund) throw notFound('Refund');
    const action = refundRetryAction(refund);
    if (action instanceof AppError) throw action;
    if (action === 'NEW_ATTEMPT') {
      await repo.updateRefund(tx, refund.id, {
        status: 'PENDING',
        attempt: refund.attempt + 1,
        gatewayRefundId: null,
        failedGatewayRefundIds: refund.gatewayRefundId
          ? [...refund.failedGatewayRefundIds, refund.gatewayRefundId]
          : refund.failedGatewayRefundIds,
      });
    }
    const attempt = action === 'NEW_ATTEMPT' ? refund.attempt + 1 : refund.attempt;
    await jobs.send('payments.refund_execute', { refundId }, { tx, singletonKey: `refund-exec:${refundId}:${attempt}` });
    return refund;
  }

  return {
    reopenRefund,
    applyCapture,
    applyFailure,
    releaseEscrowForBooking,
    createRefund,
    refundCancelledBooking,
    executeRefund,
    applyRefundEvent,
  };
}
export type Escrow = ReturnType<typeof createEscrow>;
