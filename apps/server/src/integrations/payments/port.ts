/**
 * Payment gateway port. Amounts are integer paise; currency is INR. Adapters: `sandbox` (local
 * default, offline) and `razorpay`. Both speak Razorpay's formats: checkout signature =
 * HMAC-SHA256 hex of `${orderId}|${paymentId}` with the key secret; webhook signature =
 * HMAC-SHA256 hex of the raw body with the webhook secret.
 */
export type GatewayName = 'sandbox' | 'razorpay';

export interface CreateOrderInput {
  amountPaise: number;
  /** Our reference (≤ 40 chars), e.g. the payment id or booking number. */
  receipt: string;
  notes?: Record<string, string>;
}

/** What the client needs to open the checkout (Razorpay Checkout options, or our sandbox page). */
export interface CheckoutParams {
  gateway: GatewayName;
  keyId: string;
  orderId: string;
  amount: number;
  currency: 'INR';
  /** Sandbox only: the page to open. Razorpay clients use checkout.js with the fields above. */
  checkoutUrl?: string;
  /** Razorpay only: Standard Checkout's script (checkout.js), which opens the payment with the fields above. */
  scriptUrl?: string;
}

export interface GatewayOrder {
  orderId: string;
  amount: number;
  currency: 'INR';
  checkout: CheckoutParams;
}

export type GatewayEventType =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'refund.failed'
  | 'transfer.processed'
  | 'other';

/** A webhook normalised to what our payment state machine needs. */
export interface GatewayEvent {
  /** Unique per delivery target (Razorpay's X-Razorpay-Event-Id); the dedupe key. */
  eventId: string;
  type: GatewayEventType;
  /** The vendor's own event name, kept for the record. */
  rawType: string;
  orderId: string | null;
  paymentId: string | null;
  refundId: string | null;
  amountPaise: number | null;
  errorReason: string | null;
  occurredAt: Date;
}

export interface RefundResult {
  refundId: string;
  amountPaise: number;
  status: 'PENDING' | 'PROCESSED';
}

export interface TransferResult {
  transferId: string;
  onHold: boolean;
}

export interface PaymentGateway {
  readonly name: GatewayName;
  createOrder(input: CreateOrderInput): Promise<GatewayOrder>;
  /** Checkout callback check. Pass OUR stored order id, never one the client sent. */
  verifyPaymentSignature(input: { orderId: string; paymentId: string; signature: string }): boolean;
  /** Webhook authenticity: signature over the exact raw bytes received. */
  verifyWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): boolean;
  /** Parse a verified webhook body. `eventIdHeader` is X-Razorpay-Event-Id when present. */
  parseWebhook(rawBody: Buffer | string, eventIdHeader?: string): GatewayEvent;
  /**
   * Refunds (part of) a captured payment. The same `idempotencyKey` with the same request returns the
   * refund made the first time (a lost response can be retried safely); a new attempt needs a new key.
   */
  refund(input: {
    paymentId: string;
    amountPaise: number;
    idempotencyKey: string;
    notes?: Record<string, string>;
  }): Promise<RefundResult>;
  /** Route: move captured money to a provider's linked account, optionally held (escrow). */
  transfer(input: { paymentId: string; linkedAccountId: string; amountPaise: number; onHold: boolean }): Promise<TransferResult>;
  /** Route: release a held transfer. */
  releaseTransfer(transferId: string): Promise<TransferResult>;
}
