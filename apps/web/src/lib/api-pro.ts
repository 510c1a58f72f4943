/**
 * The provider area's API calls (/pro): onboarding, uploads, e-KYC, background check, bookings actions,
 * wallet, reviews and reputation. JSON calls go through `request` (lib/api.ts). Multipart uploads,
 * file downloads and calls that need extra headers (Idempotency-Key) use `sendRaw`, which authenticates
 * with the httpOnly `lp_at` cookie the server sets on sign-in and on every refresh.
 */
import type {
  aadhaarStartResponse,
  aadhaarVerifyResponse,
  backgroundCheckSchema,
  categoryListResponse,
  documentSummarySchema,
  paymentResponse,
  payoutResponse,
  priceItemSchema,
  providerReviewsResponse,
  providerStatusChangeSchema,
  publicReviewSchema,
  reputationResponse,
  timeOffSchema,
  UpdateProviderProfileBody,
  walletResponse,
  workingHoursSchema,
} from '@localpro/contracts';
import type { z } from 'zod';
import type { Booking, MyProvider } from './api';
import { request } from './api';
import { downloadFrom as downloadFile, sendRaw } from './api-bookings';

export type Category = z.infer<typeof categoryListResponse>['items'][number];
export type ProviderDocument = z.infer<typeof documentSummarySchema>;
export type PriceItem = z.infer<typeof priceItemSchema>;
export type WorkingHours = z.infer<typeof workingHoursSchema>;
export type TimeOff = z.infer<typeof timeOffSchema>;
export type BackgroundCheck = z.infer<typeof backgroundCheckSchema>;
export type Wallet = z.infer<typeof walletResponse>;
export type Payout = z.infer<typeof payoutResponse>;
export type PublicReview = z.infer<typeof publicReviewSchema>;
export type ProviderReviewList = z.infer<typeof providerReviewsResponse>;
export type Reputation = z.infer<typeof reputationResponse>;
export type ChecklistItem = MyProvider['checklist']['missing'][number];

// ---- raw requests (cookie-authenticated) ----

// ---- onboarding ----

export const listCategories = (lang: 'en' | 'hi') =>
  request<z.infer<typeof categoryListResponse>>('/categories', { query: { lang } });
export const updateMyProvider = (body: UpdateProviderProfileBody) =>
  request<MyProvider>('/providers/me', { method: 'PUT', body });
export const submitForReview = () =>
  request<z.infer<typeof providerStatusChangeSchema>>('/providers/me/submit', { method: 'POST', body: {} });

export async function uploadDocument(kind: 'PROFILE_PHOTO' | 'PORTFOLIO' | 'CERTIFICATE', file: File): Promise<ProviderDocument> {
  const form = new FormData();
  form.append('file', file);
  const res = await sendRaw(`/providers/me/documents?kind=${kind}`, { method: 'POST', body: form });
  return (await res.json()) as ProviderDocument;
}
export const deleteDocument = (id: string) => request<void>(`/documents/${id}`, { method: 'DELETE' });

export const startAadhaar = (aadhaarNumber: string) =>
  request<z.infer<typeof aadhaarStartResponse>>('/providers/me/kyc/aadhaar', { method: 'POST', body: { aadhaarNumber } });
export const verifyAadhaar = (referenceId: string, otp: string) =>
  request<z.infer<typeof aadhaarVerifyResponse>>('/providers/me/kyc/aadhaar/verify', {
    method: 'POST',
    body: { referenceId, otp },
  });

export const getBackgroundCheck = () => request<BackgroundCheck>('/providers/me/background-check');
export const requestBackgroundCheck = () =>
  request<BackgroundCheck>('/providers/me/background-check', { method: 'POST', body: {} });
export const confirmBackgroundCheck = (paymentId: string, signature: string) =>
  request<BackgroundCheck>('/providers/me/background-check/confirm', { method: 'POST', body: { paymentId, signature } });

// ---- jobs ----

export const getBooking = (id: string) => request<Booking>(`/bookings/${id}`);
export const onMyWay = (id: string) => request<Booking>(`/bookings/${id}/on-my-way`, { method: 'PUT', body: {} });

// ---- money ----

export const getWallet = (cursor?: string) => request<Wallet>('/wallet', { query: { cursor, limit: 20 } });
export const listWithdrawals = () => request<{ items: Payout[] }>('/wallet/withdrawals', { query: { limit: 50 } });
export const setAutoPayout = (enabled: boolean) =>
  request<{ autoPayout: boolean }>('/wallet/auto-payout', { method: 'PUT', body: { enabled } });

/** A withdrawal; the same `idempotencyKey` on a retry (double tap, flaky network) never pays twice. */
export async function requestWithdrawal(amountPaise: number, idempotencyKey: string): Promise<Payout> {
  const res = await sendRaw('/wallet/withdrawals', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify({ amount: amountPaise }),
  });
  return (await res.json()) as Payout;
}

export const downloadInvoice = (booking: Booking) =>
  downloadFile(`/bookings/${booking.id}/invoice`, `invoice-${booking.bookingNumber}.pdf`);

// ---- reviews ----

export const listMyReviews = (providerId: string, cursor?: string) =>
  request<ProviderReviewList>(`/providers/${providerId}/reviews`, { query: { cursor, limit: 20 } });
export const replyToReview = (reviewId: string, text: string, edit: boolean) =>
  request<PublicReview>(`/reviews/${reviewId}/response`, { method: edit ? 'PUT' : 'POST', body: { text } });
export const getReputation = () => request<Reputation>('/providers/me/reputation');

/** "₹ 450.50" typed by a person → paise (integer), or null when it is not an amount. */
export function rupeesToPaise(input: string): number | null {
  const clean = input.replace(/[₹,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Paise → the plain rupee amount for an input field ("450" or "450.50"). */
export const paiseToRupeesInput = (paise: number): string => (paise % 100 === 0 ? String(paise / 100) : (paise / 100).toFixed(2));

// ---- payout bank account ----

export const sendBankAccountCode = () =>
  request<{ sent: true; expiresInSec: number }>('/providers/me/bank-account/otp', { method: 'POST', body: {} });
export const setBankAccount = (body: { accountNumber: string; ifsc: string; holderName: string; otp: string }) =>
  request<{ accountMasked: string; ifsc: string; holderName: string }>('/providers/me/bank-account', { method: 'PUT', body });

// ---- direct (cash / UPI) payments ----

export type Payment = z.infer<typeof paymentResponse>;
export const listBookingPayments = (bookingId: string) => request<{ items: Payment[] }>(`/bookings/${bookingId}/payments`);
export const recordDirectPayment = (bookingId: string, method: 'CASH' | 'UPI', amount: number) =>
  request<Payment>('/payments', { method: 'POST', body: { bookingId, method, amount } });
export const confirmReceipt = (paymentId: string) =>
  request<Payment>(`/payments/${paymentId}/confirm-receipt`, { method: 'PUT', body: {} });
