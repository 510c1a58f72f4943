import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../src/container';
import { providerProfiles } from '../../src/modules/providers/providers.tables';
import type { TestUser } from './index';
import { createApprovedProvider, createCategory, createUser, standardHours } from './index';

/** Hazratganj, Lucknow (the default provider base) and a point ~2 km away. */
export const nearby = { address: '12 MG Marg, Hazratganj, Lucknow', lat: 26.8606, lng: 80.9566 };

const DAY = 86_400_000;

/** An IST working day (Mon–Sat) at least `minDaysAhead` days from now, as YYYY-MM-DD. */
export function workday(minDaysAhead = 2, index = 0): string {
  const out: string[] = [];
  for (let d = minDaysAhead; out.length <= index; d++) {
    const date = new Date(Date.now() + 5.5 * 3_600_000 + d * DAY).toISOString().slice(0, 10);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() !== 0) out.push(date);
  }
  return out[index]!;
}

/** `HH:MM` on an IST date as ISO 8601 with +05:30. */
export const ist = (date: string, hm: string) => `${date}T${hm}:00+05:30`;

export async function bookingWorld(c: Container) {
  const provider = await createApprovedProvider(c);
  const customer = await createUser(c, { role: 'CUSTOMER' });
  const otherCustomer = await createUser(c, { role: 'CUSTOMER' });
  const otherProvider = (await createApprovedProvider(c)).user;
  const admin = await createUser(c, { role: 'ADMIN' });
  const adminNo2fa = await createUser(c, { role: 'ADMIN', secondFactor: false });
  return { provider, customer, otherCustomer, otherProvider, admin, adminNo2fa, sub: provider.category.subCategories[0]! };
}
export type BookingWorld = Awaited<ReturnType<typeof bookingWorld>>;

export async function requestBooking(
  app: FastifyInstance,
  w: Pick<BookingWorld, 'provider' | 'sub'>,
  customer: TestUser,
  scheduledStart: string,
  extra: Record<string, unknown> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/bookings',
    headers: customer.headers,
    payload: { providerId: w.provider.providerId, subCategoryId: w.sub.id, scheduledStart, serviceLocation: nearby, ...extra },
  });
}

export async function put(app: FastifyInstance, user: TestUser | null, id: string, action: string, payload?: unknown) {
  return app.inject({
    method: 'PUT',
    url: `/api/bookings/${id}/${action}`,
    headers: user ? user.headers : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** Moves a booking in time (keeping its length and buffer), e.g. into the past for no-show tests. */
export async function shiftBooking(c: Container, bookingId: string, minutes: number): Promise<void> {
  await c.database.query(
    `update bookings set scheduled_start = scheduled_start + make_interval(mins => $2),
       scheduled_end = scheduled_end + make_interval(mins => $2),
       slot = tstzrange(lower(slot) + make_interval(mins => $2), upper(slot) + make_interval(mins => $2), '[)')
     where id = $1`,
    [bookingId, minutes],
  );
}

/** Makes an existing (DRAFT) provider bookable: approved, priced, with standard hours at Hazratganj. */
export async function approveForBookings(c: Container, providerId: string) {
  const category = await createCategory(c.db);
  await c.db
    .update(providerProfiles)
    .set({
      status: 'APPROVED',
      businessName: 'Matrix Provider',
      categoryId: category.category.id,
      subCategoryIds: category.subCategories.map((s) => s.id),
      baseLat: 26.8506,
      baseLng: 80.9466,
      serviceRadiusKm: 10,
      pricing: category.subCategories.map((s) => ({
        subCategoryId: s.id,
        kind: 'FIXED' as const,
        amountPaise: 49_900,
        durationMin: 60,
      })),
      workingHours: standardHours,
      approvedAt: new Date(),
    })
    .where(eq(providerProfiles.id, providerId));
  return { providerId, category, sub: category.subCategories[0]! };
}
