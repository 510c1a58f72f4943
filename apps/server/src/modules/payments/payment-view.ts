import type { PaymentRow, RefundRow } from './payments.repository';
import { refundRetryable } from './refund-retry';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a payment (amounts in paise). */
export function paymentView(p: PaymentRow) {
  return {
    id: p.id,
    bookingId: p.bookingId,
    amount: p.amount,
    currency: p.currency,
    method: p.method,
    status: p.status,
    platformFee: p.platformFee,
    providerEarnings: p.providerEarnings,
    refundedAmount: p.refundedAmount,
    gatewayOrderId: p.gatewayOrderId,
    transactionId: p.transactionId,
    customerMarkedPaidAt: iso(p.customerMarkedPaidAt),
    providerConfirmedAt: iso(p.providerConfirmedAt),
    paidAt: iso(p.paidAt),
    releasedAt: iso(p.releasedAt),
    refundedAt: iso(p.refundedAt),
    createdAt: p.createdAt.toISOString(),
  };
}
export type PaymentView = ReturnType<typeof paymentView>;

export function refundView(r: RefundRow) {
  return {
    id: r.id,
    paymentId: r.paymentId,
    kind: r.kind,
    amount: r.amount,
    providerShare: r.providerShare,
    status: r.status,
    reason: r.reason,
    gatewayRefundId: r.gatewayRefundId,
    attempt: r.attempt,
    failedGatewayRefundIds: r.failedGatewayRefundIds,
    retryable: refundRetryable(r),
    createdAt: r.createdAt.toISOString(),
    processedAt: iso(r.processedAt),
  };
}
export type RefundView = ReturnType<typeof refundView>;
