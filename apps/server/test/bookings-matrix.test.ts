import { afterAll, beforeAll, describe } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { authzMatrix, type MatrixContext, type MatrixExpectations, publicRoute } from './authz/matrix';
import { approveForBookings, ist, nearby, put, workday } from './factories/bookings';

/** Every bookings route × every kind of caller (DESIGN §8): non-participants get 404, never 403. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000', MAX_PENDING_BOOKINGS_PER_CUSTOMER: '100000' });
});
afterAll(async () => {
  await t?.close();
});

let slot = 0;
const nextSlot = () => ist(workday(2, Math.floor(slot / 4)), ['09:00', '11:00', '15:00', '17:00'][slot++ % 4]!);
let bookable: Promise<Awaited<ReturnType<typeof approveForBookings>>> | undefined;
let last = { id: '', startCode: '' };

type Stage = 'PENDING' | 'CONFIRMED' | 'IN_PROGRESS' | 'COMPLETED' | 'PROPOSED';
/** A fresh booking of `actors.customer` with `actors.provider`, driven to `stage` by its owners. */
async function booking(ctx: MatrixContext, stage: Stage): Promise<string> {
  const { customer, provider } = ctx.actors;
  bookable ??= approveForBookings(ctx.c, provider.providerId!);
  const p = await bookable;
  const r = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/bookings',
    headers: customer.headers,
    payload: { providerId: p.providerId, subCategoryId: p.sub.id, scheduledStart: nextSlot(), serviceLocation: nearby },
  });
  if (r.statusCode !== 201) throw new Error(`fixture booking failed: ${r.body}`);
  last = { id: r.json().id, startCode: r.json().startCode };
  if (stage !== 'PENDING') await put(ctx.t.app, provider, last.id, 'accept');
  if (stage === 'PROPOSED') await put(ctx.t.app, customer, last.id, 'reschedule', { scheduledStart: nextSlot() });
  if (stage === 'IN_PROGRESS' || stage === 'COMPLETED')
    await put(ctx.t.app, provider, last.id, 'start', { startCode: last.startCode });
  if (stage === 'COMPLETED') await put(ctx.t.app, provider, last.id, 'complete');
  return last.id;
}

/** Cells every booking action shares: the stranger cells are 404 so ids cannot be probed. */
const action = (customer: number | 'allow', provider: number | 'allow', admin: number | 'allow'): MatrixExpectations => ({
  anonymous: 401,
  banned: 403,
  otherCustomer: 404,
  otherProvider: 404,
  adminNo2fa: 403,
  customer,
  provider,
  admin,
});
const on = (stage: Stage, path: string) => async (ctx: MatrixContext) => `/api/bookings/${await booking(ctx, stage)}/${path}`;

describe('bookings authorization matrix', () => {
  authzMatrix(
    () => t,
    [
      {
        name: 'availability',
        method: 'GET',
        url: async (ctx) => {
          bookable ??= approveForBookings(ctx.c, ctx.actors.provider.providerId!);
          return `/api/providers/${(await bookable).providerId}/availability?date=${workday(2)}`;
        },
        expect: publicRoute,
      },
      {
        name: 'create',
        method: 'POST',
        url: '/api/bookings',
        body: async (ctx: MatrixContext) => {
          bookable ??= approveForBookings(ctx.c, ctx.actors.provider.providerId!);
          const p = await bookable;
          return { providerId: p.providerId, subCategoryId: p.sub.id, scheduledStart: nextSlot(), serviceLocation: nearby };
        },
        expect: {
          anonymous: 401,
          banned: 403,
          customer: 201,
          otherCustomer: 201,
          provider: 403,
          otherProvider: 403,
          admin: 403,
          adminNo2fa: 403,
        },
      },
      {
        name: 'list as customer',
        method: 'GET',
        url: '/api/bookings?as=customer',
        expect: {
          anonymous: 401,
          banned: 403,
          customer: 200,
          otherCustomer: 200,
          provider: 403,
          otherProvider: 403,
          admin: 403,
          adminNo2fa: 403,
        },
      },
      {
        name: 'list as provider',
        method: 'GET',
        url: '/api/bookings?as=provider',
        expect: {
          anonymous: 401,
          banned: 403,
          customer: 403,
          otherCustomer: 403,
          provider: 200,
          otherProvider: 200,
          admin: 403,
          adminNo2fa: 403,
        },
      },
      {
        name: 'read one',
        method: 'GET',
        url: async (ctx) => `/api/bookings/${await booking(ctx, 'PENDING')}`,
        expect: { ...action(200, 200, 200), adminNo2fa: 404 },
      },
      { name: 'last tracked location', method: 'GET', url: on('CONFIRMED', 'location'), expect: action(200, 200, 200) },
      { name: 'accept', method: 'PUT', url: on('PENDING', 'accept'), expect: action(403, 200, 403) },
      {
        name: 'reject',
        method: 'PUT',
        url: on('PENDING', 'reject'),
        body: { reason: 'not free' },
        expect: action(403, 200, 403),
      },
      {
        name: 'cancel',
        method: 'PUT',
        url: on('PENDING', 'cancel'),
        body: { reason: 'plans changed' },
        expect: action(200, 403, 200),
      },
      { name: 'on my way', method: 'PUT', url: on('CONFIRMED', 'on-my-way'), expect: action(403, 200, 403) },
      {
        name: 'start',
        method: 'PUT',
        url: on('CONFIRMED', 'start'),
        body: () => ({ startCode: last.startCode }),
        expect: action(403, 200, 403),
      },
      { name: 'new start code', method: 'PUT', url: on('CONFIRMED', 'start-code'), expect: action(200, 403, 403) },
      { name: 'complete', method: 'PUT', url: on('IN_PROGRESS', 'complete'), expect: action(403, 200, 403) },
      { name: 'confirm completion', method: 'PUT', url: on('COMPLETED', 'confirm-completion'), expect: action(200, 403, 403) },
      { name: 'no-show (too early)', method: 'PUT', url: on('CONFIRMED', 'no-show'), expect: action(422, 422, 403) },
      {
        name: 'dispute',
        method: 'PUT',
        url: on('IN_PROGRESS', 'dispute'),
        body: { reason: 'not done' },
        expect: action(200, 403, 403),
      },
      {
        name: 'propose reschedule',
        method: 'PUT',
        url: on('CONFIRMED', 'reschedule'),
        body: () => ({ scheduledStart: nextSlot() }),
        expect: action(200, 200, 403),
      },
      { name: 'accept reschedule', method: 'PUT', url: on('PROPOSED', 'reschedule/accept'), expect: action(403, 200, 403) },
      { name: 'decline reschedule', method: 'PUT', url: on('PROPOSED', 'reschedule/decline'), expect: action(403, 200, 403) },
    ],
  );
});
