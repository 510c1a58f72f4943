import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../src/modules/notifications/notifications.tables';
import { providerProfiles } from '../src/modules/providers/providers.tables';
import { customerAddresses, users } from '../src/modules/users/users.tables';
import { createTestApp, type TestApp } from './app';
import { type BookingWorld, bookingWorld, ist, nearby, put, requestBooking, shiftBooking, workday } from './factories/bookings';
import { createApprovedProvider, createUser } from './factories/index';

let t: TestApp;
let w: BookingWorld;
const day = workday(2);

beforeAll(async () => {
  t = await createTestApp();
  w = await bookingWorld(t.c);
});
afterAll(() => t.close());

describe('GET /api/providers/:id/availability', () => {
  it('lists free slots with +05:30 offsets for an approved provider', async () => {
    const r = await t.app.inject({
      url: `/api/providers/${w.provider.providerId}/availability?date=${day}&subCategoryId=${w.sub.id}`,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.slots[0]).toEqual({ start: ist(day, '09:00'), end: ist(day, '10:00') });
    expect(body.slots.every((s: { start: string }) => s.start.endsWith('+05:30') && s.start.startsWith(day))).toBe(true);
    expect(body.slots.some((s: { start: string }) => s.start === ist(day, '13:00'))).toBe(false); // lunch
  });

  it('uses the sub-category duration (120 min installation)', async () => {
    const install = w.provider.category.subCategories[1]!;
    const r = await t.app.inject({
      url: `/api/providers/${w.provider.providerId}/availability?date=${day}&subCategoryId=${install.id}`,
    });
    expect(r.json().durationMin).toBe(120);
    expect(r.json().slots[0]).toEqual({ start: ist(day, '09:00'), end: ist(day, '11:00') });
  });

  it('404 for a provider that is not approved, and for unknown ids', async () => {
    const p = await createApprovedProvider(t.c);
    await t.c.db.update(providerProfiles).set({ status: 'SUSPENDED' }).where(eq(providerProfiles.id, p.providerId));
    expect((await t.app.inject({ url: `/api/providers/${p.providerId}/availability?date=${day}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/providers/00000000-0000-4000-8000-000000000000/availability?date=${day}` })).statusCode,
    ).toBe(404);
  });

  it('400 for a malformed or impossible date', async () => {
    for (const d of ['2026-13-01', '2026-02-30', 'tomorrow']) {
      const r = await t.app.inject({ url: `/api/providers/${w.provider.providerId}/availability?date=${d}` });
      expect(r.statusCode, d).toBe(400);
    }
  });
});

describe('POST /api/bookings', () => {
  it('creates a PENDING booking with a readable number, a quoted price and IST times', async () => {
    const r = await requestBooking(t.app, w, w.customer, ist(day, '10:00'), { specialInstructions: 'Ring twice' });
    expect(r.statusCode).toBe(201);
    const b = r.json();
    expect(b.status).toBe('PENDING');
    expect(b.bookingNumber).toMatch(/^LP-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    expect(b.quotedPrice).toBe(49_900);
    expect(b.scheduledStart).toBe(ist(day, '10:00'));
    expect(b.scheduledEnd).toBe(ist(day, '11:00'));
    expect(b.startCode).toMatch(/^\d{4}$/);
    expect(b.travelBufferMin).toBeGreaterThanOrEqual(15);

    // The provider is told, in the same transaction.
    const n = await t.c.db.select().from(notifications).where(eq(notifications.userId, w.provider.user.id));
    const requested = n.find((x) => x.type === 'BOOKING_REQUESTED');
    expect(requested).toBeDefined();
    // The provider reads who asked and for what, not blanks.
    const [customerRow] = await t.c.db.select({ name: users.name }).from(users).where(eq(users.id, w.customer.id));
    expect(requested!.body).toContain(customerRow!.name!);
    expect(requested!.body).toContain(b.serviceType);

    // The slot (plus travel) is gone from availability.
    const a = await t.app.inject({
      url: `/api/providers/${w.provider.providerId}/availability?date=${day}&subCategoryId=${w.sub.id}`,
    });
    const starts = a.json().slots.map((s: { start: string }) => s.start);
    expect(starts).not.toContain(ist(day, '10:00'));
    expect(starts).not.toContain(ist(day, '11:00')); // inside the travel buffer
    expect(starts).toContain(ist(day, '11:30'));
  });

  it('the same slot again → 409 BOOKING_SLOT_TAKEN', async () => {
    const r = await requestBooking(t.app, w, w.otherCustomer, ist(day, '10:00'));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('BOOKING_SLOT_TAKEN');
  });

  it('outside working hours, in the lunch break, off the slot grid or too soon → 422 SLOT_UNAVAILABLE', async () => {
    const soon = new Date(Date.now() + 30 * 60_000);
    for (const start of [ist(day, '07:00'), ist(day, '13:00'), ist(day, '15:10'), soon.toISOString().replace('Z', '+00:00')]) {
      const r = await requestBooking(t.app, w, w.otherCustomer, start);
      expect(r.statusCode, start).toBe(422);
      expect(r.json().error.code).toBe('SLOT_UNAVAILABLE');
    }
  });

  it('an address outside the service radius → 422 OUTSIDE_SERVICE_AREA', async () => {
    const r = await requestBooking(t.app, w, w.otherCustomer, ist(day, '16:00'), {
      serviceLocation: { address: 'Kanpur', lat: 26.4499, lng: 80.3319 },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('OUTSIDE_SERVICE_AREA');
  });

  it('a saved address must be the caller’s own', async () => {
    const [mine] = await t.c.db
      .insert(customerAddresses)
      .values({
        customerId: w.otherCustomer.customerId!,
        label: 'Home',
        addressText: 'Home, Hazratganj',
        lat: nearby.lat,
        lng: nearby.lng,
      })
      .returning();
    const stolen = await requestBooking(t.app, w, w.customer, ist(day, '16:00'), { serviceLocation: { addressId: mine!.id } });
    expect(stolen.statusCode).toBe(404);
    const own = await requestBooking(t.app, w, w.otherCustomer, ist(day, '16:00'), { serviceLocation: { addressId: mine!.id } });
    expect(own.statusCode).toBe(201);
    expect(own.json().serviceLocation.address).toBe('Home, Hazratganj');
  });

  it('a service the provider does not price → 422; unknown fields → 400; providers and anonymous cannot book', async () => {
    const foreign = await createApprovedProvider(t.c);
    const r = await requestBooking(
      t.app,
      { provider: w.provider, sub: foreign.category.subCategories[0]! },
      w.customer,
      ist(day, '17:00'),
    );
    expect(r.json().error.code).toBe('SERVICE_NOT_OFFERED');
    expect((await requestBooking(t.app, w, w.customer, ist(day, '17:00'), { price: 1 })).statusCode).toBe(400);
    expect((await requestBooking(t.app, w, w.otherProvider, ist(day, '17:00'))).statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        providerId: w.provider.providerId,
        subCategoryId: w.sub.id,
        scheduledStart: ist(day, '17:00'),
        serviceLocation: nearby,
      },
    });
    expect(anon.statusCode).toBe(401);
  });

  it('a customer may hold at most MAX_PENDING_BOOKINGS_PER_CUSTOMER pending requests (422)', async () => {
    const c = await createUser(t.c, { role: 'CUSTOMER' });
    const d = workday(2, 1);
    for (const hm of ['09:00', '11:00', '15:00']) expect((await requestBooking(t.app, w, c, ist(d, hm))).statusCode).toBe(201);
    const r = await requestBooking(t.app, w, c, ist(d, '17:00'));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('TOO_MANY_PENDING_BOOKINGS');
  });
});

describe('reading bookings', () => {
  let id: string;
  beforeAll(async () => {
    const r = await requestBooking(t.app, w, w.customer, ist(workday(2, 2), '09:00'));
    id = r.json().id;
  });

  it('customer sees the start code and the timeline; the provider never sees the code', async () => {
    const c = await t.app.inject({ url: `/api/bookings/${id}`, headers: w.customer.headers });
    expect(c.statusCode).toBe(200);
    expect(c.json().startCode).toMatch(/^\d{4}$/);
    expect(c.json().timeline).toEqual([
      expect.objectContaining({ type: 'REQUESTED', fromStatus: null, toStatus: 'PENDING', actorRole: 'CUSTOMER' }),
    ]);
    const p = await t.app.inject({ url: `/api/bookings/${id}`, headers: w.provider.user.headers });
    expect(p.statusCode).toBe(200);
    expect(p.json()).not.toHaveProperty('startCode');
    const list = await t.app.inject({ url: '/api/bookings?as=provider', headers: w.provider.user.headers });
    expect(list.json().items.every((b: object) => !('startCode' in b))).toBe(true);
  });

  it('anyone else gets 404 (not 403): other customer, other provider, admin without 2FA; admin with 2FA sees it', async () => {
    for (const u of [w.otherCustomer, w.otherProvider, w.adminNo2fa]) {
      const r = await t.app.inject({ url: `/api/bookings/${id}`, headers: u.headers });
      expect(r.statusCode).toBe(404);
    }
    expect((await t.app.inject({ url: `/api/bookings/${id}` })).statusCode).toBe(401);
    const a = await t.app.inject({ url: `/api/bookings/${id}`, headers: w.admin.headers });
    expect(a.statusCode).toBe(200);
    expect(a.json()).not.toHaveProperty('startCode');
  });

  it('lists own bookings only, cursor-paginated, filterable by status', async () => {
    const first = await t.app.inject({ url: '/api/bookings?as=customer&limit=1', headers: w.customer.headers });
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const r = await t.app.inject({ url: `/api/bookings?as=customer&limit=1${q}`, headers: w.customer.headers });
      all.push(...r.json().items.map((b: { id: string; customerId: string }) => b.id));
      cursor = r.json().nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(id);
    const other = await t.app.inject({ url: '/api/bookings?as=customer', headers: w.otherCustomer.headers });
    expect(other.json().items.map((b: { id: string }) => b.id)).not.toContain(id);
    const confirmed = await t.app.inject({ url: '/api/bookings?as=customer&status=CONFIRMED', headers: w.customer.headers });
    expect(confirmed.json().items).toEqual([]);
    const wrongSide = await t.app.inject({ url: '/api/bookings?as=provider', headers: w.customer.headers });
    expect(wrongSide.statusCode).toBe(403);
  });

  it('accepting records the response time on the booking and the provider profile', async () => {
    const r = await put(t.app, w.provider.user, id, 'accept');
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('CONFIRMED');
    expect(r.json().responseTimeSec).toBeGreaterThanOrEqual(0);
    const [p] = await t.c.db.select().from(providerProfiles).where(eq(providerProfiles.id, w.provider.providerId));
    expect(p!.acceptedJobs).toBe(1);
    expect(p!.totalJobs).toBeGreaterThanOrEqual(4);
    expect(p!.responseTime).not.toBeNull();
  });
});

describe('the booking detail', () => {
  it('the detail shows the other side (phone only once confirmed) and what cancelling now would cost', async () => {
    const own = (await requestBooking(t.app, w, w.customer, ist(workday(2, 3), '11:00'))).json();
    const get = async (u: typeof w.customer) =>
      (await t.app.inject({ url: `/api/bookings/${own.id}`, headers: u.headers })).json();
    let c = await get(w.customer);
    expect(c.counterpart).toEqual({ role: 'PROVIDER', name: expect.any(String), phone: null });
    expect(c.cancellationQuote).toEqual({ feePaise: 0, late: false, freeUntil: expect.stringMatching(/\+05:30$/) });
    const p = await get(w.provider.user);
    expect(p.counterpart).toMatchObject({ role: 'CUSTOMER', phone: null });
    // A provider answers a request by rejecting it, not by cancelling.
    expect(p.cancellationQuote).toBeNull();

    expect((await put(t.app, w.provider.user, own.id, 'accept')).statusCode).toBe(200);
    c = await get(w.customer);
    expect(c.counterpart.phone).toBe(w.provider.user.phone);
    expect((await get(w.provider.user)).counterpart.phone).toBe(w.customer.phone);
    // Inside the free-cancellation window the quote is the late fee the cancel call then charges.
    const hoursAway = (new Date(own.scheduledStart).getTime() - Date.now()) / 3_600_000;
    await shiftBooking(t.c, own.id, -Math.round((hoursAway - 1) * 60));
    c = await get(w.customer);
    expect(c.cancellationQuote.late).toBe(true);
    expect(c.cancellationQuote.freeUntil).toBeNull();
    expect(c.cancellationQuote.feePaise).toBeGreaterThan(0);
    const cancelled = await put(t.app, w.customer, own.id, 'cancel', { reason: 'Plans changed' });
    expect(cancelled.json().cancellationFee).toBe(c.cancellationQuote.feePaise);
    expect((await get(w.admin)).counterpart).toBeUndefined();
  });
});
