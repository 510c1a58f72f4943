import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOutbox, notifications } from '../src/modules/notifications/notifications.tables';
import type { NotifyInput } from '../src/modules/notifications/notify';
import { users } from '../src/modules/users/users.tables';
import { createTestApp, type TestApp } from './app';
import { ist, requestBooking, workday } from './factories/bookings';
import { createApprovedProvider, createUser, type TestUser } from './factories/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const notify = (input: NotifyInput) => t.c.db.transaction((tx) => t.c.notifier.notify(tx, input));
const outbox = (to: string) => t.c.db.select().from(devOutbox).where(eq(devOutbox.to, to));
const get = (u: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: u.headers });

describe('notification centre API', () => {
  it('renders in the user language, pages by cursor, counts and marks read', async () => {
    const u = await createUser(t.c, { language: 'hi' });
    for (let i = 1; i <= 5; i++)
      await notify({ userId: u.id, type: 'BOOKING_CONFIRMED', data: { bookingNumber: `LP-${i}`, providerName: 'Ravi' } });
    const first = await get(u, '/api/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]).toMatchObject({ type: 'BOOKING_CONFIRMED', title: 'बुकिंग कन्फर्म हो गई', readAt: null });
    const all: string[] = page1.items.map((n: { data: { bookingNumber: string } }) => n.data.bookingNumber);
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = (await get(u, `/api/notifications?limit=2&cursor=${cursor}`)).json();
      all.push(...page.items.map((n: { data: { bookingNumber: string } }) => n.data.bookingNumber));
      cursor = page.nextCursor;
    }
    expect(all).toEqual(['LP-5', 'LP-4', 'LP-3', 'LP-2', 'LP-1']);

    expect((await get(u, '/api/notifications/unread-count')).json()).toEqual({ count: 5 });
    const one = page1.items[0].id;
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${one}/read`, headers: u.headers });
    expect(read.json().readAt).not.toBeNull();
    expect((await get(u, '/api/notifications/unread-count')).json()).toEqual({ count: 4 });
    const unread = (await get(u, '/api/notifications?unreadOnly=true&limit=50')).json();
    expect(unread.items).toHaveLength(4);
    const all2 = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: u.headers });
    expect(all2.json()).toEqual({ updated: 4 });
    expect((await get(u, '/api/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it("does not let one user read or mark another user's notification", async () => {
    const a = await createUser(t.c);
    const b = await createUser(t.c);
    await notify({ userId: a.id, type: 'KYC_VERIFIED', data: {} });
    const [row] = await t.c.db.select().from(notifications).where(eq(notifications.userId, a.id));
    const res = await t.app.inject({ method: 'POST', url: `/api/notifications/${row!.id}/read`, headers: b.headers });
    expect(res.statusCode).toBe(404);
    expect((await get(b, '/api/notifications')).json().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await get(a, '/api/notifications?cursor=garbage')).statusCode).toBe(400);
  });

  it('stores nothing and sends nothing when the business transaction rolls back', async () => {
    const u = await createUser(t.c);
    await t.c.db
      .transaction(async (tx) => {
        await t.c.notifier.notify(tx, { userId: u.id, type: 'BOOKING_REQUESTED', data: {} });
        throw new Error('rollback');
      })
      .catch(() => {});
    await t.c.jobs.drain!();
    expect((await get(u, '/api/notifications')).json().items).toHaveLength(0);
    expect(await outbox(u.phone)).toHaveLength(0);
  });
});

describe('preferences, devices and delivery channels', () => {
  it('reads and updates preferences per type and channel, refusing bad input', async () => {
    const u = await createUser(t.c);
    const before = (await get(u, '/api/me/notification-preferences')).json();
    expect(before.channels.BOOKING_CONFIRMED).toEqual({ inApp: true, push: true, sms: true, email: true });
    expect(before.quietHours).toBeNull();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: u.headers,
      payload: { channels: { BOOKING_CONFIRMED: { sms: false } }, quietHours: { start: '22:00', end: '07:00' } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().channels.BOOKING_CONFIRMED).toEqual({ inApp: true, push: true, sms: false, email: true });
    expect(put.json().quietHours).toEqual({ start: '22:00', end: '07:00' });
    for (const payload of [
      { channels: { NOPE: { sms: false } } },
      { quietHours: { start: '25:00', end: '07:00' } },
      { extra: 1 },
    ]) {
      const bad = await t.app.inject({ method: 'PUT', url: '/api/me/notification-preferences', headers: u.headers, payload });
      expect(bad.statusCode).toBe(400);
    }
  });

  it('delivers on push, SMS and email by the deliver job, once, and forgets devices on request', async () => {
    const u = await createUser(t.c, { language: 'en' });
    await t.c.db
      .update(users)
      .set({ email: `u${u.id.slice(0, 8)}@example.com` })
      .where(eq(users.id, u.id));
    const token = `fcm-${u.id}`;
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/me/devices',
      headers: u.headers,
      payload: { token, platform: 'android' },
    });
    expect(reg.statusCode).toBe(201);
    await notify({ userId: u.id, type: 'PAYOUT_PROCESSED', data: { amountPaise: 50_000, reference: 'UTR9' } });
    await t.c.jobs.drain!();
    await t.c.jobs.drain!();
    expect((await outbox(token)).map((r) => r.subject)).toEqual(['Payout sent']);
    expect((await outbox(u.phone)).map((r) => r.body)).toEqual([
      'LocalPro: Payout sent. ₹500 was sent to your account (reference UTR9).',
    ]);
    expect((await outbox(`u${u.id.slice(0, 8)}@example.com`)).map((r) => r.subject)).toEqual(['Payout sent']);
    const [row] = await t.c.db.select().from(notifications).where(eq(notifications.userId, u.id));
    expect(row!.deliveries).toMatchObject({ inApp: 'emitted', push: 'sent 1/1' });

    const del = await t.app.inject({ method: 'DELETE', url: `/api/me/devices/${token}`, headers: u.headers });
    expect(del.statusCode).toBe(204);
    await notify({ userId: u.id, type: 'PAYOUT_PROCESSED', data: { amountPaise: 1 } });
    await t.c.jobs.drain!();
    expect(await outbox(token)).toHaveLength(1);
  });

  it('respects channel switches and holds SMS/push during quiet hours, in-app right away', async () => {
    const u = await createUser(t.c);
    const token = `fcm-q-${u.id}`;
    await t.app.inject({ method: 'POST', url: '/api/me/devices', headers: u.headers, payload: { token, platform: 'ios' } });
    // Quiet all day long except the minute that just ended: now is always inside.
    const now = new Date(Date.now() + 330 * 60_000);
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const end = hhmm(new Date(now.getTime() - 60_000));
    const start = hhmm(now);
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: u.headers,
      payload: { quietHours: { start, end }, channels: { BOOKING_REQUESTED: { push: true, sms: true } } },
    });
    const live: unknown[] = [];
    const off = t.c.events.on('notification.created', (e) => {
      if (e.userId === u.id) live.push(e.notification);
    });
    await notify({ userId: u.id, type: 'BOOKING_REQUESTED', data: { bookingNumber: 'LP-Q' } });
    await t.c.jobs.drain!();
    off();
    expect(live).toHaveLength(1);
    expect(await outbox(token)).toHaveLength(0);
    expect(await outbox(u.phone)).toHaveLength(0);
    const [row] = await t.c.db.select().from(notifications).where(eq(notifications.userId, u.id));
    expect(row!.deliveries.push).toMatch(/^deferred /);

    await t.c.jobs.drain!({ includeDelayed: true } as never);
    expect(await outbox(token)).toHaveLength(1);
    expect(await outbox(u.phone)).toHaveLength(1);

    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: u.headers,
      payload: { quietHours: null, smsEnabled: false, channels: { BOOKING_REQUESTED: { push: false } } },
    });
    await notify({ userId: u.id, type: 'BOOKING_REQUESTED', data: { bookingNumber: 'LP-R' } });
    await t.c.jobs.drain!();
    expect(await outbox(token)).toHaveLength(1);
    expect(await outbox(u.phone)).toHaveLength(1);
  });
});

describe('service names in the reader language', () => {
  it('a Hindi-speaking provider reads the booked service by its Hindi catalogue name; an English one by the English', async () => {
    for (const [language, expected, absent] of [
      ['hi', 'मरम्मत', 'Repair'],
      ['en', 'Repair', 'मरम्मत'],
    ] as const) {
      const provider = await createApprovedProvider(t.c, { language });
      const customer = await createUser(t.c, { role: 'CUSTOMER' });
      const res = await requestBooking(
        t.app,
        { provider, sub: provider.category.subCategories[0]! },
        customer,
        ist(workday(), '10:00'),
      );
      expect(res.statusCode).toBe(201);
      const [item] = (await get(provider.user, '/api/notifications')).json().items;
      expect(item.type).toBe('BOOKING_REQUESTED');
      expect(item.body).toContain(expected);
      expect(item.body).not.toContain(absent);
      // The stored data keeps the booking's own (English) name for any later re-rendering.
      expect(item.data.serviceName).toBe('Repair');
    }
  });
});
