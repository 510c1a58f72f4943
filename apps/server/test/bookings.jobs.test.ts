import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/http/auth';
import { type BookingHook, createBookingService } from '../src/modules/bookings/bookings.service';
import { bookingEvents, bookings } from '../src/modules/bookings/bookings.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { type BookingWorld, bookingWorld, ist, put, requestBooking, workday } from './factories/bookings';
import type { TestUser } from './factories/index';

let t: TestApp;
let w: BookingWorld;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000', MAX_PENDING_BOOKINGS_PER_CUSTOMER: '1000' });
  w = await bookingWorld(t.c);
});
afterAll(() => t.close());

/** The booking service on the same database with a clock `offsetMs` ahead, as a job worker would run later. */
const later = (offsetMs: number) =>
  createBookingService({
    db: t.c.db,
    jobs: t.c.jobs,
    notifier: t.c.notifier,
    events: t.c.events,
    config: t.c.config,
    now: () => new Date(Date.now() + offsetMs),
  });
const actor = (u: TestUser): Actor => ({
  userId: u.id,
  role: u.role,
  sessionId: u.sessionId,
  phone: u.phone,
  language: 'en',
  customerId: u.customerId,
  providerId: u.providerId,
  secondFactor: u.role === 'ADMIN',
});
const MIN = 60_000;
let slot = 0;
const nextSlot = () => ist(workday(2, Math.floor(slot / 4)), ['09:00', '11:00', '15:00', '17:00'][slot++ % 4]!);

async function completed() {
  const r = await requestBooking(t.app, w, w.customer, nextSlot());
  const { id, startCode } = r.json();
  await put(t.app, w.provider.user, id, 'accept');
  await put(t.app, w.provider.user, id, 'start', { startCode });
  expect((await put(t.app, w.provider.user, id, 'complete', { finalPrice: 55_000 })).json().status).toBe('COMPLETED');
  return id as string;
}

describe('bookings.expire', () => {
  it('the job is enqueued with the request and does nothing until the response timeout has passed', async () => {
    const r = await requestBooking(t.app, w, w.customer, nextSlot());
    const id = r.json().id as string;
    const ran = await t.c.jobs.drain!({ includeDelayed: true });
    expect(ran).toBeGreaterThanOrEqual(1);
    const [still] = await t.c.db.select().from(bookings).where(eq(bookings.id, id));
    expect(still!.status).toBe('PENDING');

    expect(await later(29 * MIN).expireIfUnanswered(id)).toBe(false);
    expect(await later(31 * MIN).expireIfUnanswered(id)).toBe(true);
    expect(await later(31 * MIN).expireIfUnanswered(id)).toBe(false); // idempotent
    const v = (await t.app.inject({ url: `/api/bookings/${id}`, headers: w.customer.headers })).json();
    expect(v.status).toBe('EXPIRED');
    expect(v.timeline.at(-1)).toMatchObject({ type: 'EXPIRED', fromStatus: 'PENDING', toStatus: 'EXPIRED', actorRole: null });
    const n = await t.c.db.select().from(notifications).where(eq(notifications.userId, w.customer.id));
    expect(n.map((x) => x.type)).toContain('BOOKING_EXPIRED');
    // The slot is free again.
    expect((await requestBooking(t.app, w, w.otherCustomer, v.scheduledStart)).statusCode).toBe(201);
  });

  it('an answered request is never expired', async () => {
    const r = await requestBooking(t.app, w, w.customer, nextSlot());
    await put(t.app, w.provider.user, r.json().id, 'accept');
    expect(await later(60 * MIN).expireIfUnanswered(r.json().id)).toBe(false);
  });

  it('the sweep catches requests whose job was lost', async () => {
    const r = await requestBooking(t.app, w, w.customer, nextSlot());
    await t.c.database.query(`update bookings set created_at = now() - interval '2 hours' where id = $1`, [r.json().id]);
    expect(await t.c.bookings.sweep()).toBeGreaterThanOrEqual(1);
    const [row] = await t.c.db.select().from(bookings).where(eq(bookings.id, r.json().id));
    expect(row!.status).toBe('EXPIRED');
  });
});

describe('bookings.auto_confirm and the escrow hook', () => {
  it('confirms a completed job after 24 h as SYSTEM and runs onCustomerConfirmed hooks in the transaction', async () => {
    const id = await completed();
    const svc = later(25 * 3_600_000);
    const seen: string[] = [];
    const hook: BookingHook = async (tx, e) => {
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, e.booking.id));
      seen.push(`${e.party}:${row!.customerConfirmedAt ? 'set' : 'unset'}`);
    };
    svc.onCustomerConfirmed(hook);
    expect(await later(23 * 3_600_000).autoConfirm(id)).toBe(false);
    expect(await svc.autoConfirm(id)).toBe(true);
    expect(await svc.autoConfirm(id)).toBe(false);
    expect(seen).toEqual(['SYSTEM:set']);
    const events = await t.c.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, id));
    expect(events.map((e) => e.type)).toContain('COMPLETION_AUTO_CONFIRMED');
    const [row] = await t.c.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.finalPrice).toBe(55_000);
  });

  it('the customer confirming runs the hook as CUSTOMER; afterwards auto-confirm does nothing', async () => {
    const id = await completed();
    const svc = later(0);
    const seen: string[] = [];
    svc.onCustomerConfirmed(async (_tx, e) => {
      seen.push(e.party);
    });
    await svc.confirmCompletion(actor(w.customer), id);
    expect(seen).toEqual(['CUSTOMER']);
    expect(await later(25 * 3_600_000).autoConfirm(id)).toBe(false);
  });

  it('disputes close DISPUTE_WINDOW_HOURS after completion', async () => {
    const id = await completed();
    await expect(later(49 * 3_600_000).dispute(actor(w.customer), id, 'water still leaking')).rejects.toMatchObject({
      code: 'DISPUTE_WINDOW_CLOSED',
      status: 422,
    });
    const ok = await later(47 * 3_600_000).dispute(actor(w.customer), id, 'water still leaking');
    expect(ok.status).toBe('DISPUTED');
  });
});

