/**
 * Admin console calls (issue 11). Every /admin/* route needs an ADMIN whose session passed the second
 * factor (TOTP); the server audits every write. Types come from @localpro/contracts; the server validates.
 */
import type {
  adminAttentionResponse,
  adminBookingDetail,
  adminBookingsQuery,
  adminBookingsResponse,
  adminDisputeDetail,
  adminDisputesResponse,
  adminMetricsResponse,
  adminPaymentsQuery,
  adminPaymentsResponse,
  adminPayoutsResponse,
  adminProviderListSchema,
  adminRevenueResponse,
  adminReviewsResponse,
  adminUserItem,
  adminUsersResponse,
  auditListSchema,
  categoryListResponse,
  categoryView,
  createCategoryBody,
  createSubCategoryBody,
  ledgerCheckResponse,
  payoutResponse,
  providerStatusChangeSchema,
  recoveryLoginResponse,
  refundResponse,
  resolveDisputeBody,
  resolveDisputeResponse,
  reviewSchema,
  tokenPairResponse,
  totpEnrollResponse,
  totpVerifyResponse,
  updateCategoryBody,
  updateSubCategoryBody,
} from '@localpro/contracts';
import type { z } from 'zod';
import { request } from './api';

type Infer<T extends z.ZodType> = z.infer<T>;
export type SecondFactorStep = Infer<typeof tokenPairResponse>['secondFactor'];
export type AdminProvider = Infer<typeof adminProviderListSchema>['items'][number];
export type ProviderStatus = AdminProvider['status'];
export type AdminUser = Infer<typeof adminUserItem>;
export type UserStatus = AdminUser['status'];
export type AdminReview = Infer<typeof reviewSchema>;
export type AuditEntry = Infer<typeof auditListSchema>['items'][number];
export type Category = Infer<typeof categoryView>;
export type SubCategory = Category['subCategories'][number];
export type CreateCategory = z.input<typeof createCategoryBody>;
export type UpdateCategory = z.input<typeof updateCategoryBody>;
export type CreateSubCategory = z.input<typeof createSubCategoryBody>;
export type UpdateSubCategory = z.input<typeof updateSubCategoryBody>;
export type LedgerCheck = Infer<typeof ledgerCheckResponse>;
export type Metrics = Infer<typeof adminMetricsResponse>;
export type MetricsDay = Metrics['days'][number];
export type AdminBookingsQuery = Partial<Omit<z.output<typeof adminBookingsQuery>, 'limit'>> & { limit?: number };
export type AdminBookingItem = Infer<typeof adminBookingsResponse>['items'][number];
export type AdminBookingDetail = Infer<typeof adminBookingDetail>;
export type AdminDisputeItem = Infer<typeof adminDisputesResponse>['items'][number];
export type AdminDisputeDetail = Infer<typeof adminDisputeDetail>;
export type ResolveDispute = z.input<typeof resolveDisputeBody>;
export type AdminPaymentsQuery = Partial<Omit<z.output<typeof adminPaymentsQuery>, 'limit'>> & { limit?: number };
export type AdminPaymentItem = Infer<typeof adminPaymentsResponse>['items'][number];
export type AdminPayouts = Infer<typeof adminPayoutsResponse>;
export type AdminPayoutItem = AdminPayouts['items'][number];
export type PayoutStatus = AdminPayoutItem['status'];
export type Revenue = Infer<typeof adminRevenueResponse>;
export type Refund = Infer<typeof refundResponse>;

type Page<T> = { items: T[]; nextCursor: string | null };
const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} });

// ---- second factor ----
export const totpEnroll = () => request<Infer<typeof totpEnrollResponse>>('/auth/totp/enroll', { method: 'POST' });
export const totpVerify = (code: string) => post<Infer<typeof totpVerifyResponse>>('/auth/totp/verify', { code });
export const totpRecover = (code: string) => post<Infer<typeof recoveryLoginResponse>>('/auth/totp/recover', { code });

// ---- providers ----
export const listProviders = (status: ProviderStatus, cursor?: string) =>
  request<Infer<typeof adminProviderListSchema>>('/admin/providers', { query: { status, cursor, limit: 20 } });
export type ProviderAction = 'approve' | 'reject' | 'suspend' | 'reinstate';
export const providerAction = (id: string, action: ProviderAction, reason?: string) =>
  post<Infer<typeof providerStatusChangeSchema>>(`/admin/providers/${id}/${action}`, reason ? { reason } : {});

