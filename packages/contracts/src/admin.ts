import { z } from 'zod';
import { bookingStatusSchema, bookingView } from './bookings';
import {
  paymentDetailResponse,
  paymentMethodSchema,
  paymentResponse,
  paymentStatusSchema,
  payoutResponse,
  refundResponse,
} from './payments';
import { reviewSchema } from './reviews';

/**
 * Admin console APIs (issue 11): overview metrics, booking search and detail, disputes, money.
 * All routes need an ADMIN with a passed second factor (TOTP); every write is audited.
 * Money is integer paise; days are Asia/Kolkata calendar days (YYYY-MM-DD).
 */

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

// ---------- overview metrics ----------

/** `from`/`to` are inclusive Asia/Kolkata days; default the last 30 days; at most 366 days. */
export const adminMetricsQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  /** Provider city (case-insensitive), e.g. "Lucknow". */
  city: z.string().trim().min(2).max(80).optional(),
});

const bookingsByStatus = z.record(bookingStatusSchema, z.number().int());

export const adminMetricsDay = z.object({
  date: day,
  /** Bookings created that day, by their current status. */
  bookingsByStatus,
  bookingsCreated: z.number().int(),
  bookingsCompleted: z.number().int(),
  /** Value (final or quoted price) of bookings completed that day. */
  gmvPaise: z.number().int(),
  /** Platform commission posted to the ledger that day (net of reversals). */
  commissionPaise: z.number().int(),
  /** Providers who accepted, started or completed a job that day. */
  activeProviders: z.number().int(),
  /** Customers who created a booking that day. */
  activeCustomers: z.number().int(),
  newCustomers: z.number().int(),
  newProviders: z.number().int(),
  searches: z.number().int(),
  /** Searches after which the same customer booked a provider shown in the results within 24 h. */
  searchesConverted: z.number().int(),
  /** searchesConverted / searches, 0..1; null when there were no searches. */
  conversionRate: z.number().nullable(),
  /** Mean seconds from request to accept/reject for requests answered that day; null if none. */
  avgResponseSec: z.number().nullable(),
});

export const adminMetricsResponse = z.object({
  from: day,
  to: day,
  city: z.string().nullable(),
  timeZone: z.literal('Asia/Kolkata'),
  days: z.array(adminMetricsDay),
  /** Over the whole range; active counts are distinct over the range (not the sum of days). */
  totals: adminMetricsDay.omit({ date: true }),
});

/** What is waiting for operations now (not range-bound): the overview's "needs attention" card. */
export const adminAttentionResponse = z.object({
  disputes: z.object({ count: z.number().int(), oldestAt: z.string().nullable() }),
  providersToReview: z.object({ count: z.number().int(), oldestAt: z.string().nullable() }),
  reviews: z.object({ held: z.number().int(), flagged: z.number().int() }),
  /** Gateway refunds that failed: the customer is owed the money until an admin sends it again. */
  refundsFailed: z.object({ count: z.number().int(), amountPaise: z.number().int() }),
  /** Cash/UPI dispute refunds the platform still has to transfer by hand. */
  refundsToTransfer: z.object({ count: z.number().int(), amountPaise: z.number().int() }),
  /** Failed payouts not yet retried. */
  payoutsFailed: z.object({ count: z.number().int() }),
});

// ---------- people ----------

export const adminPartySchema = z.object({
  userId: uuid,
  /** customerProfiles.id or providerProfiles.id */
  profileId: uuid,
  name: z.string().nullable(),
  phone: z.string(),
  businessName: z.string().nullable().optional(),
});

// ---------- bookings ----------

/** `q` is a booking number (LP-…, prefix, any case) or a phone (any Indian format) of either party. */
export const adminBookingsQuery = z.strictObject({
  q: z.string().trim().min(2).max(64).optional(),
  status: bookingStatusSchema.optional(),
  /** Created on or after this Asia/Kolkata day / on or before `to`. */
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(300).optional(),
  limit: limit(100, 25),
});

