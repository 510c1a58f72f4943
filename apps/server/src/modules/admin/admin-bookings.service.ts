import type { BookingStatusName } from '@localpro/contracts';
import type { Config } from '../../config';
import type { Db, RawQuery } from '../../db/client';
import { notFound } from '../../lib/errors';
import { normalizeIndianPhone } from '../auth/phone';
import { toBookingView } from '../bookings/bookings.view';
import { paymentView, refundView } from '../payments/payment-view';
import { reviewerDisplayName } from '../reviews/reviews.service';
import { type BookingSearchRow, createAdminBookingsRepository } from './admin-bookings.repository';
import { decodeKeyset, encodeKeyset, istRange } from './admin-range';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export function partyViews(
  r: Pick<
    BookingSearchRow,
    | 'customer_user_id'
    | 'customer_id'
    | 'customer_name'
    | 'customer_phone'
    | 'provider_user_id'
    | 'provider_id'
    | 'provider_name'
    | 'provider_phone'
    | 'business_name'
  >,
) {
  return {
    customer: { userId: r.customer_user_id, profileId: r.customer_id, name: r.customer_name, phone: r.customer_phone },
    provider: {
      userId: r.provider_user_id,
      profileId: r.provider_id,
      name: r.provider_name,
      phone: r.provider_phone,
      businessName: r.business_name,
    },
  };
}

/** How the words an admin types map to a search: a phone, else a booking number or a name. */
export function interpretBookingQuery(q: string | undefined) {
  const text = q?.trim();
  if (!text) return {};
  const phone = normalizeIndianPhone(text);
  if (phone) return { phone };
  const upper = text.toUpperCase().replace(/\s+/g, '');
  const escaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return {
    text: {
      exact: upper,
      numberLike: `${upper.startsWith('LP') ? '' : '%'}${escaped(upper)}%`,
      nameLike: `%${escaped(text)}%`,
    },
  };
}

type ResolutionRow = Awaited<ReturnType<ReturnType<typeof createAdminBookingsRepository>['resolutions']>>[number];
export function resolutionView({ r, resolverName }: ResolutionRow) {
  return {
    id: r.id,
    resolution: r.resolution,
    amountPaise: r.amountPaise,
    providerRecoveryPaise: r.providerRecoveryPaise,
    note: r.note,
    refundId: r.refundId,
    reworkStart: iso(r.reworkStart),
    resolvedBy: { userId: r.resolvedByUserId, name: resolverName },
    openedAt: r.openedAt.toISOString(),
    resolvedAt: r.createdAt.toISOString(),
  };
}

