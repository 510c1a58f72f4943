import type { BookingView } from '@localpro/contracts';
import { toIstIso } from '../../lib/time';
import type { BookingEventRow, BookingRow, ProposalRow } from './bookings.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The API shape of a booking. `startCode` only when `forCustomer` (the provider must hear it from
 * the customer at the door); the timeline only for the detail view.
 */
export function toBookingView(
  b: BookingRow,
  opts: {
    forCustomer: boolean;
    proposal?: ProposalRow | null;
    customerUserId?: string;
    events?: BookingEventRow[];
    /** BOOKING_RESPONSE_TIMEOUT_MIN: a PENDING request shows when it expires (`respondBy`). */
    responseTimeoutMin?: number;
    /** The detail view's extras for a participant (see bookingView in contracts). */
    detail?: Pick<BookingView, 'counterpart' | 'cancellationQuote'>;
  },
): BookingView {
  const p = opts.proposal;
  return {
    id: b.id,
    bookingNumber: b.bookingNumber,
    status: b.status,
    customerId: b.customerId,
    providerId: b.providerId,
    categoryId: b.categoryId,
    subCategoryId: b.subCategoryId,
    serviceType: b.serviceType,
    serviceLocation: b.serviceLocation,
    scheduledStart: toIstIso(b.scheduledStart),
    scheduledEnd: toIstIso(b.scheduledEnd),
    travelBufferMin: b.travelBufferMin,
    quotedPrice: b.quotedPrice,
    finalPrice: b.finalPrice,
    currency: b.currency,
    cancellationFee: b.cancellationFee,
    cancellationReason: b.cancellationReason,
    cancelledBy: b.cancelledBy,
    rejectionReason: b.rejectionReason,
    noShowParty: b.noShowParty,
    disputeReason: b.disputeReason,
    specialInstructions: b.specialInstructions,
    responseTimeSec: b.responseTimeSec,
    respondBy:
      b.status === 'PENDING' && opts.responseTimeoutMin
        ? toIstIso(new Date(b.createdAt.getTime() + opts.responseTimeoutMin * 60_000))
        : null,
    ...(opts.forCustomer ? { startCode: b.startCode } : {}),
    createdAt: b.createdAt.toISOString(),
    confirmedAt: iso(b.confirmedAt),
    onTheWayAt: iso(b.onTheWayAt),
    startedAt: iso(b.startedAt),
    completedAt: iso(b.completedAt),
    customerConfirmedAt: iso(b.customerConfirmedAt),
    cancelledAt: iso(b.cancelledAt),
    noShowAt: iso(b.noShowAt),
    disputedAt: iso(b.disputedAt),
    pendingReschedule: p
      ? {
          id: p.id,
          proposedBy: p.proposedByUserId === opts.customerUserId ? 'CUSTOMER' : 'PROVIDER',
          proposedStart: toIstIso(p.proposedStart),
          proposedEnd: toIstIso(p.proposedEnd),
          createdAt: p.createdAt.toISOString(),
        }
      : null,
    ...(opts.events
      ? {
          timeline: opts.events.map((e) => ({
            type: e.type,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            actorRole: e.actorRole,
            reason: e.reason,
            at: e.createdAt.toISOString(),
          })),
        }
      : {}),
    ...(opts.detail ?? {}),
  };
}

/** Statuses in which the two sides see each other's phone number (the job is agreed and not over). */
export const CONTACT_STATUSES = new Set<BookingRow['status']>(['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'DISPUTED']);