// ---- users ----
export const searchUsers = (q: { q?: string; role?: AdminUser['role']; status?: UserStatus; cursor?: string }) =>
  request<Infer<typeof adminUsersResponse>>('/admin/users', { query: { ...q, limit: 20 } });
export const setUserStatus = (id: string, status: UserStatus, reason: string) =>
  post<AdminUser>(`/admin/users/${id}/status`, { status, reason });

// ---- reviews ----
export const listModerationReviews = (status: 'HELD' | 'FLAGGED', cursor?: string) =>
  request<Infer<typeof adminReviewsResponse>>('/admin/reviews', { query: { status, cursor, limit: 50 } });
export const publishReview = (id: string) => post<AdminReview>(`/admin/reviews/${id}/publish`);
export const unpublishReview = (id: string, reason: string) => post<AdminReview>(`/admin/reviews/${id}/unpublish`, { reason });

// ---- catalogue ----
export const listCategories = (lang: 'en' | 'hi') =>
  request<Infer<typeof categoryListResponse>>('/admin/categories', { query: { lang, includeInactive: 'true' } });
export const createCategory = (body: CreateCategory) => post<Category>('/admin/categories', body);
export const updateCategory = (id: string, body: UpdateCategory) =>
  request<Category>(`/admin/categories/${id}`, { method: 'PATCH', body });
export const deactivateCategory = (id: string) => request<Category>(`/admin/categories/${id}`, { method: 'DELETE' });
export const createSubCategory = (categoryId: string, body: CreateSubCategory) =>
  post<Category>(`/admin/categories/${categoryId}/sub-categories`, body);
export const updateSubCategory = (id: string, body: UpdateSubCategory) =>
  request<Category>(`/admin/sub-categories/${id}`, { method: 'PATCH', body });
export const deactivateSubCategory = (id: string) => request<Category>(`/admin/sub-categories/${id}`, { method: 'DELETE' });

// ---- audit ----
export const listAudit = (q: {
  actorUserId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  cursor?: string;
}) => request<Page<AuditEntry>>('/admin/audit', { query: { ...q, limit: 50 } });

// ---- overview ----
export type Attention = Infer<typeof adminAttentionResponse>;
export const getAttention = () => request<Attention>('/admin/attention');
export const getMetrics = (q: { from?: string; to?: string; city?: string }) =>
  request<Metrics>('/admin/metrics/overview', { query: q });

// ---- bookings and disputes ----
export const searchBookings = (q: AdminBookingsQuery) =>
  request<Infer<typeof adminBookingsResponse>>('/admin/bookings', { query: { ...q, limit: q.limit ?? 25 } });
export const getAdminBooking = (id: string) => request<AdminBookingDetail>(`/admin/bookings/${id}`);
export const listDisputes = (state: 'OPEN' | 'RESOLVED', cursor?: string) =>
  request<Infer<typeof adminDisputesResponse>>('/admin/disputes', { query: { state, cursor, limit: 25 } });
export const getDispute = (bookingId: string) => request<AdminDisputeDetail>(`/admin/disputes/${bookingId}`);
export const resolveDispute = (bookingId: string, body: ResolveDispute) =>
  post<Infer<typeof resolveDisputeResponse>>(`/admin/disputes/${bookingId}/resolve`, body);
export const settleRefund = (refundId: string, reference: string) =>
  post<Infer<typeof refundResponse>>(`/admin/refunds/${refundId}/settle`, { reference });
export const retryRefund = (refundId: string) => post<Infer<typeof refundResponse>>(`/admin/refunds/${refundId}/retry`);

// ---- money ----
export const listPayments = (q: AdminPaymentsQuery) =>
  request<Infer<typeof adminPaymentsResponse>>('/admin/payments', { query: { ...q, limit: q.limit ?? 25 } });
export const refundPayment = (id: string, amountPaise: number, reason: string) =>
  post<Infer<typeof refundResponse>>(`/admin/payments/${id}/refund`, { amountPaise, reason });
export const listPayouts = (status?: PayoutStatus, cursor?: string) =>
  request<AdminPayouts>('/admin/payouts', { query: { status, cursor, limit: 25 } });
export const retryPayout = (id: string) => post<Infer<typeof payoutResponse>>(`/admin/payouts/${id}/retry`);
export const getRevenue = (q: { from?: string; to?: string }) => request<Revenue>('/admin/revenue', { query: q });
export const ledgerCheck = () => request<LedgerCheck>('/admin/ledger/check');

/** Where a document opens (the httpOnly session cookie authorises it in a new tab). */
export const documentHref = (id: string) => `/api/documents/${id}`;
