import { createHash } from 'node:crypto';
import type { GatewayEvent, GatewayEventType } from './port';

/** Razorpay webhook body: `{ entity: "event", event, contains, payload: { payment: { entity } … }, created_at }`. */
export interface RazorpayWebhookBody {
  entity: 'event';
  account_id: string;
  event: string;
  contains: string[];
  payload: Record<string, { entity: Record<string, unknown> }>;
  created_at: number;
}

const knownTypes = new Set<GatewayEventType>([
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
  'transfer.processed',
]);

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/** Normalises a Razorpay-format webhook body. Throws on a body that is not a Razorpay event. */
export function parseRazorpayWebhook(rawBody: Buffer | string, eventIdHeader?: string): GatewayEvent {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const body = JSON.parse(text) as Partial<RazorpayWebhookBody>;
  if (body.entity !== 'event' || typeof body.event !== 'string' || typeof body.payload !== 'object' || !body.payload) {
    throw new Error('not a Razorpay event');
  }
  const payment = body.payload.payment?.entity ?? {};
  const order = body.payload.order?.entity ?? {};
  const refund = body.payload.refund?.entity ?? {};
  const type = knownTypes.has(body.event as GatewayEventType) ? (body.event as GatewayEventType) : 'other';
  const isRefund = type.startsWith('refund.');
  return {
    // Razorpay sends X-Razorpay-Event-Id; a body hash is the fallback so identical deliveries still dedupe.
    eventId: eventIdHeader?.trim() || `sha256:${createHash('sha256').update(text).digest('hex')}`,
    type,
    rawType: body.event,
    orderId: str(payment.order_id) ?? str(order.id),
    paymentId: str(payment.id) ?? str(refund.payment_id),
    refundId: str(refund.id),
    amountPaise: isRefund ? int(refund.amount) : (int(payment.amount) ?? int(order.amount_paid)),
    errorReason: str(payment.error_description) ?? str(payment.error_reason),
    occurredAt: new Date((int(body.created_at) ?? Math.floor(Date.now() / 1000)) * 1000),
  };
}

/** Builds a Razorpay-format event body (the sandbox gateway and the fake Razorpay server send these). */
export function buildRazorpayWebhook(
  event: string,
  entities: { payment?: Record<string, unknown>; order?: Record<string, unknown>; refund?: Record<string, unknown> },
  accountId = 'acc_sandbox',
): RazorpayWebhookBody {
  const payload: RazorpayWebhookBody['payload'] = {};
  for (const [k, v] of Object.entries(entities)) if (v) payload[k] = { entity: v };
  return {
    entity: 'event',
    account_id: accountId,
    event,
    contains: Object.keys(payload),
    payload,
    created_at: Math.floor(Date.now() / 1000),
  };
}
