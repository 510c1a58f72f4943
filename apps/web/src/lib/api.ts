/**
 * The web app's only way to the API: same-origin fetches to /api/*, typed with the zod schemas of
 * @localpro/contracts (types only: the server validates). The access token lives in memory and is
 * sent as a bearer token; the refresh token is kept in localStorage and rotated on every refresh.
 * (The server also sets the httpOnly `lp_at` cookie on sign-in; the bearer header takes precedence.)
 */
import type {
  authUser,
  availabilityResponse,
  bookingListResponse,
  bookingView,
  createBookingBody,
  customerAddressListResponse,
  devOutboxResponse,
  geocodeResponse,
  meResponse,
  myProviderProfileSchema,
  otpRequestResponse,
  providerReviewsResponse,
  publicProviderProfileSchema,
  searchRequestSchema,
  searchResponseSchema,
  signUpRole,
  tokenPairResponse,
  userLanguageSchema,
} from '@localpro/contracts';
import type { z } from 'zod';

export type AuthUser = z.infer<typeof authUser>;
export type TokenPair = z.infer<typeof tokenPairResponse>;
export type SearchRequest = z.infer<typeof searchRequestSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchResult = SearchResponse['results'][number];
export type GeoPlace = z.infer<typeof geocodeResponse>['items'][number];
export type PublicProvider = z.infer<typeof publicProviderProfileSchema>;
export type MyProvider = z.infer<typeof myProviderProfileSchema>;
export type ProviderReviews = z.infer<typeof providerReviewsResponse>;
export type Availability = z.infer<typeof availabilityResponse>;
export type Booking = z.infer<typeof bookingView>;
export type BookingList = z.infer<typeof bookingListResponse>;
export type CreateBooking = z.infer<typeof createBookingBody>;
export type CustomerAddress = z.infer<typeof customerAddressListResponse>['items'][number];
export type OutboxItem = z.infer<typeof devOutboxResponse>['items'][number];
export type SignUpRole = z.infer<typeof signUpRole>;
export type UserLanguage = z.infer<typeof userLanguageSchema>;

/** An API error as the server renders it ({ error: { code, message, details } }), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const REFRESH_KEY = 'lp.refresh';
let accessToken: string | null = null;
let refreshing: Promise<TokenPair | null> | null = null;
const listeners = new Set<(user: AuthUser | null) => void>();

/** Called whenever the signed-in user changes (sign-in, refresh, sign-out, expired session). */
export function onSessionChange(listener: (user: AuthUser | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedRefreshToken(): string | null {
  return typeof window === 'undefined' ? null : window.localStorage.getItem(REFRESH_KEY);
}

/** The in-memory access token (for the Socket.IO handshake); null when signed out. */
export const getAccessToken = (): string | null => accessToken;

export function hasStoredSession(): boolean {
  return storedRefreshToken() !== null;
}

function adoptPair(pair: TokenPair): void {
  accessToken = pair.accessToken;
  window.localStorage.setItem(REFRESH_KEY, pair.refreshToken);
  for (const l of listeners) l(pair.user);
}

function dropSession(): void {
  accessToken = null;
  window.localStorage.removeItem(REFRESH_KEY);
  for (const l of listeners) l(null);
}

type Query = Record<string, string | number | undefined>;
interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Internal: do not try a token refresh on 401 (the refresh call itself). */
  noRefresh?: boolean;
}

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(urlOf(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
}

/** The API's error body of a non-2xx response as an ApiError. */
export async function errorOf(res: Response): Promise<ApiError> {
  try {
    const json = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    return new ApiError(res.status, json.error?.code ?? 'HTTP_ERROR', json.error?.message ?? res.statusText, json.error?.details);
  } catch {
    return new ApiError(res.status, 'HTTP_ERROR', res.statusText);
  }
}

/** Exchanges the stored refresh token for a new pair; null (and signed out) when it is no longer valid. */
export function refreshSession(): Promise<TokenPair | null> {
  const token = storedRefreshToken();
  if (!token) return Promise.resolve(null);
  refreshing ??= (async () => {
    try {
      const pair = await request<TokenPair>('/auth/refresh', { method: 'POST', body: { refreshToken: token }, noRefresh: true });
      adoptPair(pair);
      return pair;
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0) dropSession();
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  if (res.status === 401 && !opts.noRefresh && storedRefreshToken()) {
    if (await refreshSession()) res = await send(path, opts);
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

// ---- auth and account ----
export const requestOtp = (phone: string) =>
  request<z.infer<typeof otpRequestResponse>>('/auth/otp/request', { method: 'POST', body: { phone } });

export async function verifyOtp(phone: string, code: string, role?: SignUpRole): Promise<TokenPair> {
  const pair = await request<TokenPair>('/auth/otp/verify', { method: 'POST', body: { phone, code, role } });
  adoptPair(pair);
  return pair;
}

export async function signOut(): Promise<void> {
  const refreshToken = storedRefreshToken() ?? undefined;
  try {
    await request<void>('/auth/logout', { method: 'POST', body: { refreshToken }, noRefresh: true });
  } finally {
    dropSession();
  }
}

export const setPreferredLanguage = (preferredLanguage: UserLanguage) =>
  request<z.infer<typeof meResponse>>('/me', { method: 'PATCH', body: { preferredLanguage } });
export const listAddresses = () => request<z.infer<typeof customerAddressListResponse>>('/me/addresses');
export const devOutbox = (to: string) => request<z.infer<typeof devOutboxResponse>>('/dev/outbox', { query: { to } });

// ---- search ----
export const search = (body: SearchRequest) => request<SearchResponse>('/search', { method: 'POST', body });
export const selectResult = (searchId: string, providerId: string) =>
  request<unknown>(`/search/${searchId}/select`, { method: 'POST', body: { providerId } });
export const geocode = (q: string) => request<z.infer<typeof geocodeResponse>>('/geo/geocode', { query: { q } });

// ---- providers ----
export const getProvider = (id: string) => request<PublicProvider>(`/providers/${id}`);
export const getProviderReviews = (id: string) => request<ProviderReviews>(`/providers/${id}/reviews`, { query: { limit: 10 } });
export const getAvailability = (id: string, q: { date: string; subCategoryId?: string; lat?: number; lng?: number }) =>
  request<Availability>(`/providers/${id}/availability`, { query: q });
export const getMyProvider = () => request<MyProvider>('/providers/me');

// ---- bookings ----
export const createBooking = (body: CreateBooking) => request<Booking>('/bookings', { method: 'POST', body });
export const listBookings = (as: 'customer' | 'provider', cursor?: string) =>
  request<BookingList>('/bookings', { query: { as, cursor, limit: 50 } });
export const bookingAction = (id: string, action: 'accept' | 'reject' | 'start' | 'complete' | 'cancel', body?: object) =>
  request<Booking>(`/bookings/${id}/${action}`, { method: 'PUT', body: body ?? {} });
