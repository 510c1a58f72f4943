/**
 * Test data the demo seed does not have, made the way real people would make it — through the public
 * API with phone OTP sign-in (codes read from /api/dev/outbox): a provider who signs up, fills in the
 * profile, uploads a photo and submits for review; a customer who books an approved provider, the job
 * done and paid in cash, a review and a dispute. Used by the admin-console journey.
 */
import { LOGIN_CODE } from './auth';

export class FixtureApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    what: string,
    body: string,
  ) {
    super(`${what} → ${status} ${code}: ${body.slice(0, 600)}`);
    this.name = 'FixtureApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiSession {
  phone: string;
  userId: string;
  token: string;
  /** When the sign-in SMS was requested (the next one for this phone may be sent 30 s later). */
  otpSentAt: number;
  request<T = unknown>(method: Method, path: string, body?: unknown): Promise<T>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function http<T>(base: string, token: string | null, method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${base}/api${path}`, { method, headers, body: payload });
  const text = await res.text();
  if (!res.ok) {
    let code = 'HTTP_ERROR';
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON
    }
    throw new FixtureApiError(res.status, code, `${method} ${path}`, text);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A fresh, valid Indian mobile number (+91 and 10 digits starting 6–9) for a new person. */
export function uniquePhone(): string {
  const rest = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return `+917${rest}`;
}

/** Waits until a new sign-in SMS may be sent to a phone whose last one went at `sentAt` (30 s cooldown). */
export async function waitForOtpCooldown(sentAt: number): Promise<void> {
  const wait = sentAt + 32_000 - Date.now();
  if (wait > 0) await sleep(wait);
}

async function loginCodeSince(base: string, phone: string, since: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { items } = await http<{ items: { body: string; createdAt: string }[] }>(
      base,
      null,
      'GET',
      `/dev/outbox?to=${encodeURIComponent(phone)}`,
    );
    for (const item of items) {
      const code = LOGIN_CODE.exec(item.body)?.[1];
      if (code && Date.parse(item.createdAt) >= since - 2_000) return code;
    }
    await sleep(300);
  }
  throw new Error(`no login code for ${phone} in /api/dev/outbox within 30 s`);
}

/** Signs a phone in (or up, with `role`) through OTP; returns an API session for it. */
export async function signInByApi(base: string, phone: string, role?: 'CUSTOMER' | 'PROVIDER'): Promise<ApiSession> {
  const otpSentAt = Date.now();
  await http(base, null, 'POST', '/auth/otp/request', { phone });
  const code = await loginCodeSince(base, phone, otpSentAt);
  const pair = await http<{ accessToken: string; user: { id: string } }>(base, null, 'POST', '/auth/otp/verify', {
    phone,
    code,
    ...(role ? { role } : {}),
  });
  const token = pair.accessToken;
  return {
    phone,
    userId: pair.user.id,
    token,
    otpSentAt,
    request: <T = unknown>(method: Method, path: string, body?: unknown) => http<T>(base, token, method, path, body),
  };
}

interface CategoryView {
  id: string;
  slug: string;
  subCategories: { id: string; slug: string }[];
}

/** Monday–Saturday 09:00–19:00 with a lunch break, Sunday off (India time). */
const HOURS = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6'].map((d) => [
    d,
    d === '0' ? [] : [{ start: '09:00', end: '19:00', breaks: [{ start: '13:00', end: '14:00' }] }],
  ]),
);
export const HAZRATGANJ = { lat: 26.8506, lng: 80.9466 };

export interface PendingProvider {
  session: ApiSession;
  providerId: string;
  businessName: string;
  subCategoryId: string;
}

/**
 * A new provider signs up, completes the profile (plumbing in Lucknow, prices, hours, area), uploads a
 * profile photo (`photo`: JPEG bytes) and submits for review → PENDING_REVIEW.
 */
export async function pendingProvider(
  base: string,
  opts: { name: string; businessName: string; photo: Buffer; phone?: string },
): Promise<PendingProvider> {
  const session = await signInByApi(base, opts.phone ?? uniquePhone(), 'PROVIDER');
  const { items } = await http<{ items: CategoryView[] }>(base, null, 'GET', '/categories?lang=en');
  const category =
    items.find((c) => c.slug === 'plumbing' && c.subCategories.length) ?? items.find((c) => c.subCategories.length);
  if (!category) throw new Error('the catalogue has no category with services');
  const subs = category.subCategories.slice(0, 2);
  await session.request('PUT', '/providers/me', {
    name: opts.name,
    businessName: opts.businessName,
    description: 'Leak repairs, taps, fittings and drain cleaning. Fifteen years in Lucknow.',
    categoryId: category.id,
    subCategoryIds: subs.map((s) => s.id),
    baseLocation: HAZRATGANJ,
    address: 'Hazratganj, Lucknow',
    city: 'Lucknow',
    serviceAreas: { radiusKm: 10, localities: ['Hazratganj', 'Gomti Nagar'], pincodes: ['226001'] },
    pricing: subs.map((s) => ({ subCategoryId: s.id, kind: 'FIXED', amountPaise: 49_900, durationMin: 60 })),
    workingHours: HOURS,
    languages: ['hi', 'en'],
  });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(opts.photo)], { type: 'image/jpeg' }), 'photo.jpg');
  await session.request('POST', '/providers/me/documents?kind=PROFILE_PHOTO', form);
  const submitted = await session.request<{ id: string; status: string }>('POST', '/providers/me/submit');
  if (submitted.status !== 'PENDING_REVIEW') throw new Error(`submitted provider is ${submitted.status}`);
  const subCategoryId = subs[0]?.id;
  if (!subCategoryId) throw new Error('no service to book');
  return { session, providerId: submitted.id, businessName: opts.businessName, subCategoryId };
}

export interface CompletedBooking {
  customer: ApiSession;
  bookingId: string;
  bookingNumber: string;
  pricePaise: number;
  paymentId: string;
}

/**
 * A new customer books `provider` (approved) at the first free slot from tomorrow, the provider accepts,
 * starts with the customer's code and completes; the customer pays cash and the provider confirms it.
 */
export async function completedCashBooking(base: string, provider: PendingProvider): Promise<CompletedBooking> {
  const customer = await signInByApi(base, uniquePhone(), 'CUSTOMER');
  let slot: string | null = null;
  for (let d = 1; d <= 8 && !slot; d += 1) {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(Date.now() + d * 86_400_000));
    const av = await customer.request<{ slots: { start: string }[] }>(
      'GET',
      `/providers/${provider.providerId}/availability?date=${date}&subCategoryId=${provider.subCategoryId}&lat=${HAZRATGANJ.lat}&lng=${HAZRATGANJ.lng}`,
    );
    slot = av.slots[0]?.start ?? null;
  }
  if (!slot) throw new Error('the provider has no free slot in the next 8 days');
  const booking = await customer.request<{ id: string; bookingNumber: string; startCode?: string; quotedPrice: number }>(
    'POST',
    '/bookings',
    {
      providerId: provider.providerId,
      subCategoryId: provider.subCategoryId,
      scheduledStart: slot,
      serviceLocation: { address: '14 Ashok Marg, Hazratganj, Lucknow', lat: 26.8556, lng: 80.9466, pincode: '226001' },
      specialInstructions: 'Kitchen tap leaking under the sink',
    },
  );
  const p = provider.session;
  await p.request('PUT', `/bookings/${booking.id}/accept`, {});
  const mine = await customer.request<{ startCode?: string }>('GET', `/bookings/${booking.id}`);
  if (!mine.startCode) throw new Error('the customer sees no start code');
  await p.request('PUT', `/bookings/${booking.id}/start`, { startCode: mine.startCode });
  const done = await p.request<{ status: string; finalPrice: number | null; quotedPrice: number }>(
    'PUT',
    `/bookings/${booking.id}/complete`,
    {},
  );
  if (done.status !== 'COMPLETED') throw new Error(`completed booking is ${done.status}`);
  const price = done.finalPrice ?? done.quotedPrice;
  const payment = await customer.request<{ id: string }>('POST', '/payments', {
    bookingId: booking.id,
    method: 'CASH',
    amount: price,
  });
  await p.request('PUT', `/payments/${payment.id}/confirm-receipt`);
  return { customer, bookingId: booking.id, bookingNumber: booking.bookingNumber, pricePaise: price, paymentId: payment.id };
}

/** The customer reviews the booking; a comment with a phone number is held for moderation. */
export async function reviewBooking(b: CompletedBooking, comment: string, overallRating = 2) {
  return b.customer.request<{ id: string; moderationStatus: string; isPublished: boolean }>('POST', '/reviews', {
    bookingId: b.bookingId,
    overallRating,
    comment,
  });
}

/** The customer disputes the completed job → DISPUTED. */
export async function disputeBooking(b: CompletedBooking, reason: string) {
  return b.customer.request<{ status: string }>('PUT', `/bookings/${b.bookingId}/dispute`, { reason });
}
