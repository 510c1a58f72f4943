import { timingSafeEqual } from 'node:crypto';
import type { BookingView, CreateBookingBody } from '@localpro/contracts';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../http/auth';
import type { JobQueue } from '../../jobs/jobs';
import { AppError, businessRule, conflict, forbidden, notFound } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import { haversineKm, type LatLng } from '../../lib/geo';
import { numericCode, readableCode } from '../../lib/ids';
import { istDate, toIstIso } from '../../lib/time';
import type { NotificationType, Notifier } from '../notifications/notify';
import { isCalendarDate } from './availability';
import {
  type BookingStatus,
  bookingParty,
  type Decision,
  decide,
  decideSide,
  type Party,
  type SideAction,
  type StatusAction,
} from './booking-state';
import {
  type BookingInsert,
  type BookingRow,
  type BookingsRepository,
  bookingNumberTaken,
  createBookingsRepository,
  partyRole,
  slotTaken,
} from './bookings.repository';
import { durationFor, priceItemFor, providerBase, quoteFor, slotsFor } from './bookings.scheduling';
import { CONTACT_STATUSES, toBookingView as toView } from './bookings.view';
import { type CancellationPolicy, cancellationOutcome, canDispute, noShowOutcome } from './cancellation-policy';

export const BOOKING_JOBS = { expire: 'bookings.expire', autoConfirm: 'bookings.auto_confirm', sweep: 'bookings.sweep' } as const;

/** Runs inside the transition's transaction (e.g. payments releasing escrow on customer confirmation). */
export type BookingHook = (
  tx: Tx,
  e: { booking: BookingRow; from: BookingStatus; to: BookingStatus; action: string; party: Party },
) => Promise<void>;

export interface BookingServiceDeps {
  db: Db;
  jobs: JobQueue;
  notifier: Notifier;
  events: EventBus;
  config: Config;
  /** The clock; tests and job handlers pass their own. */
  now?: () => Date;
  repo?: BookingsRepository;
}

type Who = Actor | 'SYSTEM';
interface Notice {
  to: 'customer' | 'provider';
  type: NotificationType;
  data?: Record<string, unknown>;
}
/** What one action decided: the row patch, its timeline entry, notifications and follow-ups. */
interface Plan {
  to?: BookingStatus;
  patch: Partial<BookingInsert>;
  eventType: string;
  reason?: string | null;
  data?: Record<string, unknown>;
  notices: Notice[];
  after?: (tx: Tx, updated: BookingRow) => Promise<void>;
  /** Commit the patch, then fail with this error (wrong start code: the try is counted). */
  failAfterCommit?: AppError;
}

const MS_MIN = 60_000;

