/** Paying for a booking: cash / direct UPI records, the UPI link for a QR, in-app checkout, the invoice. */
import type { paymentIntentResponse, paymentResponse, upiIntentResponse, verifyPaymentResponse } from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';
import { downloadFrom, sendRaw } from './api-bookings';

export type Payment = z.infer<typeof paymentResponse>;
export type UpiIntent = z.infer<typeof upiIntentResponse>;
export type PaymentIntent = z.infer<typeof paymentIntentResponse>;
export type VerifyResult = z.infer<typeof verifyPaymentResponse>;

export const listPayments = (bookingId: string) => request<{ items: Payment[] }>(`/bookings/${bookingId}/payments`);
export const getUpiIntent = (bookingId: string) => request<UpiIntent>(`/bookings/${bookingId}/upi-intent`);
export const recordDirectPayment = (bookingId: string, method: 'CASH' | 'UPI', amount: number) =>
  request<Payment>('/payments', { method: 'POST', body: { bookingId, method, amount } });
export const confirmPaid = (paymentId: string) => request<Payment>(`/payments/${paymentId}/confirm-paid`, { method: 'PUT' });

/** The gateway order for an in-app payment; the same key on a retry reuses the same order. */
export async function createPaymentIntent(bookingId: string, idempotencyKey: string): Promise<PaymentIntent> {
  const res = await sendRaw('/payments/intents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify({ bookingId }),
  });
  return (await res.json()) as PaymentIntent;
}

export const verifyCheckout = (body: { orderId: string; paymentId: string; signature: string }) =>
  request<VerifyResult>('/payments/verify', { method: 'POST', body });

export const downloadInvoice = (bookingId: string, bookingNumber: string) =>
  downloadFrom(`/bookings/${bookingId}/invoice`, `invoice-${bookingNumber}.pdf`);

/** Which payment of a booking counts: the live one (not failed), the list comes newest first. */
export function livePayment(items: Payment[]): Payment | null {
  return items.find((p) => p.status !== 'FAILED') ?? null;
}

export const PAID_STATUSES = new Set<Payment['status']>(['CAPTURED', 'COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
