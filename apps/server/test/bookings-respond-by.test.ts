import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { type BookingWorld, bookingWorld, ist, put, requestBooking, workday } from './factories/bookings';

let t: TestApp;
let w: BookingWorld;
const day = workday(3);

beforeAll(async () => {
  t = await createTestApp({ BOOKING_RESPONSE_TIMEOUT_MIN: '45' });
  w = await bookingWorld(t.c);
});
afterAll(() => t.close());

describe('respondBy: when an unanswered request expires (the provider dashboard counts down to it)', () => {
  it('is created + the response timeout while PENDING, in IST, for both sides; null once answered', async () => {
    const created = await requestBooking(t.app, w, w.customer, ist(day, '10:00'));
    expect(created.statusCode).toBe(201);
    const b = created.json();
    // Whole seconds (IST ISO strings carry no milliseconds): never later than the real expiry.
    const expected = Math.floor((Date.parse(b.createdAt) + 45 * 60_000) / 1000) * 1000;
    expect(b.respondBy).toMatch(/\+05:30$/);
    expect(Date.parse(b.respondBy)).toBe(expected);

    const list = await t.app.inject({ url: '/api/bookings?as=provider', headers: w.provider.user.headers });
    const mine = list.json().items.find((x: { id: string }) => x.id === b.id);
    expect(Date.parse(mine.respondBy)).toBe(expected);

    const accepted = await put(t.app, w.provider.user, b.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().respondBy).toBeNull();
    const detail = await t.app.inject({ url: `/api/bookings/${b.id}`, headers: w.customer.headers });
    expect(detail.json().respondBy).toBeNull();
  });
});
