import { createHash } from 'node:crypto';
import type { PayoutEvent, PayoutState } from './port';

/** RazorpayX payout statuses → ours. queued/pending/processing are all "in flight". */
export function payoutStateOf(status: string): PayoutState {
  if (status === 'processed') return 'PROCESSED';
  if (['failed', 'reversed', 'rejected', 'cancelled'].includes(status)) return 'FAILED';
  return 'PROCESSING';
}

/** Parses a RazorpayX payout webhook (`{ event: "payout.processed", payload: { payout: { entity } } }`). */
export function parseRazorpayXWebhook(rawBody: Buffer | string, eventIdHeader?: string): PayoutEvent | null {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const body = JSON.parse(text) as { event?: string; payload?: { payout?: { entity?: Record<string, unknown> } } };
  const p = body.payload?.payout?.entity;
  if (!body.event?.startsWith('payout.') || !p || typeof p.id !== 'string' || typeof p.status !== 'string') return null;
  const details = (p.status_details ?? {}) as { description?: string };
  return {
    eventId: eventIdHeader?.trim() || `sha256:${createHash('sha256').update(text).digest('hex')}`,
    vendorPayoutId: p.id,
    referenceId: typeof p.reference_id === 'string' ? p.reference_id : null,
    state: payoutStateOf(p.status),
    failureReason: (typeof p.failure_reason === 'string' ? p.failure_reason : null) ?? details.description ?? null,
  };
}
