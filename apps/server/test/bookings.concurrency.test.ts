import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/lib/errors';
import { createBookingsRepository } from '../src/modules/bookings/bookings.repository';
import { bookingEvents, bookings } from '../src/modules/bookings/bookings.tables';
import { createTestApp, type TestApp } from './app';
import { type BookingWorld, bookingWorld, ist, nearby, put, requestBooking, workday } from './factories/bookings';
import { createUser, type TestUser } from './factories/index';

let t: TestApp;
let w: BookingWorld;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000', MAX_PENDING_BOOKINGS_PER_CUSTOMER: '1000' });
  w = await bookingWorld(t.c);
});
afterAll(() => t.close());

describe(`no double booking (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('200 customers book one slot at once: exactly 1 succeeds, 199 get 409 BOOKING_SLOT_TAKEN', async () => {
    const customers: TestUser[] = [];
    for (let i = 0; i < 200; i++) customers.push(await createUser(t.c, { role: 'CUSTOMER' }));
    const start = ist(workday(2), '10:00');
    const results = await Promise.all(customers.map((c) => requestBooking(t.app, w, c, start)));
    // On a loaded machine a request can wait longer than the pool's 5 s connection timeout and get a
    // transient 503 SERVICE_UNAVAILABLE; a client retries those. Every final answer must be 201 or 409.
    for (const [i, r] of results.entries()) {
      if (r.statusCode === 503) results[i] = await requestBooking(t.app, w, customers[i]!, start);
    }
    const codes = results.map((r) => r.statusCode);
    const other = results
      .filter((r) => r.statusCode !== 201 && r.statusCode !== 409)
      .map((r) => `${r.statusCode} ${r.body.slice(0, 160)}`);
    expect(other, other.join('\n')).toEqual([]);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(199);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('BOOKING_SLOT_TAKEN');
    const rows = await t.c.db
      .select()
      .from(bookings)
      .where(
        and(eq(bookings.providerId, w.provider.providerId), inArray(bookings.status, ['PENDING', 'CONFIRMED', 'IN_PROGRESS'])),
      );
    expect(rows.filter((b) => b.scheduledStart.getTime() === Date.parse(start))).toHaveLength(1);
  }, 120_000);

  it('the exclusion constraint itself refuses overlapping slots (SQLSTATE 23P01 → 409), even past the app checks', async () => {
    const repo = createBookingsRepository();
    const [first] = await t.c.db.select().from(bookings).where(eq(bookings.providerId, w.provider.providerId)).limit(1);
    const { id: _id, bookingNumber: _n, createdAt: _c, updatedAt: _u, slot: _s, ...copy } = first!;
    const overlapping = {
      ...copy,
      bookingNumber: `LP-TST-${Date.now().toString(36).slice(-3).toUpperCase()}`,
      scheduledStart: new Date(first!.scheduledStart.getTime() + 30 * 60_000),
      scheduledEnd: new Date(first!.scheduledEnd.getTime() + 30 * 60_000),
      slotEnd: new Date(first!.scheduledEnd.getTime() + 45 * 60_000),
    };
    const err = await t.c.db.transaction((tx) => repo.insert(tx, overlapping)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BOOKING_SLOT_TAKEN');
    expect((err as AppError).status).toBe(409);
  });
});

describe('concurrent answers', () => {
  async function fresh(hm: string, day: string) {
    const r = await requestBooking(t.app, w, w.customer, ist(day, hm));
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  }
  const fromPending = async (id: string) =>
    (await t.c.db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, id))).filter((e) => e.fromStatus === 'PENDING');

  it('accept vs reject (two devices): exactly one wins, the other gets 409 ILLEGAL_TRANSITION', async () => {
    const day = workday(2, 1);
    for (const hm of ['09:00', '10:30', '12:00', '14:00', '15:30']) {
      const id = await fresh(hm, day);
      const [accept, reject] = await Promise.all([
        put(t.app, w.provider.user, id, 'accept'),
        put(t.app, w.provider.user, id, 'reject', { reason: 'cannot make it' }),
      ]);
      expect([accept.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
      const loser = accept.statusCode === 409 ? accept : reject;
      expect(loser.json().error.code).toBe('ILLEGAL_TRANSITION');
      const [row] = await t.c.db.select().from(bookings).where(eq(bookings.id, id));
      expect(row!.status).toBe(accept.statusCode === 200 ? 'CONFIRMED' : 'REJECTED');
      expect(await fromPending(id)).toHaveLength(1);
      if (row!.status === 'CONFIRMED') await put(t.app, w.customer, id, 'cancel', { reason: 'clean up' });
    }
  });

  it('accept vs cancel: exactly one leaves PENDING; the other either follows it legally or gets 409', async () => {
    const day = workday(2, 3);
    for (const hm of ['09:00', '10:30', '12:00', '14:00', '15:30']) {
      const id = await fresh(hm, day);
      const [accept, cancel] = await Promise.all([
        put(t.app, w.provider.user, id, 'accept'),
        put(t.app, w.customer, id, 'cancel', { reason: 'found someone else' }),
      ]);
      // The customer's cancel always lands (from PENDING, or from CONFIRMED after the accept).
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json().status).toBe('CANCELLED');
      const pending = await fromPending(id);
      expect(pending).toHaveLength(1);
      if (pending[0]!.toStatus === 'CANCELLED') {
        expect(accept.statusCode).toBe(409);
        expect(accept.json().error.code).toBe('ILLEGAL_TRANSITION');
      } else {
        expect(accept.statusCode).toBe(200);
        expect(pending[0]!.toStatus).toBe('CONFIRMED');
      }
    }
  });

  it('a job right after a far-away one is refused for lack of travel time (409)', async () => {
    const day = workday(2, 2);
    const c1 = await createUser(t.c, { role: 'CUSTOMER' });
    const far = { address: 'Gomti Nagar', lat: nearby.lat + 0.05, lng: nearby.lng + 0.05 };
    expect((await requestBooking(t.app, w, c1, ist(day, '10:00'), { serviceLocation: far })).statusCode).toBe(201);
    // The 10:00 job ends at 11:00 ~9 km from Hazratganj: 15 + 3 min/km of travel before the next job.
    const r = await requestBooking(t.app, w, w.otherCustomer, ist(day, '11:00'));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('BOOKING_SLOT_TAKEN');
  });
});