describe('provider response time', () => {
  it('is recorded per booking and averaged on the provider profile', async () => {
    const fresh = await bookingWorld(t.c);
    const a = (await requestBooking(t.app, fresh, fresh.customer, nextSlot())).json().id;
    const b = (await requestBooking(t.app, fresh, fresh.customer, nextSlot())).json().id;
    await later(10 * MIN).accept(actor(fresh.provider.user), a);
    await later(20 * MIN).reject(actor(fresh.provider.user), b, 'on leave that day');
    const rows = await t.c.db.select().from(bookings).where(eq(bookings.providerId, fresh.provider.providerId));
    const secs = rows.map((r) => r.responseTimeSec!).sort((x, y) => x - y);
    expect(secs[0]).toBeGreaterThanOrEqual(600);
    expect(secs[1]).toBeGreaterThanOrEqual(1200);
    const [p] = await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, fresh.provider.providerId));
    expect(p!.responseTime).toBe(Math.round((secs[0]! + secs[1]!) / 2));
    expect(p).toMatchObject({ totalJobs: 2, acceptedJobs: 1, completedJobs: 0 });
  });
});

describe('reschedule', () => {
  it('customer proposes, provider accepts: the booking moves and the old time is free again', async () => {
    const day = workday(2, 12);
    const r = await requestBooking(t.app, w, w.customer, ist(day, '09:00'));
    const id = r.json().id as string;
    await put(t.app, w.provider.user, id, 'accept');
    const p = await put(t.app, w.customer, id, 'reschedule', { scheduledStart: ist(day, '15:00') });
    expect(p.statusCode).toBe(200);
    expect(p.json().pendingReschedule).toMatchObject({ proposedBy: 'CUSTOMER', proposedStart: ist(day, '15:00') });
    expect((await put(t.app, w.customer, id, 'reschedule', { scheduledStart: ist(day, '16:00') })).json().error.code).toBe(
      'RESCHEDULE_ALREADY_PROPOSED',
    );
    expect((await put(t.app, w.customer, id, 'reschedule/accept')).statusCode).toBe(403);
    expect((await put(t.app, w.otherCustomer, id, 'reschedule/accept')).statusCode).toBe(404);
    const ok = await put(t.app, w.provider.user, id, 'reschedule/accept');
    expect(ok.json()).toMatchObject({
      status: 'CONFIRMED',
      scheduledStart: ist(day, '15:00'),
      scheduledEnd: ist(day, '16:00'),
      pendingReschedule: null,
    });
    const n = await t.c.db.select().from(notifications).where(eq(notifications.userId, w.customer.id));
    expect(n.map((x) => x.type)).toContain('BOOKING_RESCHEDULED');
    expect((await requestBooking(t.app, w, w.otherCustomer, ist(day, '09:00'))).statusCode).toBe(201);
  });

  it('provider proposes, customer declines: nothing moves; taken or closed times are refused', async () => {
    const day = workday(2, 13);
    const r = await requestBooking(t.app, w, w.customer, ist(day, '09:00'));
    const id = r.json().id as string;
    await requestBooking(t.app, w, w.otherCustomer, ist(day, '15:00'));
    expect((await put(t.app, w.provider.user, id, 'reschedule', { scheduledStart: ist(day, '15:00') })).json().error.code).toBe(
      'BOOKING_SLOT_TAKEN',
    );
    expect((await put(t.app, w.provider.user, id, 'reschedule', { scheduledStart: ist(day, '20:00') })).json().error.code).toBe(
      'SLOT_UNAVAILABLE',
    );
    // Moving within its own slot's neighbourhood is fine: the booking does not block itself.
    expect((await put(t.app, w.provider.user, id, 'reschedule', { scheduledStart: ist(day, '09:30') })).statusCode).toBe(200);
    const d = await put(t.app, w.customer, id, 'reschedule/decline');
    expect(d.json()).toMatchObject({ scheduledStart: ist(day, '09:00'), pendingReschedule: null });
    expect((await put(t.app, w.customer, id, 'reschedule/decline')).statusCode).toBe(404);
  });

  it('cancelling withdraws an open proposal', async () => {
    const day = workday(2, 14);
    const id = (await requestBooking(t.app, w, w.customer, ist(day, '09:00'))).json().id;
    await put(t.app, w.customer, id, 'reschedule', { scheduledStart: ist(day, '11:00') });
    await put(t.app, w.customer, id, 'cancel', { reason: 'not needed any more' });
    const v = (await t.app.inject({ url: `/api/bookings/${id}`, headers: w.customer.headers })).json();
    expect(v.pendingReschedule).toBeNull();
    expect(v.timeline.map((e: { type: string }) => e.type)).toEqual(['REQUESTED', 'RESCHEDULE_PROPOSED', 'CANCELLED']);
  });
});
