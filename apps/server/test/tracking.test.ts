import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/modules/bookings/bookings.tables';
import { bookingLocations } from '../src/modules/chat/chat.tables';
import { createApprovedProvider, createUser } from './factories/index';
import { type ClientSocket, connect, nextEvent, type RealtimeTestApp, request, startRealtimeApp } from './factories/realtime';
import { createBookingRow } from './factories/reviews';

let t: RealtimeTestApp;
const sockets: ClientSocket[] = [];
const open = async (token: string) => {
  const s = await connect(t.url, token);
  sockets.push(s);
  return s;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  t = await startRealtimeApp({ LOCATION_MIN_INTERVAL_SEC: '1' });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function confirmedBooking() {
  const customer = await createUser(t.c, { role: 'CUSTOMER' });
  const p = await createApprovedProvider(t.c);
  const booking = await createBookingRow(t.c, {
    customerId: customer.customerId!,
    providerId: p.providerId,
    category: p.category,
    status: 'CONFIRMED',
  });
  return { customer, provider: p.user, booking };
}

describe('live tracking', () => {
  it('shares the provider location with that booking customer only, after "on my way", throttled', async () => {
    const { customer, provider, booking } = await confirmedBooking();
    const other = await createUser(t.c, { role: 'CUSTOMER' });
    const c = await open(customer.token);
    const o = await open(other.token);
    const p = await open(provider.token);
    const otherGot: unknown[] = [];
    o.on('location:updated', (e) => otherGot.push(e));

    const early = await request(p, 'location:update', { bookingId: booking.id, lat: 26.83, lng: 80.92 });
    expect(early).toMatchObject({ ok: false, error: { code: 'TRACKING_NOT_STARTED' } });
    await t.c.db.update(bookings).set({ onTheWayAt: new Date() }).where(eq(bookings.id, booking.id));
    await sleep(1100);

    const seen = nextEvent(c, 'location:updated');
    const ack = await request<{ distanceKm: number; etaMin: number }>(p, 'location:update', {
      bookingId: booking.id,
      lat: 26.8318,
      lng: 80.9189,
    });
    expect(ack.ok).toBe(true);
    const e = await seen;
    expect(e).toMatchObject({ bookingId: booking.id, lat: 26.8318, lng: 80.9189 });
    expect(e.distanceKm).toBeGreaterThan(2);
    expect(e.distanceKm).toBeLessThan(4);
    expect(e.etaMin).toBeGreaterThan(5);

    const tooSoon = await request(p, 'location:update', { bookingId: booking.id, lat: 26.84, lng: 80.93 });
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await sleep(1100);
    const closer = nextEvent(c, 'location:updated');
    expect((await request(p, 'location:update', { bookingId: booking.id, lat: 26.8499, lng: 80.9399 })).ok).toBe(true);
    expect((await closer).etaMin).toBeLessThanOrEqual(1);
    expect(otherGot).toHaveLength(0);

    const rows = await t.c.db.select().from(bookingLocations).where(eq(bookingLocations.bookingId, booking.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lat: 26.8499, lng: 80.9399 });
  });

  it('refuses anyone but the booking provider', async () => {
    const { customer, booking } = await confirmedBooking();
    await t.c.db.update(bookings).set({ onTheWayAt: new Date() }).where(eq(bookings.id, booking.id));
    const stranger = await createApprovedProvider(t.c);
    for (const token of [customer.token, stranger.user.token]) {
      const s = await open(token);
      expect(await request(s, 'location:update', { bookingId: booking.id, lat: 26.8, lng: 80.9 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
  });

  it('stops when the job starts and forgets the last point', async () => {
    const { customer, provider, booking } = await confirmedBooking();
    await t.c.db.update(bookings).set({ onTheWayAt: new Date() }).where(eq(bookings.id, booking.id));
    const p = await open(provider.token);
    expect((await request(p, 'location:update', { bookingId: booking.id, lat: 26.8, lng: 80.9 })).ok).toBe(true);

    await t.c.db.update(bookings).set({ status: 'IN_PROGRESS', startedAt: new Date() }).where(eq(bookings.id, booking.id));
    const c = await open(customer.token);
    const updated = nextEvent(c, 'booking:updated');
    t.c.events.emit('booking.updated', {
      bookingId: booking.id,
      status: 'IN_PROGRESS',
      customerUserId: customer.id,
      providerUserId: provider.id,
      booking: {},
    });
    await updated;
    expect(await t.c.db.select().from(bookingLocations).where(eq(bookingLocations.bookingId, booking.id))).toHaveLength(0);
    await sleep(1100);
    expect(await request(p, 'location:update', { bookingId: booking.id, lat: 26.8, lng: 80.9 })).toMatchObject({
      ok: false,
      error: { code: 'TRACKING_NOT_ACTIVE' },
    });
  });

  it('GET /bookings/:id/location gives the last point to the customer, the provider and admins only', async () => {
    const { customer, provider, booking } = await confirmedBooking();
    const strangerCustomer = await createUser(t.c, { role: 'CUSTOMER' });
    const strangerPro = await createApprovedProvider(t.c);
    const admin = await createUser(t.c, { role: 'ADMIN' });
    const adminWithoutTotp = await createUser(t.c, { role: 'ADMIN', secondFactor: false });
    const get = (headers?: { authorization: string }) =>
      t.app.inject({ url: `/api/bookings/${booking.id}/location`, ...(headers ? { headers } : {}) });

    // Nothing shared yet: an honest null, not an error.
    expect((await get(customer.headers)).json()).toEqual({ location: null });

    await t.c.db.update(bookings).set({ onTheWayAt: new Date() }).where(eq(bookings.id, booking.id));
    const p = await open(provider.token);
    expect((await request(p, 'location:update', { bookingId: booking.id, lat: 26.8318, lng: 80.9189 })).ok).toBe(true);

    for (const who of [customer, provider, admin]) {
      const res = await get(who.headers);
      expect(res.statusCode).toBe(200);
      const { location } = res.json();
      expect(location).toMatchObject({ bookingId: booking.id, lat: 26.8318, lng: 80.9189 });
      expect(location.distanceKm).toBeGreaterThan(2);
      expect(location.etaMin).toBeGreaterThan(5);
      expect(Date.parse(location.at)).not.toBeNaN();
    }
    for (const who of [strangerCustomer, strangerPro.user]) {
      const res = await get(who.headers);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get(adminWithoutTotp.headers)).statusCode).toBe(403);
    expect((await get()).statusCode).toBe(401);
    const unknown = await t.app.inject({ url: '/api/bookings/not-a-uuid/location', headers: customer.headers });
    expect(unknown.statusCode).toBe(400);

    // Once the job starts the point is forgotten and nothing is shared any more.
    await t.c.db.update(bookings).set({ status: 'IN_PROGRESS', startedAt: new Date() }).where(eq(bookings.id, booking.id));
    expect((await get(customer.headers)).json()).toEqual({ location: null });
  });
});
