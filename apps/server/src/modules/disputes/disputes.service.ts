import type { ResolveDisputeBody } from '@localpro/contracts';
import type { Logger } from 'pino';
import type { Db, RawQuery, Tx } from '../../db/client';
import type { Actor } from '../../http/auth';
import { AppError, businessRule, conflict, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { numericCode } from '../../lib/ids';
import { istDate, toIstIso } from '../../lib/time';
import { type AdminBookingsService, partyViews, resolutionView } from '../admin/admin-bookings.service';
import { decodeKeyset, encodeKeyset } from '../admin/admin-range';
import { recordAudit } from '../audit/audit.repository';
import { decide } from '../bookings/booking-state';
import { type BookingRow, createBookingsRepository, rangeLiteral, slotTaken, sqlState } from '../bookings/bookings.repository';
import type { BookingService } from '../bookings/bookings.service';
import { toBookingView } from '../bookings/bookings.view';
import { nonZero } from '../ledger/accounts';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../notifications/notify';
import { providerRecoveryFor } from '../payments/fees';
import { refundView } from '../payments/payment-view';
import type { PaymentRow } from '../payments/payments.repository';
import * as payRepo from '../payments/payments.repository';
import type { PaymentService } from '../payments/payments.service';
import { DIRECT_REFUND_KIND } from '../payments/refund-retry';
import { activeAdminIds } from '../users/users.repository';
import { type DisputeResolution, outcomeText, paidStatus, recoveryText, refundAmountFor, refundableOf } from './dispute-rules';
import { createDisputesRepository, type DisputeListRow } from './disputes.repository';

const TRANSCRIPT_CAP = 2000;
const HOUR_MS = 3_600_000;

export interface DisputesDeps {
  db: Db;
  query: RawQuery;
  bookings: BookingService;
  payments: PaymentService;
  ledger: Ledger;
  notifier: Notifier;
  events: EventBus;
  adminBookings: AdminBookingsService;
  logger: Logger;
  now?: () => Date;
}

/**
 * Disputes: the admin queue, the evidence, and the resolution (refund in full or part, rework, or no
 * action) applied to the booking, the money and the ledger in one transaction. See docs/bookings.md.
 */
export function createDisputesService(deps: DisputesDeps) {
  const { db, ledger, notifier } = deps;
  const repo = createDisputesRepository(deps.query);
  const bookingsRepo = createBookingsRepository();
  const now = deps.now ?? (() => new Date());

  async function listItem(r: DisputeListRow, resolutions: Map<string, ReturnType<typeof resolutionView>>) {
    const openedAt = new Date(r.opened_at);
    const end = r.resolved_at ? new Date(r.resolved_at) : now();
    const paid = r.pay_method && r.pay_status && (paidStatus(r.pay_method, r.pay_status) || r.pay_status === 'REFUNDED');
    return {
      bookingId: r.id,
      bookingNumber: r.booking_number,
      status: r.status as BookingRow['status'],
      serviceType: r.service_type,
      reason: r.dispute_reason,
      openedAt: openedAt.toISOString(),
      ageHours: Math.max(0, Math.floor((end.getTime() - openedAt.getTime()) / HOUR_MS)),
      ...partyViews(r),
      paidPaise: paid ? Number(r.pay_amount) : 0,
      paymentMethod: (r.pay_method as PaymentRow['method'] | null) ?? null,
      evidence: {
        timelineEvents: r.timeline_events,
        chatMessages: r.chat_messages,
        photos: r.photos,
        startCodeUsed: r.start_code_used,
      },
      resolution: r.resolution_id ? (resolutions.get(r.resolution_id) ?? null) : null,
    };
  }

  async function list(q: { state: 'OPEN' | 'RESOLVED'; cursor?: string; limit: number }) {
    const key = decodeKeyset(q.cursor);
    const rows = q.state === 'OPEN' ? await repo.listOpen(key, q.limit) : await repo.listResolved(key, q.limit);
    const page = rows.slice(0, q.limit);
    const resolved = await repo.resolutionsByIds(
      db,
      page.map((r) => r.resolution_id).filter((x): x is string => x != null),
    );
    const byId = new Map(resolved.map((r) => [r.r.id, resolutionView(r)]));
    const last = page.at(-1);
    return {
      items: await Promise.all(page.map((r) => listItem(r, byId))),
      nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.sort_key, id: last.sort_id }) : null,
    };
  }

  /** Everything an admin needs to decide: the booking detail, the pair's chat (originals unmasked), photos. Audited. */
  async function evidence(actor: Actor, bookingId: string, ip: string | null) {
    const base = await deps.adminBookings.detail(bookingId);
    if (!base.dispute.open && base.dispute.resolutions.length === 0) throw notFound('Dispute');
    const roomId = base.chatRoomId;
    const rows = roomId ? await repo.transcript(db, roomId, TRANSCRIPT_CAP) : [];
    const shown = rows.slice(0, TRANSCRIPT_CAP);
    const messages = shown.map((m) => ({
      id: m.id,
      seq: m.seq,
      senderId: m.senderId,
      senderRole:
        m.senderId === base.customer.userId
          ? ('CUSTOMER' as const)
          : m.senderId === base.provider.userId
            ? ('PROVIDER' as const)
            : ('ADMIN' as const),
      type: m.type,
      content: m.content,
      originalContent: m.originalContent,
      detectedLanguage: m.detectedLanguage,
      translations: Object.fromEntries(Object.entries(m.translations ?? {}).map(([lang, t]) => [lang, t.text])),
      mediaId: m.mediaUrl,
      location: m.location,
      createdAt: m.createdAt.toISOString(),
    }));
    const photos = [
      ...shown
        .filter((m) => m.type === 'IMAGE' && m.mediaUrl)
        .map((m) => ({
          source: 'CHAT' as const,
          mediaId: m.mediaUrl!,
          messageId: m.id,
          reviewId: null,
          at: m.createdAt.toISOString(),
        })),
      ...(base.review?.photoIds ?? []).map((id) => ({
        source: 'REVIEW' as const,
        mediaId: id,
        messageId: null,
        reviewId: base.review!.id,
        at: base.review!.createdAt,
      })),
    ];
    const live = base.payments.find((p) => p.status !== 'FAILED') ?? null;
    await recordAudit(db, {
      actorUserId: actor.userId,
      action: 'dispute.evidence.view',
      objectType: 'booking',
      objectId: bookingId,
      after: { chatRoomId: roomId, messages: messages.length },
      ip,
    });
    return {
      ...base,
      chat: roomId ? { roomId, messages, truncated: rows.length > TRANSCRIPT_CAP } : null,
      photos,
      refundablePaise: refundableOf(live),
    };
  }

  /**
   * Cash/UPI: the platform owes the customer (refunds_payable); `recovered` of it comes from the
   * provider's wallet (all of it unless the admin decided the platform bears it).
   */
  async function directRefund(
    tx: Tx,
    payment: PaymentRow,
    b: BookingRow,
    { amount, recovered, reason, actor }: { amount: number; recovered: number; reason: string; actor: Actor },
  ) {
    const refund = await payRepo.insertRefund(tx, {
      paymentId: payment.id,
      kind: DIRECT_REFUND_KIND,
      amount,
      gatewayPaymentId: `direct:${payment.id}`,
      reason,
      requestedByUserId: actor.userId,
    });
    if (!refund) throw conflict('CONFLICT', 'The refund could not be recorded');
    await ledger.post(tx, {
      kind: 'REFUND',
      reference: refund.id,
      bookingId: b.id,
      memo:
        recovered > 0
          ? 'Dispute refund of a direct payment: advanced to the customer, recovered from the provider'
          : 'Dispute refund of a direct payment: advanced to the customer, borne by the platform',
      lines: nonZero([
        { account: { wallet: b.providerId }, amount: recovered },
        { account: 'refunds_expense', amount: amount - recovered },
        { account: 'refunds_payable', amount: -amount },
      ]),
    });
    const refundedAmount = payment.refundedAmount + amount;
    await payRepo.updatePayment(tx, payment.id, {
      refundedAmount,
      refundedAt: now(),
      providerEarnings: Math.max(0, payment.providerEarnings - recovered),
      status: refundedAmount >= payment.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
    });
    return refund;
  }

  /** For REWORK: the new start must be one of the provider's free slots (checked before the transaction). */
  async function reworkSlot(b: BookingRow, startIso: string) {
    const start = new Date(startIso);
    if (start.getTime() <= now().getTime()) throw businessRule('SLOT_UNAVAILABLE', 'Pick a time in the future for the rework');
    const avail = await deps.bookings.availability({
      providerId: b.providerId,
      date: istDate(start),
      subCategoryId: b.subCategoryId,
      lat: b.serviceLat,
      lng: b.serviceLng,
    });
    if (!avail.slots.some((s) => new Date(s.start).getTime() === start.getTime())) {
      throw businessRule('SLOT_UNAVAILABLE', 'The provider is not free at that time', { date: avail.date });
    }
    const end = new Date(start.getTime() + (b.scheduledEnd.getTime() - b.scheduledStart.getTime()));
    return { start, end };
  }

  async function alreadyResolved(bookingId: string, status: string): Promise<never> {
    const ev = await repo.latestDisputeEvent(db, bookingId);
    const done = ev ? await repo.findResolutionForEvent(db, ev.id) : null;
    if (done) {
      throw conflict('DISPUTE_ALREADY_RESOLVED', 'This dispute has already been resolved', {
        resolutionId: done.id,
        resolution: done.resolution,
      });
    }
    throw conflict('NOT_DISPUTED', `The booking is ${status}, not disputed`);
  }

  async function resolve(actor: Actor, bookingId: string, body: ResolveDisputeBody, ip: string | null) {
    const current = await bookingsRepo.find(db, bookingId);
    if (!current) throw notFound('Booking');
    if (current.status !== 'DISPUTED') await alreadyResolved(bookingId, current.status);
    const slot = body.resolution === 'REWORK' ? await reworkSlot(current, body.reworkStart!) : null;

    const out = await db.transaction(async (tx) => {
      const b = await bookingsRepo.lock(tx, bookingId);
      if (!b) throw notFound('Booking');
      const d = decide(b.status, body.resolution === 'REWORK' ? 'reworkDispute' : 'resolveDispute', 'ADMIN');
      if (!d.ok) return { retry: b.status };
      const at = now();
      let ev = await repo.latestDisputeEvent(tx, b.id);
      if (!ev) {
        // A booking set DISPUTED without its timeline entry (imported data): record the opening first,
        // dated when it was disputed (or last changed), so it sorts before this transaction's entry.
        const opening = {
          bookingId: b.id,
          type: 'DISPUTED',
          fromStatus: null,
          toStatus: 'DISPUTED' as const,
          actorUserId: null,
          actorRole: null,
          reason: b.disputeReason,
          data: { backfilled: true },
          createdAt: b.disputedAt ?? b.updatedAt,
        };
        await bookingsRepo.insertEvent(tx, opening);
        ev = (await repo.latestDisputeEvent(tx, b.id))!;
      }

      const payment = await payRepo.findLivePayment(tx, b.id, true);
      const amount = refundAmountFor(body.resolution, refundableOf(payment), body.amountPaise);
      if (amount instanceof AppError) throw amount;
      const reason = `Dispute on ${b.bookingNumber}: ${body.note}`;
      let refund = null;
      let recovered = 0;
      if (amount > 0 && payment) {
        const recoverFromProvider = body.recoverFromProvider !== false;
        if (payment.method === 'ONLINE') {
          const created = await deps.payments.escrow.createRefund(tx, payment, {
            kind: 'ADMIN',
            amount,
            reason,
            requestedByUserId: actor.userId,
            recoverFromProvider,
          });
          if (!created) throw conflict('CONFLICT', 'The refund could not be recorded');
          refund = created;
          recovered = created.providerRecovery;
        } else {
          recovered = recoverFromProvider
            ? providerRecoveryFor({
                method: payment.method,
                refund: amount,
                fromEscrow: 0,
                remaining: payment.amount - payment.refundedAmount,
                providerEarnings: payment.providerEarnings,
              })
            : 0;
          refund = await directRefund(tx, payment, b, { amount, recovered, reason, actor });
        }
      }

      const patch = slot
        ? {
            status: d.to,
            scheduledStart: slot.start,
            scheduledEnd: slot.end,
            slot: rangeLiteral(slot.start, new Date(slot.end.getTime() + b.travelBufferMin * 60_000)),
            startCode: numericCode(4),
            startCodeAttempts: 0,
            onTheWayAt: null,
            startedAt: null,
            completedAt: null,
            customerConfirmedAt: null,
            updatedAt: at,
          }
        : { status: d.to, completedAt: b.completedAt ?? at, customerConfirmedAt: b.customerConfirmedAt ?? at, updatedAt: at };
      let updated: BookingRow | null;
      try {
        updated = await bookingsRepo.update(tx, b.id, 'DISPUTED', patch);
      } catch (err) {
        if (sqlState(err).code === '23P01') throw slotTaken();
        throw err;
      }
      if (!updated) throw conflict('ILLEGAL_TRANSITION', 'The booking changed meanwhile; reload and try again');

      const resolution = await repo.insertResolution(tx, {
        bookingId: b.id,
        disputeEventId: ev.id,
        resolution: body.resolution,
        amountPaise: amount,
        providerRecoveryPaise: recovered,
        note: body.note,
        refundId: refund?.id ?? null,
        reworkStart: slot?.start ?? null,
        resolvedByUserId: actor.userId,
        openedAt: b.disputedAt && b.disputedAt < ev.createdAt ? b.disputedAt : ev.createdAt,
      });
      if (!resolution) throw conflict('DISPUTE_ALREADY_RESOLVED', 'This dispute has already been resolved');
      await bookingsRepo.insertEvent(tx, {
        bookingId: b.id,
        type: 'DISPUTE_RESOLVED',
        fromStatus: 'DISPUTED',
        toStatus: updated.status,
        actorUserId: actor.userId,
        actorRole: 'ADMIN',
        reason: body.note,
        data: {
          resolution: body.resolution,
          amountPaise: amount,
          refundId: refund?.id ?? null,
          ...(slot
            ? {
                reworkStart: toIstIso(slot.start),
                previous: { scheduledStart: toIstIso(b.scheduledStart), completedAt: b.completedAt?.toISOString() ?? null },
              }
            : {}),
        },
      });
      // The case is closed: what is still held in escrow goes to the provider and the platform.
      if (!slot) await deps.payments.releaseEscrowForBooking(tx, b.id);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'dispute.resolve',
        objectType: 'booking',
        objectId: b.id,
        before: { status: 'DISPUTED', disputeReason: b.disputeReason, refundable: refundableOf(payment) },
        after: {
          status: updated.status,
          resolution: body.resolution,
          amountPaise: amount,
          providerRecoveryPaise: recovered,
          refundId: refund?.id ?? null,
          reworkStart: slot?.start.toISOString() ?? null,
        },
        reason: body.note,
        ip,
      });
      const parties = await bookingsRepo.parties(tx, updated);
      const outcome = outcomeText(body.resolution as DisputeResolution, amount, slot ? toIstIso(slot.start) : null);
      const recovery = recovered > 0 ? recoveryText(recovered) : null;
      for (const userId of [parties.customerUserId, parties.providerUserId]) {
        const toProvider = userId === parties.providerUserId && recovery;
        await notifier.notify(tx, {
          userId,
          type: 'DISPUTE_RESOLVED',
          data: {
            bookingId: b.id,
            bookingNumber: b.bookingNumber,
            resolution: toProvider ? `${outcome.en} ${recovery.en}` : outcome.en,
            resolutionHi: toProvider ? `${outcome.hi} ${recovery.hi}` : outcome.hi,
            note: body.note,
            amountPaise: amount,
            ...(slot ? { scheduledStart: toIstIso(slot.start) } : {}),
          },
        });
      }
      return { retry: null, updated, resolution, refund, parties, online: payment?.method === 'ONLINE' };
    });
    if (out.retry) return alreadyResolved(bookingId, out.retry);
    const { updated, resolution, refund, parties } = out;

    if (refund && out.online) {
      try {
        await deps.payments.escrow.executeRefund(refund.id);
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message, refundId: refund.id }, 'dispute refund call failed; the job retries it');
      }
    }
    deps.events.emit('booking.updated', {
      bookingId: updated.id,
      status: updated.status,
      customerUserId: parties.customerUserId,
      providerUserId: parties.providerUserId,
      booking: toBookingView(updated, { forCustomer: false, customerUserId: parties.customerUserId }),
    });
    const [view] = (await deps.adminBookings.detail(bookingId)).dispute.resolutions.filter((r) => r.id === resolution.id);
    const refundRow = refund ? await payRepo.findRefund(db, refund.id) : null;
    return { bookingId, resolution: view!, status: updated.status, refund: refundRow ? refundView(refundRow) : null };
  }

  /** Ops paid a platform-advanced cash/UPI dispute refund to the customer (bank/UPI reference). Audited. */
  async function settleDirectRefund(actor: Actor, refundId: string, reference: string, ip: string | null) {
    await db.transaction(async (tx) => {
      const refund = await payRepo.findRefund(tx, refundId, true);
      if (!refund) throw notFound('Refund');
      if (refund.kind !== DIRECT_REFUND_KIND) {
        throw businessRule('NOT_A_DIRECT_REFUND', 'Gateway refunds are settled by the gateway, not by hand');
      }
      if (refund.status === 'PROCESSED') throw conflict('REFUND_ALREADY_SETTLED', 'This refund was already paid out');
      await payRepo.updateRefund(tx, refund.id, {
        status: 'PROCESSED',
        processedAt: now(),
        gatewayRefundId: `manual:${refund.id}:${reference}`,
      });
      const payment = (await payRepo.findPayment(tx, refund.paymentId))!;
      await ledger.post(tx, {
        kind: 'REFUND_SETTLED',
        reference: refund.id,
        bookingId: payment.bookingId,
        memo: `Paid to the customer by hand, reference ${reference}`,
        lines: [
          { account: 'refunds_payable', amount: refund.amount },
          { account: 'gateway_clearing', amount: -refund.amount },
        ],
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: 'refund.settle',
        objectType: 'refund',
        objectId: refund.id,
        before: { status: refund.status },
        after: { status: 'PROCESSED', reference },
        ip,
      });
      const booking = (await payRepo.findBookingForPayment(tx, payment.bookingId))!;
      await notifier.notify(tx, {
        userId: booking.customerUserId,
        type: 'REFUND_ISSUED',
        data: { bookingId: booking.id, bookingNumber: booking.bookingNumber, amountPaise: refund.amount, reason: 'DISPUTE' },
      });
    });
    return refundView((await payRepo.findRefund(db, refundId))!);
  }

  /** Booking hook: a customer disputed → tell the provider and the admins (in that transaction). */
  async function onDisputed(tx: Tx, booking: BookingRow) {
    const parties = await bookingsRepo.parties(tx, booking);
    const data = {
      bookingId: booking.id,
      bookingNumber: booking.bookingNumber,
      customerName: parties.customerName,
      serviceName: booking.serviceType,
      reason: booking.disputeReason,
    };
    await notifier.notify(tx, { userId: parties.providerUserId, type: 'BOOKING_DISPUTED', data });
    for (const userId of await activeAdminIds(tx)) await notifier.notify(tx, { userId, type: 'BOOKING_DISPUTED', data });
  }

  return { list, evidence, resolve, settleDirectRefund, onDisputed };
}
export type DisputesService = ReturnType<typeof createDisputesService>;

/** Wires the BOOKING_DISPUTED notifications into the booking lifecycle. */
export function connectDisputeHooks(bookings: Pick<BookingService, 'onTransition'>, disputes: DisputesService): void {
  bookings.onTransition(async (tx, e) => {
    if (e.to === 'DISPUTED' && e.from !== 'DISPUTED') await disputes.onDisputed(tx, e.booking);
  });
}
