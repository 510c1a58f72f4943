import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/auth';
import { assertCanAccess } from '../../http/auth';
import type { PaymentGateway } from '../../integrations/payments/port';
import type { SandboxGateway } from '../../integrations/payments/sandbox';
import type { JobQueue } from '../../jobs/jobs';
import { AppError, businessRule, conflict, forbidden, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { recordAudit } from '../audit/audit.repository';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../notifications/notify';
import { createEscrow } from './escrow';
import { payableAmount, upiPayload } from './payable';
import { paymentView, refundView } from './payment-view';
import * as repo from './payments.repository';

export interface PaymentServiceDeps {
  db: Db;
  ledger: Ledger;
  gateway: PaymentGateway;
  sandbox: SandboxGateway | null;
  jobs: JobQueue;
  notifier: Notifier;
  events: EventBus;
  config: Config;
  logger: Logger;
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export function createPaymentService(deps: PaymentServiceDeps) {
  const { db, gateway, notifier } = deps;
  const escrow = createEscrow(deps);

  /** The booking, if the caller is its customer or provider (or an admin); otherwise 404. */
  async function bookingFor(actor: Actor, bookingId: string) {
    const booking = await repo.findBookingForPayment(db, bookingId);
    if (!booking) throw notFound('Booking');
    assertCanAccess(actor, { customerId: booking.customerId, providerId: booking.providerId }, { notFoundInstead: 'Booking' });
    return booking;
  }

  // ---------- cash and direct UPI ----------

  async function recordDirect(actor: Actor, input: { bookingId: string; method: 'CASH' | 'UPI'; amount: number }) {
    if (actor.role === 'ADMIN') throw forbidden('Only the customer or the provider records a direct payment');
    const booking = await bookingFor(actor, input.bookingId);
    const due = payableAmount(booking, input.method);
    if (due == null) throw businessRule('BOOKING_NOT_PAYABLE', `A ${booking.status.toLowerCase()} booking cannot be paid now`);
    if (input.amount !== due)
      throw businessRule('AMOUNT_MISMATCH', 'The amount must equal what is due for this booking', { expected: due });
    const byCustomer = actor.customerId === booking.customerId;
    try {
      return await db.transaction(async (tx) => {
        const live = await repo.findLivePayment(tx, booking.id, true);
        if (live) {
          const abandonedOnline =
            live.method === 'ONLINE' && live.status === 'PENDING' && !(await repo.capturedAttempt(tx, live.id));
          if (!abandonedOnline) throw conflict('ALREADY_PAID', 'This booking already has a payment', { paymentId: live.id });
          // The customer switched to cash/UPI: the unpaid order is superseded (a late capture on it is refunded).
          await repo.updatePayment(tx, live.id, { status: 'FAILED', gatewayResponse: { superseded: true } });
        }
        const now = new Date();
        const payment = await repo.insertPayment(tx, {
          bookingId: booking.id,
          amount: input.amount,
          method: input.method,
          status: 'PENDING',
          customerMarkedPaidAt: byCustomer ? now : null,
          providerConfirmedAt: byCustomer ? null : now,
        });
        await notifier.notify(tx, {
          userId: byCustomer ? booking.providerUserId : booking.customerUserId,
          type: 'PAYMENT_RECORDED',
          data: {
            bookingId: booking.id,
            bookingNumber: booking.bookingNumber,
            paymentId: payment.id,
            amountPaise: payment.amount,
            method: payment.method,
            awaitingConfirmation: true,
          },
        });
        return paymentView(payment);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('ALREADY_PAID', 'This booking already has a payment');
      throw err;
    }
  }

  /** The other party confirms a direct payment; when both have, it is COMPLETED (no platform fee). */
  async function confirmDirect(actor: Actor, paymentId: string, side: 'PROVIDER' | 'CUSTOMER') {
    return db.transaction(async (tx) => {
      const payment = await repo.findPayment(tx, paymentId, true);
      if (!payment) throw notFound('Payment');
      const booking = (await repo.findBookingForPayment(tx, payment.bookingId))!;
      assertCanAccess(
        actor,
        { customerId: booking.customerId, providerId: booking.providerId },
        { notFoundInstead: 'Payment', allowAdmin: false },
      );
      if (side === 'PROVIDER' && actor.providerId !== booking.providerId) throw forbidden('Only the provider confirms receipt');
      if (side === 'CUSTOMER' && actor.customerId !== booking.customerId) throw forbidden('Only the customer confirms paying');
      if (payment.method === 'ONLINE') throw businessRule('NOT_A_DIRECT_PAYMENT', 'In-app payments are confirmed by the gateway');
      if (payment.status !== 'PENDING') {
        if (payment.status === 'COMPLETED') return paymentView(payment);
        throw conflict('ILLEGAL_TRANSITION', `The payment is ${payment.status.toLowerCase()}`);
      }
      const now = new Date();
      const customerMarkedPaidAt = payment.customerMarkedPaidAt ?? (side === 'CUSTOMER' ? now : null);
      const providerConfirmedAt = payment.providerConfirmedAt ?? (side === 'PROVIDER' ? now : null);
      const done = customerMarkedPaidAt && providerConfirmedAt;
      const updated = await repo.updatePayment(tx, payment.id, {
        customerMarkedPaidAt,
        providerConfirmedAt,
        ...(done ? { status: 'COMPLETED' as const, paidAt: now, platformFee: 0, providerEarnings: payment.amount } : {}),
      });
      if (done && payment.status !== updated.status) {
        await notifier.notify(tx, {
          userId: side === 'PROVIDER' ? booking.customerUserId : booking.providerUserId,
          type: 'PAYMENT_RECORDED',
          data: {
            bookingId: booking.id,
            bookingNumber: booking.bookingNumber,
            paymentId: payment.id,
            amountPaise: payment.amount,
            method: payment.method,
            completed: true,
          },
        });
      }
      return paymentView(updated);
    });
  }

  async function upiIntent(actor: Actor, bookingId: string) {
    const booking = await bookingFor(actor, bookingId);
    if (!booking.providerUpiId) throw businessRule('UPI_NOT_AVAILABLE', 'This provider has not added a UPI id');
    const amount = payableAmount(booking, 'UPI');
    if (amount == null) throw businessRule('BOOKING_NOT_PAYABLE', `A ${booking.status.toLowerCase()} booking cannot be paid now`);
    const payload = upiPayload({
      vpa: booking.providerUpiId,
      payeeName: booking.providerName,
      amountPaise: amount,
      note: booking.bookingNumber,
    });
    return {
      bookingId: booking.id,
      payeeVpa: booking.providerUpiId,
      payeeName: booking.providerName,
      amount,
      currency: 'INR' as const,
      note: booking.bookingNumber,
      payload,
    };
  }

  // ---------- in-app ----------

  async function createIntent(actor: Actor, bookingId: string) {
    const booking = await bookingFor(actor, bookingId);
    if (actor.customerId !== booking.customerId) throw forbidden('Only the customer pays for a booking');
    const due = payableAmount(booking, 'ONLINE');
    if (due == null) throw businessRule('BOOKING_NOT_PAYABLE', `A ${booking.status.toLowerCase()} booking cannot be paid now`);
    if (due < 100) throw businessRule('AMOUNT_TOO_SMALL', 'In-app payments start at ₹1');

    const claim = await db
      .transaction(async (tx) => {
        const live = await repo.findLivePayment(tx, booking.id, true);
        if (live) {
          const reusable = live.method === 'ONLINE' && live.status === 'PENDING' && live.gatewayOrderId;
          if (reusable && live.amount === due) return { reuse: live };
          const orderBeingCreated = live.method === 'ONLINE' && live.status === 'PENDING' && !live.gatewayOrderId;
          if (orderBeingCreated && Date.now() - live.createdAt.getTime() < 60_000) {
            throw conflict('PAYMENT_IN_PROGRESS', 'A payment for this booking is being set up; retry shortly');
          }
          if (live.method === 'ONLINE' && live.status === 'PENDING' && !(await repo.capturedAttempt(tx, live.id))) {
            // The price changed or order creation failed earlier: retire the stale order.
            await repo.updatePayment(tx, live.id, { status: 'FAILED', gatewayResponse: { superseded: true } });
          } else {
            throw conflict('ALREADY_PAID', 'This booking already has a payment', { paymentId: live.id });
          }
        }
        return {
          created: await repo.insertPayment(tx, { bookingId: booking.id, amount: due, method: 'ONLINE', status: 'PENDING' }),
        };
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err))
          throw conflict('PAYMENT_IN_PROGRESS', 'A payment for this booking is being set up; retry shortly');
        throw err;
      });

    if ('reuse' in claim && claim.reuse) {
      const p = claim.reuse;
      return intentView(p.id, p.gatewayOrderId!, p.amount, booking.bookingNumber);
    }
    const payment = claim.created!;
    let order: Awaited<ReturnType<PaymentGateway['createOrder']>>;
    try {
      order = await gateway.createOrder({
        amountPaise: payment.amount,
        receipt: payment.id.replace(/-/g, '').slice(0, 40),
        notes: { bookingId: booking.id, bookingNumber: booking.bookingNumber, paymentId: payment.id },
      });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, paymentId: payment.id }, 'gateway order creation failed');
      await db.transaction((tx) =>
        repo.updatePayment(tx, payment.id, { status: 'FAILED', gatewayResponse: { orderError: true } }),
      );
      throw new AppError('VENDOR_UNAVAILABLE', 'The payment gateway is unavailable; try again');
    }
    await db.transaction((tx) => repo.updatePayment(tx, payment.id, { gatewayOrderId: order.orderId }));
    return { ...intentView(payment.id, order.orderId, payment.amount, booking.bookingNumber), checkout: order.checkout };
  }

  function intentView(paymentId: string, orderId: string, amount: number, bookingNumber: string) {
    const checkoutUrl =
      gateway.name === 'sandbox'
        ? `${(deps.config.PUBLIC_URL ?? '').replace(/\/$/, '')}/api/payments/sandbox/checkout/${orderId}`
        : undefined;
    return {
      paymentId,
      orderId,
      amount,
      currency: 'INR' as const,
      description: bookingNumber,
      checkout: {
        gateway: gateway.name,
        keyId: gatewayKeyId(),
        orderId,
        amount,
        currency: 'INR' as const,
        ...(checkoutUrl ? { checkoutUrl } : {}),
      },
    };
  }
  const gatewayKeyId = () => (gateway.name === 'razorpay' ? (deps.config.RAZORPAY_KEY_ID ?? '') : 'rzp_test_sandbox');

  /** The checkout callback: signature over OUR stored order id and the gateway payment id. */
  async function verifyCheckout(actor: Actor, input: { orderId: string; paymentId: string; signature: string }) {
    const found = await repo.findPaymentByOrder(db, input.orderId);
    if (!found) throw notFound('Payment');
    const booking = (await repo.findBookingForPayment(db, found.bookingId))!;
    assertCanAccess(actor, { customerId: booking.customerId }, { notFoundInstead: 'Payment', allowAdmin: false });
    if (
      !gateway.verifyPaymentSignature({ orderId: found.gatewayOrderId!, paymentId: input.paymentId, signature: input.signature })
    ) {
      throw new AppError('INVALID_SIGNATURE', 'The payment signature does not match', { status: 400 });
    }
    return db.transaction(async (tx) => {
      const payment = (await repo.findPaymentByOrder(tx, input.orderId, true))!;
      const outcome = await escrow.applyCapture(tx, payment, { gatewayPaymentId: input.paymentId, amount: null });
      const after = (await repo.findPayment(tx, payment.id))!;
      return { outcome, payment: paymentView(after) };
    });
  }

  /**
   * A gateway webhook: authenticated over the raw body, recorded once per event id, then applied
   * in the same transaction (so a crash mid-way leaves no record and the gateway retries).
   */
  async function handleWebhook(gatewayName: string, rawBody: Buffer | string, headers: { signature?: string; eventId?: string }) {
    if (gatewayName !== gateway.name) throw notFound('Webhook');
    if (!gateway.verifyWebhook(rawBody, headers.signature)) {
      throw new AppError('INVALID_SIGNATURE', 'The webhook signature does not match', { status: 400 });
    }
    let event: ReturnType<PaymentGateway['parseWebhook']>;
    try {
      event = gateway.parseWebhook(rawBody, headers.eventId);
    } catch {
      throw new AppError('BAD_REQUEST', 'Not a gateway event');
    }
    return db.transaction(async (tx) => {
      const recordId = await repo.recordWebhookEvent(tx, {
        gateway: gateway.name,
        eventId: event.eventId,
        type: event.rawType,
        payload: JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')) as Record<string, unknown>,
      });
      if (!recordId) return { status: 'duplicate' as const, outcome: 'DUPLICATE' };
      let outcome = 'IGNORED';
      if (event.type === 'refund.processed' || event.type === 'refund.failed') {
        outcome = event.refundId
          ? await escrow.applyRefundEvent(tx, event.refundId, event.type === 'refund.processed')
          : 'IGNORED';
      } else if (
        (event.type === 'payment.captured' || event.type === 'order.paid' || event.type === 'payment.failed') &&
        event.orderId &&
        event.paymentId
      ) {
        const payment = await repo.findPaymentByOrder(tx, event.orderId, true);
        if (!payment) outcome = 'UNKNOWN_ORDER';
        else if (event.type === 'payment.failed') {
          outcome = await escrow.applyFailure(tx, payment, {
            gatewayPaymentId: event.paymentId,
            amount: event.amountPaise,
            reason: event.errorReason,
          });
        } else {
          outcome = await escrow.applyCapture(tx, payment, { gatewayPaymentId: event.paymentId, amount: event.amountPaise });
        }
      }
      await repo.setWebhookOutcome(tx, recordId, outcome);
      return { status: 'processed' as const, outcome };
    });
  }

  // ---------- reads ----------

  async function getPayment(actor: Actor, paymentId: string) {
    const payment = await repo.findPayment(db, paymentId);
    if (!payment) throw notFound('Payment');
    const booking = (await repo.findBookingForPayment(db, payment.bookingId))!;
    assertCanAccess(actor, { customerId: booking.customerId, providerId: booking.providerId }, { notFoundInstead: 'Payment' });
    const [attempts, refunds] = await Promise.all([repo.listAttempts(db, payment.id), repo.listRefunds(db, payment.id)]);
    return {
      ...paymentView(payment),
      attempts: attempts.map((a) => ({
        gatewayPaymentId: a.gatewayPaymentId,
        status: a.status,
        amount: a.amount,
        errorReason: a.errorReason,
        createdAt: a.createdAt.toISOString(),
      })),
      refunds: refunds.map(refundView),
    };
  }

  async function listForBooking(actor: Actor, bookingId: string) {
    const booking = await bookingFor(actor, bookingId);
    const rows = await repo.listPaymentsForBooking(db, booking.id);
    return { items: rows.map(paymentView) };
  }

  // ---------- refunds ----------

  /** Admin refund (disputes, goodwill). Audited; sent to the gateway at once and retried by a job. */
  /** After an admin's commit: ask the gateway at once (the job retries if that fails) and show the refund. */
  async function sendRefundNow(refundId: string) {
    try {
      await escrow.executeRefund(refundId);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message, refundId }, 'refund call failed; the job retries it');
    }
    return refundView((await repo.findRefund(db, refundId))!);
  }

  /** Admin: send a refund the gateway failed (or never acknowledged) again; audited. */
  async function adminRetryRefund(actor: Actor, refundId: string, ip: string | null) {
    await db.transaction(async (tx) => {
      const before = await escrow.reopenRefund(tx, refundId);
      const after = (await repo.findRefund(tx, refundId))!;
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'refund.retry',
        objectType: 'refund',
        objectId: refundId,
        before: { status: before.status, attempt: before.attempt, gatewayRefundId: before.gatewayRefundId },
        after: { status: after.status, attempt: after.attempt },
        ip,
      });
    });
    return sendRefundNow(refundId);
  }

  async function adminRefund(actor: Actor, paymentId: string, input: { amountPaise: number; reason: string }, ip: string | null) {
    const refund = await db.transaction(async (tx) => {
      const payment = await repo.findPayment(tx, paymentId, true);
      if (!payment) throw notFound('Payment');
      if (payment.method !== 'ONLINE')
        throw businessRule('NOT_REFUNDABLE', 'Cash and direct UPI payments are settled between the parties');
      if (!['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED'].includes(payment.status)) {
        throw businessRule('NOT_REFUNDABLE', `A ${payment.status.toLowerCase()} payment cannot be refunded`);
      }
      const created = await escrow.createRefund(tx, payment, {
        kind: 'ADMIN',
        amount: input.amountPaise,
        reason: input.reason,
        requestedByUserId: actor.userId,
      });
      if (!created) throw conflict('CONFLICT', 'The refund could not be recorded');
      const after = (await repo.findPayment(tx, payment.id))!;
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'payment.refund',
        objectType: 'payment',
        objectId: payment.id,
        before: { status: payment.status, refundedAmount: payment.refundedAmount },
        after: {
          status: after.status,
          refundedAmount: after.refundedAmount,
          refundId: created.id,
          amountPaise: input.amountPaise,
        },
        reason: input.reason,
        ip,
      });
      return created;
    });
    return sendRefundNow(refund.id);
  }

  // ---------- sandbox checkout ----------

  /**
   * What the sandbox checkout page shows for one of our gateway orders: a booking payment, or a
   * provider's background-check fee (the other order the app creates). `open` while still payable.
   */
  async function sandboxOrder(orderId: string) {
    if (!deps.sandbox) throw notFound('Checkout');
    const payment = await repo.findPaymentByOrder(db, orderId);
    if (payment) {
      const booking = (await repo.findBookingForPayment(db, payment.bookingId))!;
      return {
        amountPaise: payment.amount,
        open: payment.status === 'PENDING',
        status: payment.status as string,
        bookingNumber: booking.bookingNumber as string | null,
        payeeName: booking.providerName,
      };
    }
    const fee = await repo.findBackgroundCheckFeeOrder(db, orderId);
    if (!fee) throw notFound('Checkout');
    const open = fee.status === 'FEE_PENDING';
    return {
      amountPaise: fee.feePaise,
      open,
      status: open ? 'PENDING' : 'PAID',
      bookingNumber: null,
      payeeName: 'LocalPro Connect',
    };
  }

  /** The sandbox payer's choice: a Razorpay-style checkout result now, signed webhooks later (a job). */
  async function sandboxComplete(orderId: string, outcome: 'success' | 'failure') {
    const order = await sandboxOrder(orderId);
    if (!order.open) throw conflict('ALREADY_PAID', 'This order is already paid');
    const result = deps.sandbox!.simulatePayment({ orderId, amountPaise: order.amountPaise, outcome });
    await db.transaction(async (tx) => {
      await deps.jobs.send('payments.sandbox_webhooks', { webhooks: result.webhooks }, { tx });
    });
    return {
      outcome,
      razorpay_order_id: orderId,
      razorpay_payment_id: result.paymentId,
      ...(result.signature ? { razorpay_signature: result.signature } : {}),
    };
  }

  return {
    recordDirect,
    confirmDirect,
    upiIntent,
    createIntent,
    verifyCheckout,
    handleWebhook,
    getPayment,
    listForBooking,
    adminRefund,
    adminRetryRefund,
    sandboxOrder,
    sandboxComplete,
    escrow,
    /** Call inside the confirm-completion (or auto-confirm) transaction of a booking. */
    releaseEscrowForBooking: escrow.releaseEscrowForBooking,
    refundCancelledBooking: escrow.refundCancelledBooking,
  };
}
export type PaymentService = ReturnType<typeof createPaymentService>;