/** Booking search and the full admin detail (timeline, money, review, dispute state). Read-only. */
export function createAdminBookingsService(deps: {
  db: Db;
  query: RawQuery;
  config: Pick<Config, 'START_CODE_MAX_TRIES'>;
  now?: () => Date;
}) {
  const { db } = deps;
  const repo = createAdminBookingsRepository(deps.query);
  const now = deps.now ?? (() => new Date());

  async function search(q: {
    q?: string;
    status?: BookingStatusName;
    from?: string;
    to?: string;
    cursor?: string;
    limit: number;
  }) {
    const range = q.from || q.to ? istRange({ from: q.from ?? q.to, to: q.to ?? q.from }, now(), { maxDays: 3660 }) : null;
    const rows = await repo.search({
      status: q.status,
      startUtc: range?.startUtc,
      endUtc: range?.endUtc,
      ...interpretBookingQuery(q.q),
      before: decodeKeyset(q.cursor),
      limit: q.limit,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        bookingNumber: r.booking_number,
        status: r.status as BookingStatusName,
        serviceType: r.service_type,
        scheduledStart: iso(r.scheduled_start)!,
        createdAt: iso(r.created_at)!,
        quotedPrice: Number(r.quoted_price),
        finalPrice: r.final_price == null ? null : Number(r.final_price),
        city: r.city,
        ...partyViews(r),
        disputeOpen: r.status === 'DISPUTED',
      })),
      nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.created_at_key, id: last.id }) : null,
    };
  }

  async function detail(id: string) {
    const b = await repo.findBooking(db, id);
    if (!b) throw notFound('Booking');
    const [parties, timeline, pays, ledgerRows, review, resolutions, chatRoomId] = await Promise.all([
      repo.parties(db, b),
      repo.timeline(db, b.id),
      repo.payments(db, b.id),
      repo.ledger(db, b.id),
      repo.review(db, b.id),
      repo.resolutions(db, b.id),
      repo.chatRoomId(db, b),
    ]);
    const events = timeline.map((t) => t.ev);
    const firstStart = events.find((e) => e.toStatus === 'IN_PROGRESS');
    const lastDisputed = events.filter((e) => e.toStatus === 'DISPUTED').at(-1);

    const txs = new Map<
      string,
      { id: string; kind: string; memo: string | null; createdAt: string; lines: { account: string; amount: number }[] }
    >();
    const totals = {
      capturedPaise: 0,
      refundedPaise: 0,
      providerCreditedPaise: 0,
      providerClawbackPaise: 0,
      commissionPaise: 0,
      gstPaise: 0,
      heldInEscrowPaise: 0,
    };
    for (const l of ledgerRows) {
      const tx = txs.get(l.id) ?? { id: l.id, kind: l.kind, memo: l.memo, createdAt: l.createdAt.toISOString(), lines: [] };
      tx.lines.push({ account: l.account, amount: l.amount });
      txs.set(l.id, tx);
      if (l.kind === 'CAPTURE' && l.account === 'gateway_clearing') totals.capturedPaise += l.amount;
      if (l.kind === 'REFUND' && l.account === 'refunds_payable') totals.refundedPaise -= l.amount;
      if (l.account.startsWith('provider_wallet:')) {
        if (l.amount < 0) totals.providerCreditedPaise -= l.amount;
        else totals.providerClawbackPaise += l.amount;
      }
      if (l.account === 'platform_revenue') totals.commissionPaise -= l.amount;
      if (l.account === 'gst_payable') totals.gstPaise -= l.amount;
      if (l.account === 'escrow') totals.heldInEscrowPaise -= l.amount;
    }

    const r = review?.review;
    return {
      booking: toBookingView(b, { forCustomer: false, customerUserId: parties.customerUserId, events }),
      city: parties.city,
      customer: {
        userId: parties.customerUserId,
        profileId: b.customerId,
        name: parties.customerName,
        phone: parties.customerPhone,
      },
      provider: {
        userId: parties.providerUserId,
        profileId: b.providerId,
        name: parties.providerName,
        phone: parties.providerPhone,
        businessName: parties.businessName,
      },
      timeline: timeline.map(({ ev, actorName }) => ({
        id: ev.id,
        type: ev.type,
        fromStatus: ev.fromStatus,
        toStatus: ev.toStatus,
        actor: ev.actorUserId ? { userId: ev.actorUserId, role: ev.actorRole, name: actorName } : null,
        reason: ev.reason,
        data: ev.data,
        at: ev.createdAt.toISOString(),
      })),
      startCode: {
        used: firstStart != null,
        usedAt: firstStart ? firstStart.createdAt.toISOString() : null,
        wrongAttempts: events.filter((e) => e.type === 'START_CODE_WRONG').length,
        locked: b.status === 'CONFIRMED' && b.startCodeAttempts >= deps.config.START_CODE_MAX_TRIES,
        resets: events.filter((e) => e.type === 'START_CODE_RESET').length,
      },
      payments: pays.map(({ payment, attempts, refunds }) => ({
        ...paymentView(payment),
        attempts: attempts.map((a) => ({
          gatewayPaymentId: a.gatewayPaymentId,
          status: a.status,
          amount: a.amount,
          errorReason: a.errorReason,
          createdAt: a.createdAt.toISOString(),
        })),
        refunds: refunds.map(refundView),
      })),
      ledger: { transactions: [...txs.values()], totals },
      review: r
        ? {
            id: r.id,
            providerId: r.providerId,
            reviewerName: reviewerDisplayName(review.reviewerName),
            overallRating: r.overallRating,
            qualityRating: r.qualityRating,
            punctualityRating: r.punctualityRating,
            professionalismRating: r.professionalismRating,
            valueRating: r.valueRating,
            comment: r.comment,
            photoIds: r.photos,
            helpfulCount: r.helpfulCount,
            createdAt: r.createdAt.toISOString(),
            providerResponse:
              r.providerResponse && r.respondedAt ? { text: r.providerResponse, respondedAt: r.respondedAt.toISOString() } : null,
            bookingId: r.bookingId,
            customerId: r.customerId,
            isPublished: r.isPublished,
            moderationStatus: r.moderationStatus as 'PUBLISHED' | 'HELD' | 'UNPUBLISHED',
            moderationReason: r.moderationReason,
            isFlagged: r.isFlagged,
            flagReason: r.flagReason,
          }
        : null,
      dispute: {
        open: b.status === 'DISPUTED',
        reason: b.disputeReason,
        openedAt: b.status === 'DISPUTED' && lastDisputed ? lastDisputed.createdAt.toISOString() : null,
        resolutions: resolutions.map(resolutionView),
      },
      chatRoomId,
    };
  }

  return { search, detail };
}
export type AdminBookingsService = ReturnType<typeof createAdminBookingsService>;
export type AdminBookingDetail = Awaited<ReturnType<AdminBookingsService['detail']>>;