export const adminBookingItem = z.object({
  id: uuid,
  bookingNumber: z.string(),
  status: bookingStatusSchema,
  serviceType: z.string(),
  scheduledStart: z.string(),
  createdAt: z.string(),
  quotedPrice: z.number().int(),
  finalPrice: z.number().int().nullable(),
  city: z.string().nullable(),
  customer: adminPartySchema,
  provider: adminPartySchema,
  disputeOpen: z.boolean(),
});
export const adminBookingsResponse = z.object({ items: z.array(adminBookingItem), nextCursor: z.string().nullable() });
export const adminBookingParams = z.strictObject({ id: uuid });

export const adminTimelineEntry = z.object({
  id: uuid,
  type: z.string(),
  fromStatus: bookingStatusSchema.nullable(),
  toStatus: bookingStatusSchema.nullable(),
  /** null for the system (expiry, auto-confirmation jobs). */
  actor: z
    .object({ userId: uuid, role: z.enum(['CUSTOMER', 'PROVIDER', 'ADMIN']).nullable(), name: z.string().nullable() })
    .nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const adminStartCodeUse = z.object({
  /** True once the provider started the job with the customer's code. */
  used: z.boolean(),
  usedAt: z.string().nullable(),
  wrongAttempts: z.number().int(),
  locked: z.boolean(),
  resets: z.number().int(),
});

export const adminLedgerSummary = z.object({
  transactions: z.array(
    z.object({
      id: uuid,
      kind: z.string(),
      memo: z.string().nullable(),
      createdAt: z.string(),
      lines: z.array(z.object({ account: z.string(), amount: z.number().int() })),
    }),
  ),
  /** Positive numbers, paise. */
  totals: z.object({
    capturedPaise: z.number().int(),
    refundedPaise: z.number().int(),
    providerCreditedPaise: z.number().int(),
    providerClawbackPaise: z.number().int(),
    commissionPaise: z.number().int(),
    gstPaise: z.number().int(),
    heldInEscrowPaise: z.number().int(),
  }),
});

export const disputeResolutionSchema = z.enum(['REFUND_FULL', 'REFUND_PARTIAL', 'REWORK', 'NO_ACTION']);

export const adminDisputeRecord = z.object({
  id: uuid,
  resolution: disputeResolutionSchema,
  amountPaise: z.number().int(),
  /** Of the refund, what was recovered from the provider's wallet. */
  providerRecoveryPaise: z.number().int(),
  note: z.string(),
  refundId: uuid.nullable(),
  reworkStart: z.string().nullable(),
  resolvedBy: z.object({ userId: uuid, name: z.string().nullable() }),
  openedAt: z.string(),
  resolvedAt: z.string(),
});

export const adminDisputeState = z.object({
  open: z.boolean(),
  reason: z.string().nullable(),
  openedAt: z.string().nullable(),
  /** Earlier resolutions of this booking (a reworked job may be disputed again), newest first. */
  resolutions: z.array(adminDisputeRecord),
});

export const adminBookingDetail = z.object({
  booking: bookingView,
  city: z.string().nullable(),
  customer: adminPartySchema,
  provider: adminPartySchema,
  timeline: z.array(adminTimelineEntry),
  startCode: adminStartCodeUse,
  payments: z.array(paymentDetailResponse),
  ledger: adminLedgerSummary,
  review: reviewSchema.nullable(),
  dispute: adminDisputeState,
  /** The pair's chat room (readable by admins only while a dispute is open or recently resolved). */
  chatRoomId: uuid.nullable(),
});

// ---------- disputes ----------

export const adminDisputesQuery = z.strictObject({
  /** OPEN: DISPUTED bookings, oldest first. RESOLVED: resolutions, newest first. */
  state: z.enum(['OPEN', 'RESOLVED']).default('OPEN'),
  cursor: z.string().max(300).optional(),
  limit: limit(100, 25),
});

export const adminDisputeItem = z.object({
  bookingId: uuid,
  bookingNumber: z.string(),
  status: bookingStatusSchema,
  serviceType: z.string(),
  reason: z.string().nullable(),
  openedAt: z.string(),
  /** Whole hours the case has waited (open) or took (resolved). */
  ageHours: z.number().int(),
  customer: adminPartySchema,
  provider: adminPartySchema,
  paidPaise: z.number().int(),
  paymentMethod: paymentMethodSchema.nullable(),
  evidence: z.object({
    timelineEvents: z.number().int(),
    chatMessages: z.number().int(),
    photos: z.number().int(),
    startCodeUsed: z.boolean(),
  }),
  resolution: adminDisputeRecord.nullable(),
});
export const adminDisputesResponse = z.object({ items: z.array(adminDisputeItem), nextCursor: z.string().nullable() });
export const adminDisputeParams = z.strictObject({ bookingId: uuid });

/** A chat message as an admin sees it: the stored text and the sender's unmasked original. */
export const adminChatMessage = z.object({
  id: uuid,
  seq: z.number().int(),
  senderId: uuid,
  senderRole: z.enum(['CUSTOMER', 'PROVIDER', 'ADMIN']),
  type: z.enum(['TEXT', 'IMAGE', 'LOCATION', 'SYSTEM']),
  /** As delivered (contacts masked before confirmation). */
  content: z.string().nullable(),
  /** Exactly what the sender typed. */
  originalContent: z.string().nullable(),
  detectedLanguage: z.string().nullable(),
  /** Translations delivered to the other side, by language. */
  translations: z.record(z.string(), z.string()),
  mediaId: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  createdAt: z.string(),
});

export const adminEvidencePhoto = z.object({
  source: z.enum(['CHAT', 'REVIEW']),
  /** Document/media id; fetch with GET /api/documents/:id. */
  mediaId: z.string(),
  messageId: uuid.nullable(),
  reviewId: uuid.nullable(),
  at: z.string(),
});

export const adminDisputeDetail = adminBookingDetail.extend({
  chat: z.object({ roomId: uuid, messages: z.array(adminChatMessage), truncated: z.boolean() }).nullable(),
  photos: z.array(adminEvidencePhoto),
  /** What an in-app refund may still return to the customer; for cash/UPI, the recorded amount. */
  refundablePaise: z.number().int(),
});

export const resolveDisputeBody = z
  .strictObject({
    resolution: disputeResolutionSchema,
    /** Required for REFUND_PARTIAL (less than the refundable amount); ignored otherwise. */
    amountPaise: z.number().int().positive().max(100_000_000_00).optional(),
    /**
     * Who bears a refund of money the provider already has — cash/UPI they collected, or in-app money
     * escrow already paid them: true (the default) recovers the provider's share from their wallet,
     * false means the platform bears it (say, the platform was at fault).
     */
    recoverFromProvider: z.boolean().optional(),
    /** For REWORK: the new visit, one of the provider's free slots (ISO 8601 with offset). */
    reworkStart: z.iso.datetime({ offset: true }).optional(),
    /** Shown to both parties and kept in the audit log. */
    note: z.string().trim().min(3).max(1000),
  })
  .refine((b) => b.resolution !== 'REFUND_PARTIAL' || b.amountPaise !== undefined, {
    message: 'amountPaise is required for a partial refund',
    path: ['amountPaise'],
  })
  .refine((b) => b.resolution !== 'REWORK' || b.reworkStart !== undefined, {
    message: 'reworkStart is required for rework',
    path: ['reworkStart'],
  });
export type ResolveDisputeBody = z.infer<typeof resolveDisputeBody>;

export const resolveDisputeResponse = z.object({
  bookingId: uuid,
  resolution: adminDisputeRecord,
  /** The booking's status afterwards: COMPLETED (refund / no action) or CONFIRMED (rework). */
  status: bookingStatusSchema,
  /** In-app: the gateway refund. Cash/UPI: the platform-advanced refund owed to the customer. */
  refund: refundResponse.nullable(),
});

/** Marks a platform-advanced cash/UPI dispute refund as paid out to the customer. */
export const settleRefundBody = z.strictObject({
  /** The bank/UPI transfer reference. */
  reference: z.string().trim().min(3).max(100),
});
export const adminRefundParams = z.strictObject({ id: uuid });

// ---------- money ----------

export const adminPaymentsQuery = z.strictObject({
  status: paymentStatusSchema.optional(),
  method: paymentMethodSchema.optional(),
  /** Payments with a refund in this state: FAILED ones need an admin retry, PENDING ones are under way. */
  refundStatus: z.enum(['PENDING', 'FAILED']).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(300).optional(),
  limit: limit(100, 25),
});
export const adminPaymentItem = paymentResponse.extend({
  bookingNumber: z.string(),
  customerName: z.string().nullable(),
  providerName: z.string().nullable(),
  refunds: z.array(refundResponse),
});
export const adminPaymentsResponse = z.object({ items: z.array(adminPaymentItem), nextCursor: z.string().nullable() });

export const adminPayoutsQuery = z.strictObject({
  status: z.enum(['REQUESTED', 'PROCESSING', 'PROCESSED', 'FAILED']).optional(),
  cursor: z.string().max(300).optional(),
  limit: limit(100, 25),
});
export const adminPayoutItem = payoutResponse.extend({
  providerName: z.string().nullable(),
  businessName: z.string().nullable(),
  vendor: z.string().nullable(),
  /** FAILED and not yet retried: POST /api/admin/payouts/:id/retry. */
  retryable: z.boolean(),
});
export const adminPayoutsResponse = z.object({
  items: z.array(adminPayoutItem),
  nextCursor: z.string().nullable(),
  counts: z.object({
    REQUESTED: z.number().int(),
    PROCESSING: z.number().int(),
    PROCESSED: z.number().int(),
    FAILED: z.number().int(),
  }),
});

export const adminRevenueQuery = z.strictObject({ from: day.optional(), to: day.optional() });
export const adminRevenueDay = z.object({
  date: day,
  commissionPaise: z.number().int(),
  gstPaise: z.number().int(),
  /** Refunds the platform bore after escrow release (net of provider clawbacks). */
  refundsExpensePaise: z.number().int(),
  netRevenuePaise: z.number().int(),
});
export const adminRevenueResponse = z.object({
  from: day,
  to: day,
  timeZone: z.literal('Asia/Kolkata'),
  days: z.array(adminRevenueDay),
  totals: adminRevenueDay.omit({ date: true }),
});

/** Every admin route this file describes (method, path) — the console's API map. */
export const ADMIN_ROUTES = {
  metricsOverview: { method: 'GET', path: '/api/admin/metrics/overview' },
  attention: { method: 'GET', path: '/api/admin/attention' },
  bookings: { method: 'GET', path: '/api/admin/bookings' },
  booking: { method: 'GET', path: '/api/admin/bookings/:id' },
  disputes: { method: 'GET', path: '/api/admin/disputes' },
  dispute: { method: 'GET', path: '/api/admin/disputes/:bookingId' },
  resolveDispute: { method: 'POST', path: '/api/admin/disputes/:bookingId/resolve' },
  settleRefund: { method: 'POST', path: '/api/admin/refunds/:id/settle' },
  retryRefund: { method: 'POST', path: '/api/admin/refunds/:id/retry' },
  payments: { method: 'GET', path: '/api/admin/payments' },
  payouts: { method: 'GET', path: '/api/admin/payouts' },
  revenue: { method: 'GET', path: '/api/admin/revenue' },
} as const;