export function createBookingService(deps: BookingServiceDeps) {
  const { db, jobs, notifier, events, config } = deps;
  /** Every booking view carries `respondBy` while the request waits for the provider. */
  const toBookingView = (b: BookingRow, opts: Omit<Parameters<typeof toView>[1], 'responseTimeoutMin'>) =>
    toView(b, { ...opts, responseTimeoutMin: config.BOOKING_RESPONSE_TIMEOUT_MIN });
  const repo = deps.repo ?? createBookingsRepository();
  const now = deps.now ?? (() => new Date());
  const transitionHooks: BookingHook[] = [];
  const confirmedHooks: BookingHook[] = [];

  function partyOf(who: Who, b: BookingRow): Party {
    // Not a participant: the booking does not exist for them (ids cannot be probed).
    const party = bookingParty(who, b);
    if (!party) throw notFound('Booking');
    return party;
  }

  function check(d: Decision): BookingStatus {
    if (d.ok) return d.to;
    if (d.code === 'FORBIDDEN') throw forbidden(d.message);
    throw conflict('ILLEGAL_TRANSITION', d.message);
  }

  async function policyOf(tx: Tx, b: BookingRow): Promise<CancellationPolicy> {
    const sub = await repo.findSubCategory(tx, b.subCategoryId);
    return sub?.cancellationPolicy ?? { freeUntilHours: 4, lateFeeBps: 2000, lateFeeMinPaise: 5000 };
  }

  async function emitUpdated(
    b: BookingRow,
    parties: { customerUserId: string; providerUserId: string },
    known?: { proposal: null },
  ) {
    const proposal = known ? known.proposal : await repo.openProposal(db, b.id).catch(() => null);
    events.emit('booking.updated', {
      bookingId: b.id,
      status: b.status,
      customerUserId: parties.customerUserId,
      providerUserId: parties.providerUserId,
      // Fanned out to both sides: never the start code.
      booking: toBookingView(b, { forCustomer: false, proposal, customerUserId: parties.customerUserId }),
    });
  }

  async function viewFor(party: Party, b: BookingRow, withTimeline: boolean): Promise<BookingView> {
    const [proposal, parties, evts] = await Promise.all([
      repo.openProposal(db, b.id),
      repo.parties(db, b),
      withTimeline ? repo.listEvents(db, b.id) : Promise.resolve(undefined),
    ]);
    return toBookingView(b, {
      forCustomer: party === 'CUSTOMER',
      proposal,
      customerUserId: parties.customerUserId,
      events: evts,
      detail: withTimeline ? await detailFor(party, b, parties) : undefined,
    });
  }

  /** The participant's extras: who the other side is (phone once agreed) and what cancelling now would cost. */
  async function detailFor(
    party: Party,
    b: BookingRow,
    parties: Awaited<ReturnType<BookingsRepository['parties']>>,
  ): Promise<Pick<BookingView, 'counterpart' | 'cancellationQuote'> | undefined> {
    if (party !== 'CUSTOMER' && party !== 'PROVIDER') return undefined;
    const showPhone = CONTACT_STATUSES.has(b.status);
    const counterpart =
      party === 'CUSTOMER'
        ? { role: 'PROVIDER' as const, name: parties.providerName, phone: showPhone ? parties.providerPhone : null }
        : { role: 'CUSTOMER' as const, name: parties.customerName, phone: showPhone ? parties.customerPhone : null };
    if (!decide(b.status, 'cancel', party).ok) return { counterpart, cancellationQuote: null };
    const policy = await policyOf(db as unknown as Tx, b);
    const outcome = cancellationOutcome({
      by: party,
      status: b.status,
      now: now(),
      scheduledStart: b.scheduledStart,
      pricePaise: b.quotedPrice,
      policy,
    });
    const windowStart = new Date(b.scheduledStart.getTime() - policy.freeUntilHours * 3_600_000);
    const freeUntil = party === 'CUSTOMER' && !outcome.late ? toIstIso(windowStart) : null;
    return { counterpart, cancellationQuote: { feePaise: outcome.feePaise, late: outcome.late, freeUntil } };
  }

  /**
   * One action on one booking, atomically: lock the row, check the state machine and the actor,
   * apply the plan with a conditional update, write the timeline entry, notifications and jobs in
   * the same transaction; emit `booking.updated` after commit.
   */
  async function act(
    who: Who,
    id: string,
    decideFn: (b: BookingRow, party: Party) => BookingStatus,
    plan: (tx: Tx, b: BookingRow, party: Party, at: Date) => Promise<Plan>,
  ) {
    const out = await db.transaction(async (tx) => {
      const b = await repo.lock(tx, id);
      if (!b) throw notFound('Booking');
      const party = partyOf(who, b);
      decideFn(b, party);
      const at = now();
      const p = await plan(tx, b, party, at);
      const to = p.to ?? b.status;
      const updated = await repo.update(tx, b.id, b.status, { ...p.patch, ...(p.to ? { status: p.to } : {}), updatedAt: at });
      if (!updated) throw conflict('ILLEGAL_TRANSITION', 'The booking changed meanwhile; reload and try again');
      await repo.insertEvent(tx, {
        bookingId: b.id,
        type: p.eventType,
        fromStatus: b.status,
        toStatus: to,
        actorUserId: who === 'SYSTEM' ? null : who.userId,
        actorRole: partyRole(party),
        reason: p.reason ?? null,
        data: p.data,
      });
      if (p.failAfterCommit) return { updated, party, fail: p.failAfterCommit, parties: null };
      const parties = await repo.parties(tx, updated);
      const base = {
        bookingId: b.id,
        bookingNumber: b.bookingNumber,
        scheduledStart: toIstIso(updated.scheduledStart),
        providerName: parties.providerName,
        customerName: parties.customerName,
        serviceName: updated.serviceType,
      };
      for (const n of p.notices) {
        await notifier.notify(tx, {
          userId: n.to === 'customer' ? parties.customerUserId : parties.providerUserId,
          type: n.type,
          data: { ...base, ...(p.reason ? { reason: p.reason } : {}), ...n.data },
        });
      }
      if (to !== b.status && (to === 'IN_PROGRESS' || !['PENDING', 'CONFIRMED'].includes(to))) {
        const open = await repo.openProposal(tx, b.id);
        if (open) await repo.closeProposal(tx, open.id, 'WITHDRAWN', at);
      }
      await p.after?.(tx, updated);
      for (const hook of transitionHooks) await hook(tx, { booking: updated, from: b.status, to, action: p.eventType, party });
      return { updated, party, fail: null, parties };
    });
    if (out.fail) throw out.fail;
    await emitUpdated(out.updated, out.parties!);
    return { booking: out.updated, party: out.party };
  }

  const byTable = (action: StatusAction) => (b: BookingRow, party: Party) => check(decide(b.status, action, party));
  const bySide = (action: SideAction) => (b: BookingRow, party: Party) => check(decideSide(b.status, action, party));
  const once = <T>(current: T | null, value: T) => current ?? value;
  const otherSide = (party: Party): Notice['to'][] =>
    party === 'CUSTOMER' ? ['provider'] : party === 'PROVIDER' ? ['customer'] : ['customer', 'provider'];

  /** Checks that `start` is one of the provider's free slots for this job (422 outside hours, 409 taken). */
  async function assertSlot(
    tx: Tx,
    provider: NonNullable<Awaited<ReturnType<BookingsRepository['findProvider']>>>,
    start: Date,
    durationMin: number,
    location: LatLng,
    excludeBookingId?: string,
  ) {
    const date = istDate(start);
    const q = { provider, date, durationMin, location, now: now(), excludeBookingId };
    const slots = await slotsFor(tx, repo, config, q);
    const hit = slots.find((s) => s.start.getTime() === start.getTime());
    if (hit) return hit;
    const open = await slotsFor(tx, repo, config, { ...q, ignoreBookings: true });
    if (open.some((s) => s.start.getTime() === start.getTime())) throw slotTaken();
    throw businessRule('SLOT_UNAVAILABLE', 'The provider is not available at that time', { date });
  }

  async function loadProvider(ex: Db | Tx, providerId: string) {
    const p = await repo.findProvider(ex, providerId);
    if (p?.status !== 'APPROVED' || !p.isActive) throw notFound('Provider');
    return p;
  }

  async function createOnce(actor: Actor, body: CreateBookingBody, scheduledStart: Date) {
    return db.transaction(async (tx) => {
      const customerId = actor.customerId!;
      await repo.lockCustomer(tx, customerId);
      const pending = await repo.countPending(tx, customerId);
      if (pending >= config.MAX_PENDING_BOOKINGS_PER_CUSTOMER) {
        throw businessRule(
          'TOO_MANY_PENDING_BOOKINGS',
          `You can have at most ${config.MAX_PENDING_BOOKINGS_PER_CUSTOMER} requests waiting for an answer`,
          {
            max: config.MAX_PENDING_BOOKINGS_PER_CUSTOMER,
          },
        );
      }
      const provider = await loadProvider(tx, body.providerId);
      const sub = await repo.findSubCategory(tx, body.subCategoryId);
      if (!sub?.isActive) throw notFound('Service');
      const item = priceItemFor(provider, sub.id);
      const durationMin = durationFor(item, sub);

      let location: BookingInsert['serviceLocation'];
      if ('addressId' in body.serviceLocation) {
        const a = await repo.findCustomerAddress(tx, customerId, body.serviceLocation.addressId);
        if (!a) throw notFound('Address');
        location = {
          address: a.addressText,
          lat: a.lat,
          lng: a.lng,
          ...(a.landmark ? { landmark: a.landmark } : {}),
          ...(a.pincode ? { pincode: a.pincode } : {}),
        };
      } else {
        location = body.serviceLocation;
      }
      const base = providerBase(provider);
      if (!base) throw businessRule('PROVIDER_NOT_BOOKABLE', 'This provider has not set a service location yet');
      const km = haversineKm(base, location);
      if (km > provider.serviceRadiusKm) {
        throw businessRule('OUTSIDE_SERVICE_AREA', 'This address is outside the provider’s service area', {
          distanceKm: Math.round(km * 10) / 10,
          radiusKm: provider.serviceRadiusKm,
        });
      }
      const slot = await assertSlot(tx, provider, scheduledStart, durationMin, location);
      const createdAt = now();
      const booking = await repo.insert(tx, {
        bookingNumber: `LP-${readableCode(3)}-${readableCode(3)}`,
        customerId,
        providerId: provider.id,
        categoryId: sub.categoryId,
        subCategoryId: sub.id,
        serviceType: sub.name,
        serviceLocation: location,
        serviceLat: location.lat,
        serviceLng: location.lng,
        scheduledStart: slot.start,
        scheduledEnd: slot.end,
        travelBufferMin: slot.bufferMin,
        slotEnd: new Date(slot.end.getTime() + slot.bufferMin * MS_MIN),
        quotedPrice: quoteFor(item, durationMin),
        specialInstructions: body.specialInstructions ?? null,
        startCode: numericCode(4),
        createdAt,
        updatedAt: createdAt,
      });
      await repo.insertEvent(tx, {
        bookingId: booking.id,
        type: 'REQUESTED',
        fromStatus: null,
        toStatus: 'PENDING',
        actorUserId: actor.userId,
        actorRole: 'CUSTOMER',
      });
      await repo.bumpProvider(tx, provider.id, { totalJobs: 1 });
      const parties = {
        customerUserId: actor.userId,
        providerUserId: provider.userId,
        providerName: provider.businessName ?? 'Your provider',
      };
      await notifier.notify(tx, {
        userId: parties.providerUserId,
        type: 'BOOKING_REQUESTED',
        data: {
          bookingId: booking.id,
          bookingNumber: booking.bookingNumber,
          scheduledStart: toIstIso(booking.scheduledStart),
          serviceType: booking.serviceType,
          serviceName: booking.serviceType,
          customerName: (await repo.parties(tx, booking)).customerName,
        },
      });
      await jobs.send(
        BOOKING_JOBS.expire,
        { bookingId: booking.id },
        {
          tx,
          startAfter: new Date(createdAt.getTime() + config.BOOKING_RESPONSE_TIMEOUT_MIN * MS_MIN),
          singletonKey: `expire:${booking.id}`,
        },
      );
      return { booking, parties };
    });
  }

  async function confirmCompletion(who: Who, id: string) {
    return act(who, id, bySide('confirmCompletion'), async (_tx, b) => {
      if (b.customerConfirmedAt) throw conflict('ILLEGAL_TRANSITION', 'The job is already confirmed');
      return {
        patch: { customerConfirmedAt: now() },
        eventType: who === 'SYSTEM' ? 'COMPLETION_AUTO_CONFIRMED' : 'COMPLETION_CONFIRMED',
        notices: [],
        after: async (tx, updated) => {
          for (const hook of confirmedHooks)
            await hook(tx, {
              booking: updated,
              from: b.status,
              to: b.status,
              action: 'confirmCompletion',
              party: who === 'SYSTEM' ? 'SYSTEM' : 'CUSTOMER',
            });
        },
      };
    });
  }

  /** Job handler: a request nobody answered in time expires. Idempotent; a no-op when not yet due. */
  async function expireIfUnanswered(bookingId: string): Promise<boolean> {
    const b = await repo.find(db, bookingId);
    if (b?.status !== 'PENDING') return false;
    if (now().getTime() < b.createdAt.getTime() + config.BOOKING_RESPONSE_TIMEOUT_MIN * MS_MIN) return false;
    try {
      await act('SYSTEM', bookingId, byTable('expire'), async () => ({
        to: 'EXPIRED',
        patch: {},
        eventType: 'EXPIRED',
        reason: 'The provider did not answer in time',
        notices: [
          { to: 'customer', type: 'BOOKING_EXPIRED' },
          { to: 'provider', type: 'BOOKING_EXPIRED' },
        ],
      }));
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'ILLEGAL_TRANSITION') return false; // answered meanwhile
      throw err;
    }
  }

  /** Job handler: a completed job the customer did not confirm within the window is confirmed by SYSTEM. */
  async function autoConfirm(bookingId: string): Promise<boolean> {
    const b = await repo.find(db, bookingId);
    if (b?.status !== 'COMPLETED' || b.customerConfirmedAt || !b.completedAt) return false;
    if (now().getTime() < b.completedAt.getTime() + config.BOOKING_AUTO_CONFIRM_HOURS * 3_600_000) return false;
    try {
      await confirmCompletion('SYSTEM', bookingId);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'ILLEGAL_TRANSITION') return false;
      throw err;
    }
  }

  return {
    /** Registers an in-transaction hook run after every transition (payments: fees, refunds). */
    onTransition(hook: BookingHook) {
      transitionHooks.push(hook);
    },
    /** Registers an in-transaction hook run when the customer (or SYSTEM after 24 h) confirms completion: release escrow here. */
    onCustomerConfirmed(hook: BookingHook) {
      confirmedHooks.push(hook);
    },

    async availability(q: { providerId: string; date: string; subCategoryId?: string; lat?: number; lng?: number }) {
      if (!isCalendarDate(q.date)) throw new AppError('VALIDATION_FAILED', 'date must be a real date (YYYY-MM-DD)');
      const provider = await loadProvider(db, q.providerId);
      let durationMin: number;
      if (q.subCategoryId) {
        const sub = await repo.findSubCategory(db, q.subCategoryId);
        if (!sub) throw notFound('Service');
        durationMin = durationFor(priceItemFor(provider, sub.id), sub);
      } else {
        const durations = provider.pricing.map((i) => i.durationMin ?? 60);
        durationMin = durations.length ? Math.min(...durations) : 60;
      }
      const location = q.lat != null && q.lng != null ? { lat: q.lat, lng: q.lng } : null;
      const slots = await slotsFor(db, repo, config, { provider, date: q.date, durationMin, location, now: now() });
      return {
        date: q.date,
        timeZone: 'Asia/Kolkata' as const,
        durationMin,
        slots: slots.map((s) => ({ start: toIstIso(s.start), end: toIstIso(s.end) })),
      };
    },

    async create(actor: Actor, body: CreateBookingBody): Promise<BookingView> {
      if (!actor.customerId) throw forbidden('Only customers can book');
      const scheduledStart = new Date(body.scheduledStart);
      for (let attempt = 0; ; attempt++) {
        try {
          const { booking, parties } = await createOnce(actor, body, scheduledStart);
          await emitUpdated(booking, parties, { proposal: null });
          return toBookingView(booking, { forCustomer: true, proposal: null, customerUserId: parties.customerUserId });
        } catch (err) {
          if (attempt < 3 && !(err instanceof AppError) && bookingNumberTaken(err)) continue;
          throw err;
        }
      }
    },

    async get(actor: Actor, id: string): Promise<BookingView> {
      const b = await repo.find(db, id);
      if (!b) throw notFound('Booking');
      return viewFor(partyOf(actor, b), b, true);
    },

    async list(actor: Actor, q: { as: 'customer' | 'provider'; status?: BookingStatus; cursor?: string; limit: number }) {
      const own = q.as === 'customer' ? { customerId: actor.customerId } : { providerId: actor.providerId };
      if (!own.customerId && !own.providerId) throw forbidden(`You have no ${q.as} profile`);
      const after = decodeCursor(q.cursor);
      const rows = await repo.list(db, { ...own, status: q.status, after, limit: q.limit + 1 } as Parameters<
        BookingsRepository['list']
      >[1]);
      const page = rows.slice(0, q.limit);
      const proposals = await repo.openProposals(
        db,
        page.map((r) => r.id),
      );
      const customerUserId = q.as === 'customer' ? actor.userId : undefined;
      const items = page.map((b) =>
        toBookingView(b, {
          forCustomer: q.as === 'customer',
          proposal: proposals.find((p) => p.bookingId === b.id) ?? null,
          customerUserId,
        }),
      );
      const last = page.at(-1);
      return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
    },

    async accept(actor: Actor, id: string) {
      const r = await act(actor, id, byTable('accept'), async (_tx, b, _p, at) => {
        const responseTimeSec = Math.max(0, Math.round((at.getTime() - b.createdAt.getTime()) / 1000));
        return {
          to: 'CONFIRMED',
          patch: { confirmedAt: once(b.confirmedAt, at), respondedAt: once(b.respondedAt, at), responseTimeSec },
          eventType: 'ACCEPTED',
          data: { responseTimeSec },
          notices: [{ to: 'customer', type: 'BOOKING_CONFIRMED' }],
          after: async (tx) => {
            await repo.bumpProvider(tx, b.providerId, { acceptedJobs: 1 });
            await repo.refreshResponseTime(tx, b.providerId);
          },
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async reject(actor: Actor, id: string, reason: string) {
      const r = await act(actor, id, byTable('reject'), async (_tx, b, _p, at) => {
        const responseTimeSec = Math.max(0, Math.round((at.getTime() - b.createdAt.getTime()) / 1000));
        return {
          to: 'REJECTED',
          patch: { respondedAt: once(b.respondedAt, at), responseTimeSec, rejectionReason: reason },
          eventType: 'REJECTED',
          reason,
          data: { responseTimeSec },
          notices: [{ to: 'customer', type: 'BOOKING_REJECTED' }],
          after: (tx) => repo.refreshResponseTime(tx, b.providerId),
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async onMyWay(actor: Actor, id: string) {
      const r = await act(actor, id, bySide('onMyWay'), async (_tx, b, _p, at) => {
        if (b.onTheWayAt) throw conflict('ILLEGAL_TRANSITION', 'Already marked as on the way');
        return { patch: { onTheWayAt: at }, eventType: 'ON_THE_WAY', notices: [{ to: 'customer', type: 'PROVIDER_ON_THE_WAY' }] };
      });
      return viewFor(r.party, r.booking, false);
    },

    async start(actor: Actor, id: string, code: string) {
      const r = await act(actor, id, byTable('start'), async (_tx, b, _p, at): Promise<Plan> => {
        if (b.startCodeAttempts >= config.START_CODE_MAX_TRIES) {
          throw businessRule('START_CODE_LOCKED', 'Too many wrong codes; ask the customer to generate a new start code');
        }
        const ok = code.length === b.startCode.length && timingSafeEqual(Buffer.from(code), Buffer.from(b.startCode));
        if (!ok) {
          const triesLeft = config.START_CODE_MAX_TRIES - b.startCodeAttempts - 1;
          return {
            patch: { startCodeAttempts: b.startCodeAttempts + 1 },
            eventType: 'START_CODE_WRONG',
            notices: [],
            failAfterCommit: businessRule(
              'START_CODE_INVALID',
              'That start code is not right; ask the customer for the 4 digits in their app',
              {
                triesLeft,
              },
            ),
          };
        }
        return {
          to: 'IN_PROGRESS',
          patch: { startedAt: once(b.startedAt, at) },
          eventType: 'STARTED',
          notices: [{ to: 'customer', type: 'JOB_STARTED' }],
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async resetStartCode(actor: Actor, id: string) {
      const r = await act(actor, id, bySide('resetStartCode'), async () => ({
        patch: { startCode: numericCode(4), startCodeAttempts: 0 },
        eventType: 'START_CODE_RESET',
        notices: [],
      }));
      return viewFor(r.party, r.booking, false);
    },

    async complete(actor: Actor, id: string, finalPrice?: number) {
      const r = await act(actor, id, byTable('complete'), async (_tx, b, _p, at) => ({
        to: 'COMPLETED',
        patch: { completedAt: once(b.completedAt, at), finalPrice: finalPrice ?? b.quotedPrice },
        eventType: 'COMPLETED',
        data: { finalPrice: finalPrice ?? b.quotedPrice },
        notices: [{ to: 'customer', type: 'JOB_COMPLETED', data: { amountPaise: finalPrice ?? b.quotedPrice } }],
        after: async (tx) => {
          await repo.bumpProvider(tx, b.providerId, { completedJobs: 1 });
          await jobs.send(
            BOOKING_JOBS.autoConfirm,
            { bookingId: b.id },
            {
              tx,
              startAfter: new Date(at.getTime() + config.BOOKING_AUTO_CONFIRM_HOURS * 3_600_000),
              singletonKey: `confirm:${b.id}`,
            },
          );
        },
      }));
      return viewFor(r.party, r.booking, false);
    },

    async confirmCompletion(actor: Actor, id: string) {
      const r = await confirmCompletion(actor, id);
      return viewFor(r.party, r.booking, false);
    },

    async cancel(actor: Actor, id: string, reason: string) {
      const r = await act(actor, id, byTable('cancel'), async (tx, b, party, at) => {
        const outcome = cancellationOutcome({
          by: party,
          status: b.status,
          now: at,
          scheduledStart: b.scheduledStart,
          pricePaise: b.quotedPrice,
          policy: await policyOf(tx, b),
        });
        return {
          to: 'CANCELLED',
          patch: {
            cancelledAt: once(b.cancelledAt, at),
            cancelledBy: party,
            cancellationReason: reason,
            cancellationFee: outcome.feePaise,
          },
          eventType: 'CANCELLED',
          reason,
          data: { feePaise: outcome.feePaise, feeTo: outcome.feeTo, late: outcome.late },
          notices: otherSide(party).map((to) => ({
            to,
            type: 'BOOKING_CANCELLED' as const,
            data: { cancelledBy: party, feePaise: outcome.feePaise },
          })),
          after: async (t) => {
            if (outcome.countsAgainstProvider) await repo.bumpProvider(t, b.providerId, { providerCancellations: 1 });
          },
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async noShow(actor: Actor, id: string) {
      const r = await act(actor, id, byTable('noShow'), async (tx, b, party, at) => {
        const o = noShowOutcome({
          reportedBy: party as 'CUSTOMER' | 'PROVIDER',
          now: at,
          scheduledStart: b.scheduledStart,
          graceMin: config.NO_SHOW_GRACE_MIN,
          pricePaise: b.quotedPrice,
          policy: await policyOf(tx, b),
        });
        if (!o.ok) {
          throw businessRule('NO_SHOW_TOO_EARLY', 'A no-show can be reported only after the grace period', {
            earliest: toIstIso(o.earliest),
          });
        }
        return {
          to: 'NO_SHOW',
          patch: { noShowAt: once(b.noShowAt, at), noShowParty: o.absent, cancellationFee: o.feePaise },
          eventType: 'NO_SHOW',
          data: { absent: o.absent, feePaise: o.feePaise },
          notices: otherSide(party).map((to) => ({
            to,
            type: 'BOOKING_CANCELLED' as const,
            data: { noShow: true, absent: o.absent, feePaise: o.feePaise },
          })),
          after: async (t) => {
            if (o.countsAgainstProvider) await repo.bumpProvider(t, b.providerId, { providerCancellations: 1 });
          },
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async dispute(actor: Actor, id: string, reason: string) {
      const r = await act(actor, id, byTable('dispute'), async (_tx, b, _p, at) => {
        if (!canDispute({ status: b.status, completedAt: b.completedAt, now: at, windowHours: config.DISPUTE_WINDOW_HOURS })) {
          throw businessRule(
            'DISPUTE_WINDOW_CLOSED',
            `Disputes can be raised up to ${config.DISPUTE_WINDOW_HOURS} hours after completion`,
          );
        }
        return {
          to: 'DISPUTED',
          patch: { disputedAt: once(b.disputedAt, at), disputeReason: reason },
          eventType: 'DISPUTED',
          reason,
          notices: [],
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async proposeReschedule(actor: Actor, id: string, scheduledStartIso: string) {
      const start = new Date(scheduledStartIso);
      const r = await act(actor, id, bySide('proposeReschedule'), async (tx, b, party) => {
        if (await repo.openProposal(tx, b.id))
          throw conflict('RESCHEDULE_ALREADY_PROPOSED', 'A new time is already waiting for an answer');
        const provider = await repo.findProvider(tx, b.providerId);
        const durationMin = Math.round((b.scheduledEnd.getTime() - b.scheduledStart.getTime()) / MS_MIN);
        const slot = await assertSlot(tx, provider!, start, durationMin, { lat: b.serviceLat, lng: b.serviceLng }, b.id);
        const proposal = await repo.insertProposal(tx, {
          bookingId: b.id,
          proposedByUserId: actor.userId,
          proposedStart: slot.start,
          proposedEnd: slot.end,
        });
        return {
          patch: {},
          eventType: 'RESCHEDULE_PROPOSED',
          data: { proposalId: proposal.id, proposedStart: toIstIso(slot.start) },
          notices: otherSide(party).map((to) => ({
            to,
            type: 'BOOKING_RESCHEDULE_PROPOSED' as const,
            data: { proposedStart: toIstIso(slot.start) },
          })),
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    async answerReschedule(actor: Actor, id: string, accept: boolean) {
      const r = await act(actor, id, bySide('answerReschedule'), async (tx, b, party, at): Promise<Plan> => {
        const proposal = await repo.openProposal(tx, b.id);
        if (!proposal) throw notFound('Reschedule proposal');
        if (proposal.proposedByUserId === actor.userId || party === 'ADMIN') {
          throw forbidden('The other side answers a reschedule proposal');
        }
        const proposer: Notice['to'] = party === 'CUSTOMER' ? 'provider' : 'customer';
        if (!accept) {
          await repo.closeProposal(tx, proposal.id, 'DECLINED', at);
          return {
            patch: {},
            eventType: 'RESCHEDULE_DECLINED',
            notices: [{ to: proposer, type: 'BOOKING_RESCHEDULED', data: { accepted: false } }],
          };
        }
        const provider = await repo.findProvider(tx, b.providerId);
        const durationMin = Math.round((proposal.proposedEnd.getTime() - proposal.proposedStart.getTime()) / MS_MIN);
        const slot = await assertSlot(
          tx,
          provider!,
          proposal.proposedStart,
          durationMin,
          { lat: b.serviceLat, lng: b.serviceLng },
          b.id,
        );
        await repo.closeProposal(tx, proposal.id, 'ACCEPTED', at);
        await repo.moveSlot(tx, b.id, slot.start, slot.end, slot.bufferMin);
        return {
          patch: {},
          eventType: 'RESCHEDULED',
          data: { from: toIstIso(b.scheduledStart), to: toIstIso(slot.start) },
          notices: [
            { to: proposer, type: 'BOOKING_RESCHEDULED', data: { accepted: true, scheduledStart: toIstIso(slot.start) } },
          ],
        };
      });
      return viewFor(r.party, r.booking, false);
    },

    expireIfUnanswered,
    autoConfirm,

    /** Safety net for lost jobs: expires overdue requests and auto-confirms overdue completions. */
    async sweep(limit = 200): Promise<number> {
      const t = now().getTime();
      const stale = await repo.stalePending(db, new Date(t - config.BOOKING_RESPONSE_TIMEOUT_MIN * MS_MIN), limit);
      const overdue = await repo.completedUnconfirmed(db, new Date(t - config.BOOKING_AUTO_CONFIRM_HOURS * 3_600_000), limit);
      let n = 0;
      for (const s of stale) if (await expireIfUnanswered(s.id)) n++;
      for (const s of overdue) if (await autoConfirm(s.id)) n++;
      return n;
    },
  };
}
export type BookingService = ReturnType<typeof createBookingService>;

function encodeCursor(b: BookingRow): string {
  return Buffer.from(JSON.stringify([b.createdAt.toISOString(), b.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad');
    return { createdAt, id };
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  }
}
