import { z } from 'zod';

/** Money is integer paise everywhere in the API. */
export const paiseSchema = z.number().int().positive().max(100_000_000_00);

export const paymentMethodSchema = z.enum(['CASH', 'UPI', 'ONLINE']);
export const paymentStatusSchema = z.enum([
  'PENDING',
  'AUTHORIZED',
  'CAPTURED',
  'COMPLETED',
  'FAILED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
]);

export const recordDirectPaymentBody = z.strictObject({
  bookingId: z.string().uuid(),
  method: z.enum(['CASH', 'UPI']),
  amount: paiseSchema,
});

export const createPaymentIntentBody = z.strictObject({ bookingId: z.string().uuid() });

export const verifyPaymentBody = z.strictObject({
  orderId: z.string().min(1).max(100),
  paymentId: z.string().min(1).max(100),
  signature: z.string().min(1).max(200),
});

export const adminRefundBody = z.strictObject({
  amountPaise: paiseSchema,
  reason: z.string().trim().min(3).max(500),
});

export const withdrawalBody = z.strictObject({ amount: paiseSchema });
export const autoPayoutBody = z.strictObject({ enabled: z.boolean() });

export const paymentResponse = z.object({
  id: z.string().uuid(),
  bookingId: z.string().uuid(),
  amount: z.number().int(),
  currency: z.string(),
  method: paymentMethodSchema,
  status: paymentStatusSchema,
  platformFee: z.number().int(),
  providerEarnings: z.number().int(),
  refundedAmount: z.number().int(),
  gatewayOrderId: z.string().nullable(),
  transactionId: z.string().nullable(),
  customerMarkedPaidAt: z.string().nullable(),
  providerConfirmedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const refundResponse = z.object({
  id: z.string().uuid(),
  paymentId: z.string().uuid(),
  kind: z.string(),
  amount: z.number().int(),
  providerShare: z.number().int(),
  status: z.enum(['PENDING', 'PROCESSED', 'FAILED']),
  reason: z.string().nullable(),
  gatewayRefundId: z.string().nullable(),
  /** Sends to the gateway so far; an admin retry of a failed refund is the next attempt. */
  attempt: z.number().int().min(1),
  /** The gateway's ids of earlier attempts that failed (for reconciliation). */
  failedGatewayRefundIds: z.array(z.string()),
  /** FAILED, or never acknowledged by the gateway: POST /api/admin/refunds/:id/retry. */
  retryable: z.boolean(),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
});

export const paymentDetailResponse = paymentResponse.extend({
  attempts: z.array(
    z.object({
      gatewayPaymentId: z.string(),
      status: z.string(),
      amount: z.number().int(),
      errorReason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  refunds: z.array(refundResponse),
});

export const checkoutParamsSchema = z.object({
  gateway: z.enum(['sandbox', 'razorpay']),
  keyId: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  currency: z.literal('INR'),
  /** Sandbox: our checkout page, opened in a popup. */
  checkoutUrl: z.string().optional(),
  /** Razorpay: the Standard Checkout script; the page opens `new Razorpay({ key, order_id, … })`. */
  scriptUrl: z.string().optional(),
});

export const paymentIntentResponse = z.object({
  paymentId: z.string().uuid(),
  orderId: z.string(),
  amount: z.number().int(),
  currency: z.literal('INR'),
  description: z.string(),
  checkout: checkoutParamsSchema,
});

export const verifyPaymentResponse = z.object({
  outcome: z.enum(['CAPTURED', 'DUPLICATE', 'ALREADY_RECORDED']),
  payment: paymentResponse,
});

export const upiIntentResponse = z.object({
  bookingId: z.string().uuid(),
  payeeVpa: z.string(),
  payeeName: z.string(),
  amount: z.number().int(),
  currency: z.literal('INR'),
  note: z.string(),
  /** upi://pay?pa=…&pn=…&am=…&cu=INR&tn=… — render it as a QR code. */
  payload: z.string(),
});

export const walletResponse = z.object({
  providerId: z.string().uuid(),
  currency: z.literal('INR'),
  available: z.number().int(),
  held: z.number().int(),
  inTransit: z.number().int(),
  lifetimeEarnings: z.number().int(),
  minimumWithdrawal: z.number().int(),
  autoPayout: z.boolean(),
  history: z.object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        kind: z.string(),
        amount: z.number().int(),
        bookingId: z.string().uuid().nullable(),
        createdAt: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});

export const payoutResponse = z.object({
  id: z.string().uuid(),
  providerId: z.string().uuid(),
  amount: z.number().int(),
  status: z.enum(['REQUESTED', 'PROCESSING', 'PROCESSED', 'FAILED']),
  auto: z.boolean(),
  scheduledFor: z.string(),
  failureReason: z.string().nullable(),
  retryOf: z.string().uuid().nullable(),
  createdAt: z.string(),
  processedAt: z.string().nullable(),
});

export const ledgerCheckResponse = z.object({
  ok: z.boolean(),
  totalSum: z.number().int(),
  transactions: z.number().int(),
  entries: z.number().int(),
  unbalancedTransactionIds: z.array(z.string()),
  emptyTransactions: z.number().int(),
  missingAccounts: z.array(z.string()),
});
