import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BookingStatus,
  decide,
  decideSide,
  type Party,
  type SideAction,
  type StatusAction,
} from '../src/modules/bookings/booking-state';
import { bookingEvents } from '../src/modules/bookings/bookings.tables';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { createTestApp, type TestApp } from './app';
import { type BookingWorld, bookingWorld, ist, put, requestBooking, shiftBooking, workday } from './factories/bookings';
import type { TestUser } from './factories/index';

let t: TestApp;
let w: BookingWorld;

/** Distinct free slots, two hours apart, across the coming working days. */
const slots = (() => {
  const out: string[] = [];
  for (let d = 0; d < 12; d++) for (const hm of ['09:00', '11:00', '15:00', '17:00']) out.push(ist(workday(2, d), hm));
  return out;
})();
let next = 0;

beforeAll(async () => {
  t = await createTestApp({ MAX_PENDING_BOOKINGS_PER_CUSTOMER: '1000', RATE_LIMIT_PER_MINUTE: '100000' });
  w = await bookingWorld(t.c);
});
afterAll(() => t.close());

interface Made {
  id: string;
  startCode: string;
}
/** A fresh booking driven to `state` through the API. */
async function inState(state: BookingStatus): Promise<Made> {
  const r = await requestBooking(t.app, w, w.customer, slots[next++]!);
  expect(r.statusCode).toBe(201);
  const made = { id: r.json().id as string, startCode: r.json().startCode as string };
  const go = async (user: TestUser, action: string, payload?: unknown) =>
    expect((await put(t.app, user, made.id, action, payload)).statusCode).toBe(200);
  if (state === 'CANCELLED') await go(w.customer, 'cancel', { reason: 'changed my plans' });
  if (state === 'REJECTED') await go(w.provider.user, 'reject', { reason: 'fully booked' });
  if (['CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'DISPUTED'].includes(state)) await go(w.provider.user, 'accept');
  if (['IN_PROGRESS', 'COMPLETED', 'DISPUTED'].includes(state)) await go(w.provider.user, 'start', { startCode: made.startCode });
  if (state === 'COMPLETED') await go(w.provider.user, 'complete');
  if (state === 'DISPUTED') await go(w.customer, 'dispute', { reason: 'left a leak' });
  return made;
}

type Role = 'customer' | 'otherCustomer' | 'provider' | 'otherProvider' | 'admin' | 'anonymous';
const roles: Role[] = ['customer', 'otherCustomer', 'provider', 'otherProvider', 'admin', 'anonymous'];
const userOf = (r: Role): TestUser | null =>
  r === 'anonymous'
    ? null
    : r === 'customer'
      ? w.customer
      : r === 'otherCustomer'
        ? w.otherCustomer
        : r === 'provider'
          ? w.provider.user
          : r === 'otherProvider'
            ? w.otherProvider
            : w.admin;
const partyOf: Partial<Record<Role, Party>> = { customer: 'CUSTOMER', provider: 'PROVIDER', admin: 'ADMIN' };

const endpoints: { path: string; action: StatusAction | SideAction; side?: boolean; body?: (m: Made) => unknown }[] = [
  { path: 'accept', action: 'accept' },
  { path: 'reject', action: 'reject', body: () => ({ reason: 'not available' }) },
  { path: 'cancel', action: 'cancel', body: () => ({ reason: 'plans changed' }) },
  { path: 'start', action: 'start', body: (m) => ({ startCode: m.startCode }) },
  { path: 'complete', action: 'complete' },
  { path: 'no-show', action: 'noShow' },
  { path: 'dispute', action: 'dispute', body: () => ({ reason: 'job not done' }) },
  { path: 'on-my-way', action: 'onMyWay', side: true },
  { path: 'confirm-completion', action: 'confirmCompletion', side: true },
];
const states: BookingStatus[] = ['PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'REJECTED', 'DISPUTED'];

/** What the API must answer, from the state machine plus the time rules (no-shows only after the grace period). */
function expected(state: BookingStatus, e: (typeof endpoints)[number], role: Role): { status: number; to?: BookingStatus } {
  if (role === 'anonymous') return { status: 401 };
  const party = partyOf[role];
  if (!party) return { status: 404 };
  const d = e.side ? decideSide(state, e.action as SideAction, party) : decide(state, e.action as StatusAction, party);
  if (!d.ok) return { status: d.code === 'FORBIDDEN' ? 403 : 409 };
  if (e.action === 'noShow') return { status: 422 }; // the booking is in the future: too early
  return { status: 200, to: d.to };
}

describe('transition table × every role, through the API', () => {
  for (const state of states) {
    it(`from ${state}`, async () => {
      const shared = await inState(state);
      for (const e of endpoints) {
        for (const role of roles) {
          const exp = expected(state, e, role);
          // A success changes the booking: use a fresh one so the other checks still see `state`.
          const target = exp.status === 200 ? await inState(state) : shared;
          const r = await put(t.app, userOf(role), target.id, e.path, e.body?.(target));
          expect(r.statusCode, `${state} ${e.path} as ${role}: ${r.body}`).toBe(exp.status);
          if (exp.status === 200) expect(r.json().status).toBe(exp.to);
          if (exp.status === 403) expect(['FORBIDDEN', 'SECOND_FACTOR_REQUIRED']).toContain(r.json().error.code);
          if (exp.status === 409) expect(r.json().error.code).toBe('ILLEGAL_TRANSITION');
        }
      }
      const after = await t.app.inject({ url: `/api/bookings/${shared.id}`, headers: w.customer.headers });
      expect(after.json().status).toBe(state);
    });
  }

  it('an admin without the second factor cannot act', async () => {
    const b = await inState('PENDING');
    const r = await put(t.app, w.adminNo2fa, b.id, 'cancel', { reason: 'fraud check' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
  });
});

describe('rules around the transitions', () => {
  it('timestamps are set once and every step is on the timeline with notifications', async () => {
    const b = await inState('COMPLETED');
    const v = (await t.app.inject({ url: `/api/bookings/${b.id}`, headers: w.customer.headers })).json();
    const [confirmed, started, completed] = [v.confirmedAt, v.startedAt, v.completedAt].map((x: string) => Date.parse(x));
    expect(confirmed).toBeLessThanOrEqual(started!);
    expect(started).toBeLessThanOrEqual(completed!);
    expect(v.timeline.map((e: { type: string }) => e.type)).toEqual(['REQUESTED', 'ACCEPTED', 'STARTED', 'COMPLETED']);
    expect(v.finalPrice).toBe(v.quotedPrice);
    const types = (await t.c.db.select().from(notifications).where(eq(notifications.userId, w.customer.id))).map((n) => n.type);
    for (const type of ['BOOKING_CONFIRMED', 'JOB_STARTED', 'JOB_COMPLETED']) expect(types).toContain(type);
    const again = await put(t.app, w.customer, b.id, 'confirm-completion');
    expect(Date.parse(again.json().customerConfirmedAt)).toBeGreaterThanOrEqual(Date.parse(v.completedAt));
    const twice = await put(t.app, w.customer, b.id, 'confirm-completion');
    expect(twice.statusCode).toBe(409);
    const final = (await t.app.inject({ url: `/api/bookings/${b.id}`, headers: w.customer.headers })).json();
    expect(final.confirmedAt).toBe(v.confirmedAt);
    expect(final.completedAt).toBe(v.completedAt);
  });

  it('a wrong start code → 422 START_CODE_INVALID, counted; locked after START_CODE_MAX_TRIES; the customer can reset it', async () => {
    const b = await inState('CONFIRMED');
    const wrong = b.startCode === '0000' ? '1111' : '0000';
    for (let i = 4; i >= 0; i--) {
      const r = await put(t.app, w.provider.user, b.id, 'start', { startCode: wrong });
      expect(r.statusCode).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'START_CODE_INVALID', details: { triesLeft: i } });
    }
    const locked = await put(t.app, w.provider.user, b.id, 'start', { startCode: b.startCode });
    expect(locked.json().error.code).toBe('START_CODE_LOCKED');
    const reset = await put(t.app, w.customer, b.id, 'start-code');
    expect(reset.statusCode).toBe(200);
    const ok = await put(t.app, w.provider.user, b.id, 'start', { startCode: reset.json().startCode });
    expect(ok.json().status).toBe('IN_PROGRESS');
  });

  it('on-my-way is recorded once and tells the customer', async () => {
    const b = await inState('CONFIRMED');
    const r = await put(t.app, w.provider.user, b.id, 'on-my-way');
    expect(Date.parse(r.json().onTheWayAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await put(t.app, w.provider.user, b.id, 'on-my-way')).statusCode).toBe(409);
    const types = (await t.c.db.select().from(notifications).where(eq(notifications.userId, w.customer.id))).map((n) => n.type);
    expect(types).toContain('PROVIDER_ON_THE_WAY');
  });

  it('a customer cancelling late owes the category late fee; a provider cancelling counts against them', async () => {
    const late = await inState('CONFIRMED');
    // Move the job to start in 2 hours: inside the 4-hour free window.
    const v = (await t.app.inject({ url: `/api/bookings/${late.id}`, headers: w.customer.headers })).json();
    await shiftBooking(t.c, late.id, Math.round((Date.now() + 2 * 3_600_000 - Date.parse(v.scheduledStart)) / 60_000));
    const r = await put(t.app, w.customer, late.id, 'cancel', { reason: 'no longer needed' });
    expect(r.json()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'CUSTOMER', cancellationFee: 9_980 }); // 20% of ₹499 (above the ₹50 minimum)
    const early = await inState('CONFIRMED');
    expect((await put(t.app, w.customer, early.id, 'cancel', { reason: 'no longer needed' })).json().cancellationFee).toBe(0);

    const before = (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, w.provider.providerId)))[0]!;
    const byProvider = await inState('CONFIRMED');
    const p = await put(t.app, w.provider.user, byProvider.id, 'cancel', { reason: 'emergency' });
    expect(p.json()).toMatchObject({ cancelledBy: 'PROVIDER', cancellationFee: 0 });
    const after = (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, w.provider.providerId)))[0]!;
    expect(after.providerCancellations).toBe(before.providerCancellations + 1);
    const ev = await t.c.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, byProvider.id));
    expect(ev.find((e) => e.type === 'CANCELLED')).toMatchObject({
      reason: 'emergency',
      actorRole: 'PROVIDER',
      fromStatus: 'CONFIRMED',
      toStatus: 'CANCELLED',
    });
  });

  it('no-show after the grace period: the customer reports the provider (counts against them); the provider reports the customer (late fee)', async () => {
    const a = await inState('CONFIRMED');
    const b = await inState('CONFIRMED');
    for (const m of [a, b]) {
      const v = (await t.app.inject({ url: `/api/bookings/${m.id}`, headers: w.customer.headers })).json();
      await shiftBooking(
        t.c,
        m.id,
        -Math.round((Date.parse(v.scheduledStart) - Date.now()) / 60_000) - 45 - 24 * 60 * (m === a ? 20 : 21),
      );
    }
    const before = (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, w.provider.providerId)))[0]!;
    const r1 = await put(t.app, w.customer, a.id, 'no-show');
    expect(r1.json()).toMatchObject({ status: 'NO_SHOW', noShowParty: 'PROVIDER', cancellationFee: 0 });
    const after = (await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, w.provider.providerId)))[0]!;
    expect(after.providerCancellations).toBe(before.providerCancellations + 1);
    const r2 = await put(t.app, w.provider.user, b.id, 'no-show');
    expect(r2.json()).toMatchObject({ status: 'NO_SHOW', noShowParty: 'CUSTOMER', cancellationFee: 9_980 });
  });
});
