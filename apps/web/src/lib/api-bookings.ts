/**
 * The customer's booking lifecycle calls (/bookings/[id]): the detail with its timeline, contact and
 * cancellation quote, and every action the customer may take. JSON through `request` (lib/api.ts);
 * `sendRaw` is for multipart uploads, file downloads and calls with extra headers (Idempotency-Key):
 * it authenticates with the httpOnly `lp_at` cookie the server sets on sign-in and on every refresh.
 */
import type { availabilityResponse, LastLocationResponse } from '@localpro/contracts';
import type { z } from 'zod';
import { ApiError, type Booking, errorOf, refreshSession, request } from './api';

export type Slot = z.infer<typeof availabilityResponse>['slots'][number];
export type TimelineEntry = NonNullable<Booking['timeline']>[number];

export const getBooking = (id: string) => request<Booking>(`/bookings/${id}`);
/** The pro's last shared position (null while none is shared), so the track shows before the next live update. */
export const getBookingLocation = (id: string) => request<LastLocationResponse>(`/bookings/${id}/location`);

const put = (id: string, action: string, body: object = {}) =>
  request<Booking>(`/bookings/${id}/${action}`, { method: 'PUT', body });

export const cancelBooking = (id: string, reason: string) => put(id, 'cancel', { reason });
export const confirmCompletion = (id: string) => put(id, 'confirm-completion');
export const disputeBooking = (id: string, reason: string) => put(id, 'dispute', { reason });
export const proposeReschedule = (id: string, scheduledStart: string) => put(id, 'reschedule', { scheduledStart });
export const answerReschedule = (id: string, accept: boolean) => put(id, accept ? 'reschedule/accept' : 'reschedule/decline');
export const newStartCode = (id: string) => put(id, 'start-code');
export const reportNoShow = (id: string) => put(id, 'no-show');

/** fetch /api<path> with the session cookie; refreshes the session once on 401. Throws ApiError unless 2xx. */
export async function sendRaw(path: string, init: RequestInit = {}): Promise<Response> {
  const once = async () => {
    try {
      return await fetch(`/api${path}`, { ...init, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', 'Network error');
    }
  };
  let res = await once();
  if (res.status === 401 && (await refreshSession())) res = await once();
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** Has the browser save a file the API serves (e.g. the invoice PDF) under `filename`. */
export async function downloadFrom(path: string, filename: string): Promise<void> {
  const blob = await (await sendRaw(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
