import { z } from 'zod';

/** Bookings: availability, the booking lifecycle and its views. Times are ISO 8601 with an offset. */

export const bookingStatusSchema = z.enum([
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
  'IN_PROGRESS',
  'COMPLETED',
  'NO_SHOW',
  'DISPUTED',
]);
export type BookingStatusName = z.infer<typeof bookingStatusSchema>;
export const bookingPartySchema = z.enum(['CUSTOMER', 'PROVIDER', 'ADMIN', 'SYSTEM']);

const isoWithOffset = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(3).max(500);

export const availabilityParams = z.strictObject({ id: z.uuid() });
export const availabilityQuery = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD'),
  subCategoryId: z.uuid().optional(),
  /** Where the job would be; makes the travel buffers exact. Defaults to the provider's base. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});
export const slotSchema = z.object({ start: isoWithOffset, end: isoWithOffset });
export const availabilityResponse = z.object({
  date: z.string(),
  timeZone: z.literal('Asia/Kolkata'),
  durationMin: z.number().int(),
  slots: z.array(slotSchema),
});

export const serviceLocationInput = z.union([
  z.strictObject({
    address: z.string().trim().min(3).max(300),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    landmark: z.string().trim().max(120).optional(),
    pincode: z
      .string()
      .regex(/^[1-9]\d{5}$/)
      .optional(),
  }),
  z.strictObject({ addressId: z.uuid() }),
]);

export const createBookingBody = z.strictObject({
  providerId: z.uuid(),
  subCategoryId: z.uuid(),
  scheduledStart: isoWithOffset,
  serviceLocation: serviceLocationInput,
  specialInstructions: z.string().trim().max(1000).optional(),
});
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const bookingIdParams = z.strictObject({ id: z.uuid() });
export const bookingReasonBody = z.strictObject({ reason });
export const bookingStartBody = z.strictObject({ startCode: z.string().regex(/^\d{4}$/, 'The start code is 4 digits') });
export const bookingCompleteBody = z.strictObject({ finalPrice: z.number().int().min(0).max(100_000_000).optional() }).nullish();
export const bookingRescheduleBody = z.strictObject({ scheduledStart: isoWithOffset });
/** Actions without input: no body, `null` or `{}`. */
export const bookingEmptyBody = z.strictObject({}).nullish();

export const bookingEventSchema = z.object({
  type: z.string(),
  fromStatus: bookingStatusSchema.nullable(),
  toStatus: bookingStatusSchema.nullable(),
  actorRole: z.enum(['CUSTOMER', 'PROVIDER', 'ADMIN']).nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const rescheduleProposalSchema = z.object({
  id: z.uuid(),
  proposedBy: z.enum(['CUSTOMER', 'PROVIDER']),
  proposedStart: isoWithOffset,
  proposedEnd: isoWithOffset,
  createdAt: z.string(),
});

export const bookingView = z.object({
  id: z.uuid(),
  bookingNumber: z.string(),
  status: bookingStatusSchema,
  customerId: z.uuid(),
  providerId: z.uuid(),
  categoryId: z.uuid(),
  subCategoryId: z.uuid(),
  serviceType: z.string(),
  serviceLocation: z.object({
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    landmark: z.string().optional(),
    pincode: z.string().optional(),
  }),
  scheduledStart: isoWithOffset,
  scheduledEnd: isoWithOffset,
  travelBufferMin: z.number().int(),
  quotedPrice: z.number().int(),
  finalPrice: z.number().int().nullable(),
  currency: z.string(),
  cancellationFee: z.number().int(),
  cancellationReason: z.string().nullable(),
  cancelledBy: bookingPartySchema.nullable(),
  rejectionReason: z.string().nullable(),
  noShowParty: bookingPartySchema.nullable(),
  disputeReason: z.string().nullable(),
  specialInstructions: z.string().nullable(),
  responseTimeSec: z.number().int().nullable(),
  /** While PENDING: when the request expires if the provider has not answered (created + response timeout). */
  respondBy: isoWithOffset.nullable().optional(),
  /** Only in the customer's view: the 4 digits the provider enters to start the job. */
  startCode: z.string().optional(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  onTheWayAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  customerConfirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  noShowAt: z.string().nullable(),
  disputedAt: z.string().nullable(),
  pendingReschedule: rescheduleProposalSchema.nullable(),
  /** Participants and admins only (the detail view). */
  timeline: z.array(bookingEventSchema).optional(),
  /** Detail view for a participant: the other side; the phone number only once the booking is confirmed. */
  counterpart: z.object({ role: z.enum(['CUSTOMER', 'PROVIDER']), name: z.string(), phone: z.string().nullable() }).optional(),
  /**
   * Detail view for a participant who may cancel now: what cancelling would cost them (fee to the
   * provider, in paise) and, for a customer, until when cancelling is free (null once inside the window).
   */
  cancellationQuote: z
    .object({ feePaise: z.number().int(), late: z.boolean(), freeUntil: isoWithOffset.nullable() })
    .nullable()
    .optional(),
});
export type BookingView = z.infer<typeof bookingView>;

export const listBookingsQuery = z.strictObject({
  as: z.enum(['customer', 'provider']),
  status: bookingStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const bookingListResponse = z.object({ items: z.array(bookingView), nextCursor: z.string().nullable() });
