import type { AppError } from '../../lib/errors';
import { businessRule, conflict } from '../../lib/errors';

/** Pure rules for sending a refund to the gateway again. */

/** A cash/UPI dispute refund: advanced by the platform to the customer and paid by hand, never by the gateway. */
export const DIRECT_REFUND_KIND = 'DISPUTE_DIRECT';

export interface RefundForRetry {
  kind: string;
  amount: number;
  status: 'PENDING' | 'PROCESSED' | 'FAILED';
  gatewayRefundId: string | null;
}

/**
 * RESEND: the gateway never answered (no refund id) — send the same attempt again under the same
 * idempotency key, so a refund it did make is returned instead of made twice.
 * NEW_ATTEMPT: the gateway reported the refund failed (final at Razorpay) — the next attempt, new key.
 */
export type RetryAction = 'RESEND' | 'NEW_ATTEMPT';

export function refundRetryAction(r: RefundForRetry): RetryAction | AppError {
  if (r.kind === DIRECT_REFUND_KIND) {
    return businessRule(
      'NOT_A_GATEWAY_REFUND',
      'This refund is paid to the customer by bank or UPI transfer; record the transfer instead',
    );
  }
  if (r.amount <= 0) return businessRule('NOTHING_TO_REFUND', 'This refund returns nothing to the customer');
  if (r.status === 'PROCESSED') return conflict('REFUND_ALREADY_PROCESSED', 'This refund has already reached the customer');
  if (r.status === 'FAILED') return 'NEW_ATTEMPT';
  if (r.gatewayRefundId) {
    return conflict('REFUND_IN_PROGRESS', 'The gateway accepted this refund and will report its outcome', {
      gatewayRefundId: r.gatewayRefundId,
    });
  }
  return 'RESEND';
}

/** Whether an admin may retry it (what the console shows a button for). */
export const refundRetryable = (r: RefundForRetry) => typeof refundRetryAction(r) === 'string';

/** The gateway idempotency key of one attempt: Razorpay wants ≥ 10 characters of [A-Za-z0-9_-]. */
export const refundIdempotencyKey = (refundId: string, attempt: number) => `refund-${refundId}-${attempt}`;
