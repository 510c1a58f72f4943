import type { Tx } from '../../db/client';
import { AppError, businessRule, notFound } from '../../lib/errors';
import { nonZero } from '../ledger/accounts';
import { activeAdminIds } from '../users/users.repository';
import type { EscrowDeps } from './escrow';
import { cancellationSplit, providerRecoveryFor } from './fees';
import type { PaymentRow, RefundRow } from './payments.repository';
import * as repo from './payments.repository';
import { refundIdempotencyKey, refundRetryAction } from './refund-retry';

/** Booking endings whose in-app payment goes back to the customer (minus any late-cancellation fee). */
export const CANCELLED_STATES = ['CANCELLED', 'NO_SHOW', 'REJECTED', 'EXPIRED'];

/**
 * Refunds of in-app payments: recorded with their ledger postings inside the caller's transaction, sent to
 * the gateway after commit (once, under an idempotency key), settled when the gateway says so, and sent
 * again by an admin when the gateway failed them.
 */
export function createRefunds(deps: EscrowDeps) {
  const { ledger, jobs, notifier } = deps;

  /**
   * Moves `amount` of a payment back to the customer (payment row locked by the caller): from escrow
   * while held, beyond that from the platform's refunds expense (after release, e.g. a dispute) — of
   * which, with `recoverFromProvider`, the provider's share comes back from their wallet
   * (`DISPUTE_RECOVERY`; `providerRecovery` on the result says how much).
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
      recoverFromProvider?: boolean;
    },
  ): Promise<(RefundRow & { providerRecovery: number }) | null> {
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
    const booking = (await repo.findBookingForPayment(tx, payment.bookingId))!;
    const fromEscrowToProvider = Math.min(held, providerShare);
    if (fromEscrowToProvider > 0) {
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
    let providerRecovery = 0;
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
      if (input.recoverFromProvider) {
        providerRecovery = providerRecoveryFor({
          method: payment.method,
          refund: input.amount,
          fromEscrow,
          remaining: payment.amount - payment.refundedAmount,
          providerEarnings: payment.providerEarnings,
        });
      }
      if (providerRecovery > 0) {
        await ledger.post(tx, {
          kind: 'DISPUTE_RECOVERY',
          reference: refund.id,
          bookingId: payment.bookingId,
          memo: 'Refund of a released in-app payment: the provider share recovered from their wallet',
          lines: [
            { account: { wallet: booking.providerId }, amount: providerRecovery },
            { account: 'refunds_expense', amount: -providerRecovery },
          ],
        });
      }
      await jobs.send('payments.refund_execute', { refundId: refund.id }, { tx, singletonKey: `refund-exec:${refund.id}` });
    } else {
      await repo.updateRefund(tx, refund.id, { status: 'PROCESSED', processedAt: new Date() });
    }
    const refundedAmount = payment.refundedAmount + input.amount;
    const fullyGone = refundedAmount + providerShare >= payment.amount;
    await repo.updatePayment(tx, payment.id, {
      refundedAmount,
      refundedAt: input.amount > 0 ? new Date() : payment.refundedAt,
      providerEarnings: Math.max(0, payment.providerEarnings + providerShare - providerRecovery),
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
      await notifier.notify(tx, {
        userId: booking.customerUserId,
        type: 'REFUND_ISSUED',
        data: { bookingId: booking.id, bookingNumber: booking.bookingNumber, amountPaise: input.amount, reason: input.kind },
      });
    }
    return { ...refund, providerRecovery };
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

  return { createRefund, refundCancelledBooking, executeRefund, applyRefundEvent, reopenRefund };
}
